/**
 * What the app's tiny entries (main.ts, embed/index.ts) know of the routes before the app has
 * loaded: each log's path and the narrowing its URL may carry, and every URL key a mount filter
 * may use. Plain data, so that the entries stay a few kilobytes; the log descriptions
 * (src/logKinds) and the URL state (viewState.ts) say the same, and tests/unit/firstRoute.test.ts
 * holds them to agreement.
 */
import type { LogKindName } from '@/api/schemas'
import type { Narrowing } from '@/stores/loader/types'

/** Each log's path, and the keys that narrow its load on the server, in the URL's order. */
export const LOG_ROUTES: readonly { kind: LogKindName; path: string; narrowKeys: readonly string[] }[] = [
  { kind: 'listing', path: '/listings/logs', narrowKeys: ['listingId', 'listingProductId'] },
  { kind: 'order', path: '/sales/logs', narrowKeys: ['orderId'] },
  { kind: 'synchronization', path: '/help-center/synchronization-logs', narrowKeys: [] },
]

/** Every key of a log page's URL, and of the embed's mount filters (viewState.ts's QUERY_KEYS). */
export const URL_KEYS = [
  'accountId',
  'shopId',
  'listingId',
  'listingProductId',
  'orderId',
  'type',
  'action',
  'initiator',
  'task',
  'from',
  'to',
  'q',
  'listing',
  'product',
  'ttsOrder',
  'magentoOrder',
  'unique',
  'numbers',
  'new',
  'view',
  'shape',
  'sort',
  'hide',
  'detail',
] as const

/**
 * The log a path opens, as the router matches it (any letter case, with or without one trailing
 * slash; `/` redirects to the listing log); null for any other page.
 */
export function logOfPath(path: string): LogKindName | null {
  const wanted = path.replace(/(.)\/$/, '$1').toLowerCase()
  if (wanted === '/' || wanted === '') return 'listing'
  return LOG_ROUTES.find((route) => route.path === wanted)?.kind ?? null
}

/**
 * The narrowing a log's first load sends the server for a URL query (`read`: a key's last
 * value), as the page reads it: a whole number from 1, of a key the log narrows by.
 */
export function narrowingOfQuery(kind: LogKindName, read: (key: string) => string | undefined): Narrowing {
  const narrowing: Record<string, number> = {}
  for (const key of LOG_ROUTES.find((route) => route.kind === kind)!.narrowKeys) {
    const value = read(key)
    if (value !== undefined && /^\d{1,15}$/.test(value) && Number(value) !== 0) narrowing[key] = Number(value)
  }
  return narrowing
}
