/**
 * The embed entry: `mount(el, options)` puts the Logs & Events app into a host page (a tab of
 * the Magento admin) with in-memory routing, its own Pinia, router and i18n, and takes all of
 * it away again on `unmount()`.
 */
import { watch } from 'vue'
import type { RouteLocationNormalized } from 'vue-router'
import { ELEMENT_NAMESPACE } from '@/app/elementNamespace'
import { formatLocaleOf, languageChoice, setAppLocale } from '@/app/i18n'
import { createLogsApp } from '@/app/createLogsApp'
import { createPopperContainer } from '@/app/popperContainer'
import EmbedRoot from '@/embed/EmbedRoot.vue'
import { LOG_KIND_DEFINITIONS, LOG_KINDS, type LogKind } from '@/logKinds'
import { NARROW_KEYS } from '@/logKinds/filters'
import { QUERY_KEYS } from '@/logKinds/viewState'
import { matchLocale, type AppLocale, type LocaleMatch } from '@/locales'
import { useAppConfigStore, type AppConfig, type AppEvent, type UrlTemplates } from '@/stores/appConfig'
import '@/styles/theme.css'

export type { AppEvent, UrlTemplates }

/** Filters use the keys of the pages' deep links: type, action, from, to, q, unique, view… */
export type MountFilters = Partial<Record<(typeof QUERY_KEYS)[number], string | number | boolean | number[]>>

export interface MountOptions {
  /** @default 'listing' */
  view?: LogKind
  filters?: MountFilters
  /** @default '/api/v1' */
  apiBaseUrl?: string
  /** Extra headers on every API request. */
  requestHeaders?: Record<string, string>
  /** Extra query params on every API request, e.g. `{ form_key }`. */
  requestParams?: Record<string, string>
  /** Send the admin's session cookie to another origin. @default false */
  withCredentials?: boolean
  /**
   * The admin's bearer token for the API (docs/embedding.md, "Who may read"): called before the
   * first request, and once more after a 401. @default none: no token is sent
   */
  getToken?: () => string | Promise<string>
  /**
   * The admin's locale, BCP 47 or Magento's (`de_DE`, `fr-CA`, `pl`, `zh_Hans_CN`): the texts in
   * the closest language the app has (Polish for a Polish locale, else English), dates and
   * numbers in the locale itself. @default 'en_US'
   */
  locale?: AppLocale | string
  /** IANA time zone of the admin. @default the browser's */
  timeZone?: string
  /** Link templates with `{id}`. */
  urls?: Partial<UrlTemplates>
  /** Whose saved views these are: the admin user's id or name. Views are kept per user key. */
  userKey?: string
  onEvent?: (event: AppEvent) => void
  /**
   * Records a log page holds at most. A larger log is held as its newest `maxRecords` (the page
   * says so, and a date range loads older ones); the `window` event tells the host. `update()`
   * changes it for the loads that follow, not for a log already held. @default 2,000,000
   */
  maxRecords?: number
}

export interface MountedLogs {
  /** Removes the app and everything it added to the page. */
  unmount(): void
  /** Shows another log, or the same log with other filters, without remounting. */
  navigate(view: LogKind, filters?: MountFilters): void
  /** Changes options of the mounted app without remounting (view and filters navigate). */
  update(options: MountOptions): void
  /** The language chosen for `locale` (shown, or still loading): `en_US` or `pl_PL`. */
  readonly language: AppLocale
  /** The BCP 47 locale of the dates and numbers (`de-DE` for `de_DE`; `en-US` without a locale). */
  readonly formatLocale: string
}

function toQuery(filters: MountFilters = {}): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue
    if (!(QUERY_KEYS as readonly string[]).includes(key)) {
      throw new Error(`tts-logs: unknown filter "${key}"; the keys are ${QUERY_KEYS.join(', ')}`)
    }
    query[key] = Array.isArray(value)
      ? value.join(',')
      : typeof value === 'boolean'
        ? value
          ? '1'
          : '0'
        : String(value)
  }
  return query
}

function checkView(view: string | undefined): LogKind {
  if (view === undefined) return 'listing'
  if (!(LOG_KINDS as readonly string[]).includes(view)) {
    throw new Error(`tts-logs: unknown view "${view}"; use listing, order or synchronization`)
  }
  return view as LogKind
}

/**
 * The locale option as the language to show and the locale of dates and numbers. Any locale
 * mounts (a German admin gets English texts with German dates); only what is not a locale at all
 * throws.
 */
