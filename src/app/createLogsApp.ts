import { createPinia, type Pinia } from 'pinia'
import { createApp, type App, type Component } from 'vue'
import type { Router } from 'vue-router'
import AppShell from '@/shell/AppShell.vue'
import { ELEMENT_IDS } from '@/app/elementNamespace'
import { createAppI18n, setAppLocale, type AppI18n } from '@/app/i18n'
import { createAppRouter, type HistoryMode } from '@/app/router'
import { LOG_KIND_DEFINITIONS, LOG_KINDS } from '@/logKinds'
import { parseViewState } from '@/logKinds/views/parseViewState'
import type { AppLocale } from '@/locales'
import { useAppConfigStore, type AppConfig } from '@/stores/appConfig'
import { useLogStore } from '@/stores/logStore'

export interface CreateLogsAppOptions {
  /**
   * `web` for the standalone preview, `memory` when embedded in a host page.
   * @default 'web'
   */
  history?: HistoryMode
  /** @default 'en_US' */
  locale?: AppLocale
  /**
   * The BCP 47 locale of dates and numbers (`de-DE`), when it is not the language's own.
   * @default the language's own: en-US, pl-PL
   */
  formatLocale?: string
  /** The root component. @default AppShell (the standalone admin look) */
  root?: Component
  /** API access, time zone, link templates, host events. */
  config?: Partial<AppConfig>
}

export interface LogsApp {
  app: App
  pinia: Pinia
  router: Router
  i18n: AppI18n
  /** Element Plus ids and popper containers of this app carry this number. */
  idPrefix: number
  /** Resolves once the app's language is loaded (at once for English): mount after it. */
  localeReady: Promise<void>
}

let instances = 0

/**
 * Builds a fresh app with its own Pinia, router and i18n on every call, so that two mounted
 * instances never share state.
 */
export function createLogsApp(options: CreateLogsAppOptions = {}): LogsApp {
  const app = createApp(options.root ?? AppShell)
  const pinia = createPinia()
  const router = createAppRouter(options.history ?? 'web')
  const i18n = createAppI18n(options.locale)
  const localeReady = setAppLocale(i18n.global, options.locale ?? i18n.global.locale.value, options.formatLocale)
  // Element Plus ids unique per app, so two instances on one page never share an id.
  const idPrefix = 7000 + (instances++ % 2000)
  // Element Plus's configuration follows once its controls' code is there (the root component's
  // useElementConfiguration, elementApps.ts).
  app.provide(ELEMENT_IDS, { prefix: idPrefix, current: 0 })
  app.use(pinia).use(router).use(i18n)
  if (options.config) useAppConfigStore(pinia).configure(options.config)
  // What the entry started before the app loaded is for the first load only: whatever of it that
  // load did not take is cancelled once it is over (or at once, when the first page is no log).
  let firstRequests = options.config?.firstRequests ?? null
  // A log's records start loading as soon as its route is known, while the page's code loads
  // (the page asks again for the same log, which changes nothing).
  router.beforeEach(async (to) => {
    const kind = LOG_KINDS.find((k) => LOG_KIND_DEFINITIONS[k].routeName === to.name)
    const first = firstRequests
    firstRequests = null
    if (!kind) return first?.discard()
    const loading = useLogStore(kind, pinia).loadView(parseViewState(kind, to.query).state)
    if (first) void loading.finally(() => first.discard())
    // One task's pause lets the request leave (axios sends it a few microtasks later) before the
    // page's first render holds the thread for a few hundred milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
  return { app, pinia, router, i18n, idPrefix, localeReady }
}
