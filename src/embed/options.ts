/**
 * The mount API's options, and their checks: a wrong option throws at once, naming the option,
 * before anything is added to the page. Light on purpose (no Vue, no texts): the tiny entry
 * (index.ts) checks with them before the app has loaded.
 */
import type { AppConfig, AppEvent, UrlTemplates } from '@/stores/appConfig'
import { LOG_ROUTES, URL_KEYS } from '@/app/firstRoute'
import type { LogKind } from '@/logKinds/types'
import { matchLocale, type AppLocale, type LocaleMatch } from '@/locales/match'

export type { AppEvent, UrlTemplates }

/** Filters use the keys of the pages' deep links: type, action, from, to, q, unique, view… */
export type MountFilters = Partial<Record<(typeof URL_KEYS)[number], string | number | boolean | number[]>>

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

/** Mount filters as a route query; an unknown key throws. */
export function toQuery(filters: MountFilters = {}): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue
    if (!(URL_KEYS as readonly string[]).includes(key)) {
      throw new Error(`tts-logs: unknown filter "${key}"; the keys are ${URL_KEYS.join(', ')}`)
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

export function checkView(view: string | undefined): LogKind {
  if (view === undefined) return 'listing'
  if (!LOG_ROUTES.some((route) => route.kind === view)) {
    throw new Error(`tts-logs: unknown view "${view}"; use listing, order or synchronization`)
  }
  return view as LogKind
}

/**
 * The locale option as the language to show and the locale of dates and numbers. Any locale
 * mounts (a German admin gets English texts with German dates); only what is not a locale at all
 * throws.
 */
export function checkLocale(locale: unknown): LocaleMatch | undefined {
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

/** The options `mount()` and `update()` both take, checked; the locale's match when one is given. */
export function checkOptions(options: MountOptions): LocaleMatch | undefined {
  const match = checkLocale(options.locale)
  checkTimeZone(options.timeZone)
  checkMaxRecords(options.maxRecords)
  checkGetToken(options.getToken)
  return match
}

/** The app-config part of mount options: only what was given. */
export function configPatch(options: MountOptions): Partial<AppConfig> {
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
