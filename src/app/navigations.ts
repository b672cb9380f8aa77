/**
 * Which navigation of a router is under way. Apart from the router's routes, so that a page the
 * routes import (the log page's URL sync) can ask without importing them back.
 */
import type { RouteLocationNormalized, Router } from 'vue-router'

const underWay = new WeakMap<Router, RouteLocationNormalized>()

/**
 * Follows a router's navigations: call it before adding any other guard, so that a navigation is
 * known from its very start (the app's own guards may wait); it is over when it lands, fails or
 * throws, unless a newer one has taken its place.
 */
export function trackNavigations(router: Router): void {
  router.beforeEach((to) => void underWay.set(router, to))
  const over = (to: RouteLocationNormalized) => {
    if (underWay.get(router) === to) underWay.delete(router)
  }
  router.afterEach((to) => over(to))
  router.onError((_error, to) => over(to))
}

/** A navigation of this router has started and not yet landed, failed or been replaced. */
export function navigationUnderWay(router: Router): boolean {
  return underWay.has(router)
}
