/**
 * Element Plus's form controls (select, input, checkbox, tag) are most of the first screen's code,
 * and nothing they do is needed to read the first rows. Their code loads once the first rows are
 * on screen (LogPage says so), or after MAX_WAIT_MS on a page without rows; until then each Lazy*
 * component (LazySelect.vue, LazyInput.vue, …) shows a box of the same look and size, with
 * Element Plus's own classes and styles, that does nothing, so nothing moves when the real
 * control takes its place. (Buttons need none of Element Plus's code: LiteButton.vue.) A load
 * that fails (the network is gone) is tried again when the browser is back online, or a while
 * later.
 */
import { useI18n } from 'petite-vue-i18n'
import { getCurrentInstance, inject, markRaw, onUnmounted, shallowRef, type App, type Component } from 'vue'
import { ELEMENT_IDS } from '@/app/elementNamespace'
import type { ElementApp } from '@/app/elementScope'

export interface ElementParts {
  ElSelect: Component
  ElOption: Component
  ElInput: Component
  ElCheckbox: Component
  ElTag: Component
  /** Gives an app Element Plus's configuration (elementScope.ts). */
  provideElementContextToApp(app: ElementApp): () => void
}

/** Element Plus's controls, once loaded. */
export const elementParts = shallowRef<ElementParts | null>(null)

/** A page without a grid (Logs Clearing) does not keep its controls waiting longer than this. */
const MAX_WAIT_MS = 1500
/** After a failed load, the next try comes at once when back online, else after this (doubling). */
const RETRY_MS = 2000
const RETRY_AT_MOST_MS = 60_000
let retryMs = RETRY_MS

let open: () => void = () => {}
const opened = new Promise<void>((resolve) => (open = resolve))
let loading: Promise<void> | null = null

/** The first rows are on screen (or the load ended without any): deferred parts may load. */
export function firstRowsShown(): void {
  open()
}

/** Tries the load again once the browser is back online, or after a while, whichever comes first. */
function retryLater() {
  const retry = () => {
    clearTimeout(timer)
    window.removeEventListener('online', retry)
    void loadElementParts()
  }
  const timer = setTimeout(retry, retryMs)
  retryMs = Math.min(retryMs * 2, RETRY_AT_MOST_MS)
  window.addEventListener('online', retry)
}

/**
 * The mounted apps, each with what its Element Plus configuration is made of. The configuration
 * (namespace, texts in the app's language, the app's ids) is provided to the whole app, under
 * Element Plus's own keys, once the controls' code has arrived and before any control shows:
 * the keys come with that code, and nothing before the first rows needs them. Each entry holds
 * the undoing of what was provided (null until then).
 */
const apps = new Map<App, { app: ElementApp; undo: (() => void) | null }>()

/**
 * Gives `app` Element Plus's configuration once its controls' code is there (at once if it is).
 * Returns what ends that, for when the app goes.
 */
export function registerElementApp(app: ElementApp): () => void {
  // Once per app: what registered it first ends it.
  if (apps.has(app.app)) return () => {}
  const entry = { app, undo: elementParts.value ? elementParts.value.provideElementContextToApp(app) : null }
  apps.set(app.app, entry)
  return () => {
    entry.undo?.()
    apps.delete(app.app)
  }
}

/** How many apps are held for Element Plus's configuration (for tests: none once unmounted). */
export const elementAppsHeld = (): number => apps.size

/**
 * For an app's root component: the app is given Element Plus's configuration for as long as the
 * root is mounted (an app never mounted, its language still loading when the host unmounts it,
 * is never held here).
 */
export function useElementConfiguration(): void {
  const instance = getCurrentInstance()
  const ids = inject(ELEMENT_IDS, null)
  if (!instance || !ids) return
  onUnmounted(registerElementApp({ app: instance.appContext.app, locale: useI18n().locale, ids }))
}

/** Loads the controls' code (once), when the first rows are shown or MAX_WAIT_MS has passed. */
export function loadElementParts(): Promise<void> {
  loading ??= Promise.race([opened, new Promise<void>((resolve) => setTimeout(resolve, MAX_WAIT_MS))])
    .then(() => import('@/app/elementParts'))
    .then(
      (parts) => {
        // The configuration first: a control set up before it would not see it.
        for (const entry of apps.values()) entry.undo ??= parts.provideElementContextToApp(entry.app)
        elementParts.value = markRaw({ ...parts })
      },
      () => {
        loading = null
        retryLater()
      },
    )
  return loading
}
