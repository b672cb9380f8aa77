import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { createApiClient, type FirstRequests } from '@/api/client'
import { DEFAULT_API_BASE_URL } from '@/api/client/requests'
import { DEFAULT_RETRY_DELAY_MS } from '@/api/client/types'
import type { AppLocale } from '@/locales'

/** URL templates with `{id}`, for the links the grid shows. */
export interface UrlTemplates {
  /** Magento product edit page. */
  product: string
  /** Magento order view. */
  magentoOrder: string
  /** The order on TikTok Shop Seller Center. */
  ttsOrder: string
  /** The listing's page in the host; when unset, the listing opens this app's narrowed log. */
  listing: string | null
}

export const DEFAULT_URLS: UrlTemplates = {
  product: '/admin/catalog/product/edit/id/{id}/',
  magentoOrder: '/admin/sales/order/view/order_id/{id}/',
  ttsOrder: 'https://seller.tiktokshop.com/order/detail?order_no={id}',
  listing: null,
}

/** What the app tells its host. */
export type AppEvent =
  | { type: 'navigate'; view: string; filters: Record<string, string> }
  | { type: 'filters-change'; view: string; filters: Record<string, string> }
  | { type: 'session-expired'; status: number | undefined }
  | { type: 'error'; message: string; kind: string }
  /** The log is larger than `maxRecords`: the page holds its newest `held` of `total` (null: not known yet). */
  | { type: 'window'; view: string; held: number; total: number | null; from: string; to: string }
  /**
   * The language the app shows and the BCP 47 locale of its dates and numbers: once mounted, and
   * whenever either changes. `requested`: the `locale` the host gave, as given (null: none).
   */
  | { type: 'language-change'; language: AppLocale; formatLocale: string; requested: string | null }

export interface AppConfig {
  apiBaseUrl: string
  requestHeaders: Record<string, string>
  requestParams: Record<string, string>
  withCredentials: boolean
  /** IANA time zone the admin shows dates in. */
  timeZone: string
  urls: UrlTemplates
  /** The host's admin user, so each user has their own saved views; '' when not given. */
  userKey: string
  onEvent: ((event: AppEvent) => void) | null
  /**
   * Records a log page holds at most; a larger log is held as its newest window, and a date
   * range reaches the rest. @default 2,000,000 (the standalone preview: VITE_MAX_RECORDS)
   */
  maxRecords: number
  /** The admin's bearer token, from the host (docs/embedding.md); null: no authentication. */
  getToken: (() => string | Promise<string>) | null
  /** The page's first requests, started by the app's entry before the app loaded; null: none. */
  firstRequests: FirstRequests | null
  /**
   * The client's first retry delay, doubled at each retry (`ApiClientOptions.retryDelayMs`). Not a
   * mount option: the tests that run the stores against a failing server shorten it.
   * @default DEFAULT_RETRY_DELAY_MS (500)
   */
  retryDelayMs: number
}

/** Records a log page holds at most, unless the host says otherwise (`maxRecords`). */
export const DEFAULT_MAX_RECORDS = 2_000_000

/** The budget the build was given (VITE_MAX_RECORDS, the standalone preview), else the default. */
export function defaultMaxRecords(): number {
  const raw = Number(import.meta.env.VITE_MAX_RECORDS)
  return Number.isInteger(raw) && raw > 0 ? raw : DEFAULT_MAX_RECORDS
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** Fills `{id}` in a URL template. */
export function fillUrl(template: string, id: string | number): string {
  return template.split('{id}').join(encodeURIComponent(String(id)))
}

/** The options one mounted app was given: API access, time zone, link templates, host events. */
export const useAppConfigStore = defineStore('tts-app-config', () => {
  const config = shallowRef<AppConfig>({
    apiBaseUrl: DEFAULT_API_BASE_URL,
    requestHeaders: {},
    requestParams: {},
    withCredentials: false,
    timeZone: defaultTimeZone(),
    urls: DEFAULT_URLS,
    userKey: '',
    onEvent: null,
    maxRecords: defaultMaxRecords(),
    getToken: null,
    firstRequests: null,
    retryDelayMs: DEFAULT_RETRY_DELAY_MS,
  })

  const client = computed(() =>
    createApiClient({
      baseUrl: config.value.apiBaseUrl,
      headers: config.value.requestHeaders,
      params: config.value.requestParams,
      withCredentials: config.value.withCredentials,
      retryDelayMs: config.value.retryDelayMs,
      ...(config.value.getToken && { getToken: config.value.getToken }),
      ...(config.value.firstRequests && { firstRequests: config.value.firstRequests }),
    }),
  )

  function configure(patch: Partial<AppConfig>) {
    config.value = { ...config.value, ...patch, urls: { ...config.value.urls, ...patch.urls } }
  }

  function emit(event: AppEvent) {
    try {
      config.value.onEvent?.(event)
    } catch (error) {
      // A host's handler must never break the app.
      console.error('[tts-logs] onEvent handler failed', error)
    }
  }

  return { config, client, configure, emit }
})
