/**
 * The mounted apps, each with what its Element Plus configuration is made of (namespace, texts in
 * the app's language, the app's ids). The configuration is provided to each whole app, under
 * Element Plus's own keys, as soon as any of Element Plus's code has arrived (elementScope.ts):
 * the keys come with that code, and nothing before the first rows needs them. That is when the
 * form controls' code arrives (deferredUi.ts, before any control shows), or when a part with
 * Element Plus's own components is set up first (the date filter, a dialog, the drawer, Logs
 * Clearing).
 */
import { useI18n } from 'petite-vue-i18n'
import { getCurrentInstance, inject, onUnmounted, type App, type Ref } from 'vue'
import { ELEMENT_IDS } from '@/app/elementNamespace'

/** An app, with what its configuration is made of. */
export interface ElementApp {
  app: App
  /** Its language (its i18n's locale). */
  locale: Readonly<Ref<string>>
  /** Its Element Plus ids (the value of ELEMENT_IDS). */
  ids: { prefix: number; current: number }
}

/** Provides an app's configuration; returns what stops it following the app's language. */
type ProvideToApp = (app: ElementApp) => () => void

/** Each app held, with the undoing of what was provided to it (null until then). */
const apps = new Map<App, { app: ElementApp; undo: (() => void) | null }>()
/** Once Element Plus's code is there. */
let provideToApp: ProvideToApp | null = null

/** Element Plus's code is there: every app held is given its configuration (once each). */
export function elementCodeArrived(provide: ProvideToApp): void {
  provideToApp ??= provide
  for (const entry of apps.values()) entry.undo ??= provideToApp(entry.app)
}

/**
 * Gives `app` Element Plus's configuration once its code is there (at once if it is). Returns
 * what ends that, for when the app goes.
 */
export function registerElementApp(app: ElementApp): () => void {
  // Once per app: what registered it first ends it.
  if (apps.has(app.app)) return () => {}
  const entry = { app, undo: provideToApp ? provideToApp(app) : null }
  apps.set(app.app, entry)
  return () => {
    entry.undo?.()
    apps.delete(app.app)
  }
}

/** How many apps are held (for tests: none once unmounted). */
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
