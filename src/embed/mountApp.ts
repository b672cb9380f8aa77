/**
 * The mounted app behind `mount()` (index.ts loads this once it has checked the options and
 * started the page's first request): in-memory routing, its own Pinia, router and i18n, and all
 * of it taken away again on `unmount()`.
 */
import { watch } from 'vue'
import type { RouteLocationNormalized } from 'vue-router'
import type { FirstRequests } from '@/api/client'
import { ELEMENT_NAMESPACE } from '@/app/elementNamespace'
import { formatLocaleOf, languageChoice, setAppLocale } from '@/app/i18n'
import { createLogsApp } from '@/app/createLogsApp'
import { createPopperContainer } from '@/app/popperContainer'
import EmbedRoot from '@/embed/EmbedRoot.vue'
import {
  checkOptions,
  checkView,
  configPatch,
  toQuery,
  type MountedLogs,
  type MountFilters,
  type MountOptions,
} from '@/embed/options'
import { LOG_KIND_DEFINITIONS, LOG_KINDS, type LogKind } from '@/logKinds'
import { NARROW_KEYS } from '@/logKinds/filters'
import type { AppLocale, LocaleMatch } from '@/locales'
import { useAppConfigStore } from '@/stores/appConfig'

/** What index.ts checked and started: the log, its query, the locale's match, the first requests. */
export interface CheckedMount {
  view: LogKind
  query: Record<string, string>
  match: LocaleMatch | undefined
  firstRequests: FirstRequests | null
}

function viewOf(route: RouteLocationNormalized): LogKind | null {
  return LOG_KINDS.find((kind) => LOG_KIND_DEFINITIONS[kind].routeName === route.name) ?? null
}

/** Mounts the app into `host`, with options index.ts has checked. */
export function mountApp(host: HTMLElement, options: MountOptions, checked: CheckedMount): MountedLogs {
  const { view, match, firstRequests } = checked
  const { app, router, i18n, pinia, idPrefix, localeReady } = createLogsApp({
    history: 'memory',
    root: EmbedRoot,
    locale: match?.language,
    formatLocale: match?.formatLocale,
    config: { ...configPatch(options), onEvent: options.onEvent ?? null, firstRequests },
  })
  const config = useAppConfigStore(pinia)

  // Tell the host when the user moves to another log or a narrowed view.
  const stopNavigateEvents = router.afterEach((to, from) => {
    const toView = viewOf(to)
    if (!toView || from.matched.length === 0) return
    const narrowing = (route: RouteLocationNormalized) => NARROW_KEYS.map((key) => route.query[key] ?? '').join('|')
    if (toView !== viewOf(from) || narrowing(to) !== narrowing(from)) {
      config.emit({ type: 'navigate', view: toView, filters: to.query as Record<string, string> })
    }
  })

  const wrapper = document.createElement('div')
  wrapper.className = 'tts-logs-host'
  const container = document.createElement('div')
  wrapper.appendChild(container)
  host.appendChild(wrapper)
  const popups = createPopperContainer(wrapper, idPrefix, () => i18n.global.t('filters.label'))
  void router.push({ path: LOG_KIND_DEFINITIONS[view].path, query: checked.query })
  let mounted = true
  let appMounted = false

  // The host hears which language the app shows and the locale of its dates and numbers: once
  // the app is mounted, and whenever either changes.
  let requested = typeof options.locale === 'string' ? options.locale : null
  let told = ''
  const tellLanguage = () => {
    if (!mounted || !appMounted) return
    const language = i18n.global.locale.value as AppLocale
    const formatLocale = formatLocaleOf(i18n.global)
    if (`${language} ${formatLocale}` === told) return
    told = `${language} ${formatLocale}`
    config.emit({ type: 'language-change', language, formatLocale, requested })
  }
  const stopLanguageEvents = watch(() => `${i18n.global.locale.value} ${formatLocaleOf(i18n.global)}`, tellLanguage)

  // In English at once; in another language once its texts are loaded (never a flash of English).
  const attach = () => {
    if (!mounted || appMounted) return
    appMounted = true
    app.mount(container)
    // After mount() has returned, so that the host's handler may already use what it returned.
    void Promise.resolve().then(tellLanguage)
  }
  if (i18n.global.locale.value === (match?.language ?? i18n.global.locale.value)) attach()
  else void localeReady.then(attach)

  const stopLocaleWatch = watch(
    () => i18n.global.locale.value,
    (locale) => container.setAttribute('lang', String(locale).slice(0, 2)),
    { immediate: true },
  )

  function navigate(nextView: LogKind, filters?: MountFilters) {
    if (!mounted) throw new Error('tts-logs: navigate() after unmount()')
    void router.push({ path: LOG_KIND_DEFINITIONS[checkView(nextView)].path, query: toQuery(filters) })
  }

  return {
    unmount() {
      if (!mounted) return
      mounted = false
      stopNavigateEvents()
      stopLocaleWatch()
      stopLanguageEvents()
      if (appMounted) app.unmount()
      firstRequests?.discard()
      popups.disconnectObserver()
      wrapper.remove()
      // Should Element Plus ever have made its own popper container in <body>, it goes too.
      document.getElementById(`${ELEMENT_NAMESPACE}-popper-container-${idPrefix}`)?.remove()
    },
    navigate,
    update(next: MountOptions) {
      if (!mounted) throw new Error('tts-logs: update() after unmount()')
      const match = checkOptions(next)
      if (match) {
        requested = next.locale as string
        void setAppLocale(i18n.global, match.language, match.formatLocale)
      }
      config.configure({ ...configPatch(next), ...(next.onEvent && { onEvent: next.onEvent }) })
      if (next.view !== undefined || next.filters !== undefined) {
        navigate(next.view ?? viewOf(router.currentRoute.value) ?? 'listing', next.filters)
      }
    },
    get language() {
      return languageChoice(i18n.global).language
    },
    get formatLocale() {
      return languageChoice(i18n.global).formatLocale
    },
  }
}
