import type { Router, RouteLocationNormalized } from 'vue-router'

const underWay = new WeakMap<Router, RouteLocationNormalized>()

/**
 * Notes each navigation of the router from its very start (call it before the app's own guards,
 * which may wait) until it lands, fails or throws, unless a newer one has taken its place.
 */
export function trackNavigations(router: Router) {
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
