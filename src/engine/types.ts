import type { ListingLogRecord, OrderLogRecord, SynchronizationLogRecord } from '../api/schemas'

/** The engine's view of a record: the API's record types (one source: the zod schemas), with
 * codes widened to numbers, since the engine stores whatever byte it is given. */
export type EngineKind = 'listing' | 'order' | 'synchronization'

type Widened<T> = { [K in keyof T]: T[K] extends number ? number : T[K] }

export type EngineListingRecord = Widened<ListingLogRecord>
export type EngineOrderRecord = Widened<OrderLogRecord>
export type EngineSynchronizationRecord = Widened<SynchronizationLogRecord>

export interface EngineRecordByKind {
  listing: EngineListingRecord
  order: EngineOrderRecord
  synchronization: EngineSynchronizationRecord
}

/** Every filter of domain.md. Unset fields do not filter; set fields combine with AND. */
export interface LogFilter {
  /** Inclusive bounds, UTC milliseconds. */
  from?: number
  to?: number
  types?: readonly number[]
  actions?: readonly number[]
  initiators?: readonly number[]
  tasks?: readonly number[]
  accountId?: number
  shopId?: number
  /** Narrowed pages. */
  listingId?: number
  listingProductId?: number
  orderId?: number
  /** Text matches the listing title; a whole number also matches the listing id. */
  listing?: string
  /** Text matches the product title; a whole number also matches the Magento product id. */
  product?: string
  /** Part of the TikTok Shop order number. */
  ttsOrder?: string
  /** Part of the Magento order number. */
  magentoOrder?: string
  /** Part of the message as shown, case- and diacritic-insensitive. */
  message?: string
}

export type SortField = 'createDate' | 'listingTitle' | 'productTitle' | 'message'
export type SortDirection = 'asc' | 'desc'
export interface LogSort {
  field: SortField
  direction: SortDirection
}
export const DEFAULT_SORT: LogSort = { field: 'createDate', direction: 'desc' }

export type ViewMode = 'separated' | 'grouped'

export interface HistogramRequest {
  from: number
  to: number
  buckets: number
}

export interface LogQueryOptions {
  filter?: LogFilter
  /** Collapse repeated messages of one product (order log: one order). Separated view only. */
  unique?: boolean
  /** With `unique`: messages that differ only in numbers count as the same. */
  numbersAsEqual?: boolean
  /** Grouped: one row per (listing product, action run). Listing log only. */
  view?: ViewMode
  sort?: LogSort
  histogram?: HistogramRequest
}

export { TYPE_CODES } from '../api/codes'