function checkLocale(locale: unknown): LocaleMatch | undefined {
  if (locale === undefined) return undefined
  const match = matchLocale(locale)
  if (!match) {
    throw new Error(
      `tts-logs: option "locale" must be a BCP 47 or Magento locale such as de_DE, fr-CA or pl; got ${JSON.stringify(locale)}`,
    )
  }
  return match
}

/** A time zone Intl does not know throws (dates would otherwise silently show in UTC). */
function checkTimeZone(timeZone: unknown): void {
  if (timeZone === undefined) return
  let known = typeof timeZone === 'string' && timeZone !== ''
  try {
    if (known) new Intl.DateTimeFormat('en-US', { timeZone: timeZone as string })
  } catch {
    known = false
  }
  if (!known) {
    throw new Error(
      `tts-logs: option "timeZone" must be an IANA time zone such as Europe/Warsaw; got ${JSON.stringify(timeZone)}`,
    )
  }
}

/** The app-config part of mount options: only what was given. */
function configPatch(options: MountOptions): Partial<AppConfig> {
  return {
    ...(options.apiBaseUrl !== undefined && { apiBaseUrl: options.apiBaseUrl }),
    ...(options.requestHeaders && { requestHeaders: options.requestHeaders }),
    ...(options.requestParams && { requestParams: options.requestParams }),
    ...(options.withCredentials !== undefined && { withCredentials: options.withCredentials }),
    ...(options.timeZone && { timeZone: options.timeZone }),
    ...(options.urls && { urls: options.urls as UrlTemplates }),
    ...(options.userKey !== undefined && { userKey: options.userKey }),
    ...(options.maxRecords !== undefined && { maxRecords: options.maxRecords }),
    ...(options.getToken !== undefined && { getToken: options.getToken }),
  }
}

function checkGetToken(getToken: unknown): void {
  if (getToken !== undefined && typeof getToken !== 'function') {
    throw new TypeError(
      `tts-logs: option "getToken" must be a function returning the admin's token; got ${typeof getToken}`,
    )
  }
}

function checkMaxRecords(maxRecords: unknown): void {
  if (maxRecords === undefined) return
  if (typeof maxRecords !== 'number' || !Number.isInteger(maxRecords) || maxRecords < 1) {
    throw new TypeError(
      `tts-logs: option "maxRecords" must be a whole number of records, at least 1; got ${JSON.stringify(maxRecords)}`,
    )
  }
}

function viewOf(route: RouteLocationNormalized): LogKind | null {
  return LOG_KINDS.find((kind) => LOG_KIND_DEFINITIONS[kind].routeName === route.name) ?? null
}

/** Mounts the app into `el` (an element or a selector). */
export function mount(el: HTMLElement | string, options: MountOptions = {}): MountedLogs {
  const host = typeof el === 'string' ? document.querySelector<HTMLElement>(el) : el
  if (!host) throw new Error(`tts-logs: no element matches "${String(el)}"`)
  const view = checkView(options.view)
  const initialQuery = toQuery(options.filters)
  const match = checkLocale(options.locale)
  checkTimeZone(options.timeZone)
  checkMaxRecords(options.maxRecords)
  checkGetToken(options.getToken)

  const { app, router, i18n, pinia, idPrefix, localeReady } = createLogsApp({
    history: 'memory',
    root: EmbedRoot,
    locale: match?.language,
    formatLocale: match?.formatLocale,
    config: { ...configPatch(options), onEvent: options.onEvent ?? null },
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
  void router.push({ path: LOG_KIND_DEFINITIONS[view].path, query: initialQuery })
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
  const mountApp = () => {
    if (!mounted || appMounted) return
    appMounted = true
    app.mount(container)
    // After mount() has returned, so that the host's handler may already use what it returned.
    void Promise.resolve().then(tellLanguage)
  }
  if (i18n.global.locale.value === (match?.language ?? i18n.global.locale.value)) mountApp()
  else void localeReady.then(mountApp)

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
      popups.disconnectObserver()
      wrapper.remove()
      // Should Element Plus ever have made its own popper container in <body>, it goes too.
      document.getElementById(`${ELEMENT_NAMESPACE}-popper-container-${idPrefix}`)?.remove()
    },
    navigate,
    update(next: MountOptions) {
      if (!mounted) throw new Error('tts-logs: update() after unmount()')
      const match = checkLocale(next.locale)
      checkTimeZone(next.timeZone)
      checkMaxRecords(next.maxRecords)
      checkGetToken(next.getToken)
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
