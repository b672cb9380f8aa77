/** The engine's own view of a record: the API's record types, without importing the API layer. */
export type EngineKind = 'listing' | 'order' | 'synchronization'

export interface EngineRecordBase {
  id: number
  createDate: string
  type: number
  initiator: number
  description: string
}

export interface EngineListingRecord extends EngineRecordBase {
  accountId: number
  shopId: number
  listingId: number
  listingTitle: string
  productId: number | null
  productTitle: string | null
  listingProductId: number | null
  action: number
  actionId: number
}

export interface EngineOrderRecord extends EngineRecordBase {
  accountId: number
  shopId: number
  orderId: number
  ttsOrderId: string
  magentoOrderId: number | null
  magentoOrderNumber: string | null
}

export interface EngineSynchronizationRecord extends EngineRecordBase {
  task: number
  detailedDescription: string | null
  operationHistoryId: number | null
}

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

/** The message types, in the order severity ranks them for the grouped view. */
export const TYPE_CODES = [1, 2, 3, 4, 100] as const
