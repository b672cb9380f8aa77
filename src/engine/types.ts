import type {
  ListingLogRecord,
  LogKindName,
  NarrowingField,
  OrderLogRecord,
  SortableField,
  SynchronizationLogRecord,
} from '../api/schemas'

/** The engine's view of a record: the API's record types (one source: the zod schemas), with
 * codes widened to numbers, since the engine stores whatever byte it is given. */
export type EngineKind = LogKindName

type Widened<T> = { [K in keyof T]: T[K] extends number ? number : T[K] }

export type EngineListingRecord = Widened<ListingLogRecord>
export type EngineOrderRecord = Widened<OrderLogRecord>
export type EngineSynchronizationRecord = Widened<SynchronizationLogRecord>

export interface EngineRecordByKind {
  listing: EngineListingRecord
  order: EngineOrderRecord
  synchronization: EngineSynchronizationRecord
}

/**
 * Every filter of domain.md. Unset fields do not filter; set fields combine with AND. The account,
 * shop, listing, listing product and order are the field list's narrowing fields (src/api/fields.ts).
 */
export interface LogFilter extends Partial<Record<NarrowingField, number>> {
  /** Inclusive bounds, UTC milliseconds. */
  from?: number
  to?: number
  types?: readonly number[]
  actions?: readonly number[]
  initiators?: readonly number[]
  tasks?: readonly number[]
  /** Text matches the listing title; a whole number also matches the listing id; "#7" is listing 7 only. */
  listing?: string
  /** Text matches the product title; a whole number also matches the Magento product id; "#1001" only it. */
  product?: string
  /** Part of the TikTok Shop order number. */
  ttsOrder?: string
  /** Part of the Magento order number. */
  magentoOrder?: string
  /** Part of the message as shown, case- and diacritic-insensitive. */
  message?: string
  /** One message shape (numbers as equal), by its URL key (`shapeKeyOf`): a Problems row drilled into. */
  shape?: string
}

/** What the Problems view sorts by besides the last seen date and the message. */
export type ProblemSortField = 'count' | 'owners' | 'firstSeen'
export const PROBLEM_SORT_FIELDS: readonly ProblemSortField[] = ['count', 'owners', 'firstSeen']

/** The fields the field list marks sortable (src/api/fields.ts), the message as shown, and the
 * Problems view's figures. */
export type SortField = SortableField | 'message' | ProblemSortField
export type SortDirection = 'asc' | 'desc'
export interface LogSort {
  field: SortField
  direction: SortDirection
}
export const DEFAULT_SORT: LogSort = { field: 'createDate', direction: 'desc' }

/**
 * Separated: a row per record (or per repeated message of a product, with the unique checkbox).
 * Grouped: a row per (listing product, action run). Problems: a row per message shape (numbers as
 * equal) across every product or order.
 */
export type ViewMode = 'separated' | 'grouped' | 'problems'
export const VIEW_MODES: readonly ViewMode[] = ['separated', 'grouped', 'problems']

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
  /** Grouped: one row per (listing product, action run). Listing log only. Problems: one row per
   * message shape, for logs whose records belong to products or orders. */
  view?: ViewMode
  sort?: LogSort
  histogram?: HistogramRequest
  /**
   * The merchant's last visit (UTC ms): records whose message first happened after it are new
   * (`newCount`). Null or unset: nothing is new.
   */
  newSince?: number | null
  /** Only new records pass (none without `newSince`); the type counts and the histogram follow. */
  onlyNew?: boolean
}

export { OTHER_TYPES, TYPE_CODES, TYPE_SLOTS, typeSlot } from '../api/codes'

export interface QueryResult {
  /** Record index of each row, in display order (for a collapsed row: its latest member). */
  readonly rows: Uint32Array
  /** How many records each row stands for; null when nothing collapses (each row is one record). */
  readonly counts: Uint32Array | null
  /** Grouped view: the worst type among each row's members; otherwise null. */
  readonly worstTypes: Uint16Array | null
  /** Records held. */
  readonly total: number
  /** Records that pass the filters (before collapsing). */
  readonly matched: number
  /** Rows shown. */
  readonly shown: number
  /** Records that pass the filters and are new since `newSince` (0 without it). */
  readonly newCount: number
  /**
   * Records per type code that pass every filter but the type filter (facet counts: with Error
   * chosen, Warning still says how many records it would give). Records, not rows: the unique
   * checkbox and the grouped view do not change them. Every known type has its entry; a type the
   * lists do not know has one when records of it pass.
   */
  readonly typeCounts: Readonly<Record<number, number>>
  /**
   * `buckets * TYPE_SLOTS` counts, bucket-major, when a histogram was asked for: a slot per known
   * type (TYPE_CODES order), then one for every type the lists do not know.
   */
  readonly histogram: Uint32Array | null
  /** The Problems view's figures per row; null in the other views. */
  readonly problems: ProblemFigures | null
  /** Record indices of every member of a row, newest first. */
  membersOf(row: number): number[]
}

/** A Problems row's figures, per row (display order), beside `counts` (its records). */
export interface ProblemFigures {
  /** Distinct products (order log: orders) among its records. */
  readonly owners: Uint32Array
  /** Its oldest record's date (UTC ms); the row's record is its newest. */
  readonly firstSeen: Float64Array
  /** Its shape's URL key (`?shape=`), for drilling in. */
  shapeKey(row: number): string
  /** The shops its records belong to, by id, in the order the log first named them. */
  shopsOf(row: number): number[]
}
