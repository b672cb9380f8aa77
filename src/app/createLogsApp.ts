import { createApp, type App } from 'vue'
import { createPinia, type Pinia } from 'pinia'
import type { Router } from 'vue-router'
import AppShell from '@/components/AppShell.vue'
import { createAppI18n, type AppI18n } from '@/app/i18n'
import { createAppRouter, type HistoryMode } from '@/app/router'
import type { AppLocale } from '@/locales'

export interface CreateLogsAppOptions {
  /**
   * `web` for the standalone preview, `memory` when embedded in a host page.
   * @default 'web'
   */
  history?: HistoryMode
  /** @default 'en_US' */
  locale?: AppLocale
}

export interface LogsApp {
  app: App
  pinia: Pinia
  router: Router
  i18n: AppI18n
}

/**
 * Builds a fresh app with its own Pinia, router and i18n on every call, so that two mounted
 * instances never share state.
 */
export function createLogsApp(options: CreateLogsAppOptions = {}): LogsApp {
  const app = createApp(AppShell)
  const pinia = createPinia()
  const router = createAppRouter(options.history ?? 'web')
  const i18n = createAppI18n(options.locale)
  app.use(pinia).use(router).use(i18n)
  return { app, pinia, router, i18n }
}
