/**
 * The standalone preview's app, mounted into #app. main.ts loads it once it has started the
 * page's first request, and hands that request over.
 */
import type { FirstRequests } from '@/api/client'
import { createLogsApp } from '@/app/createLogsApp'
import { createPopperContainer } from '@/app/popperContainer'
import { parseLocale } from '@/locales'

export function startStandalone(firstRequests: FirstRequests | null): void {
  const locale = parseLocale(new URLSearchParams(window.location.search).get('lang'))
  const { app, router, i18n, idPrefix, localeReady } = createLogsApp({
    history: 'web',
    locale,
    ...(firstRequests && { config: { firstRequests } }),
  })
  createPopperContainer(document.body, idPrefix, () => i18n.global.t('filters.label'))
  void Promise.all([router.isReady(), localeReady]).then(() => app.mount('#app'))
}
