/**
 * Every code a log record carries, once: message types, run modes (initiators), listing actions
 * and synchronization tasks. The schemas, the engine, the filters, the labels (`types.<code>`,
 * `initiators.<code>`, `actions.<code>`, `tasks.<code>` in the locale files) and the preview
 * seed all read these lists. Pure data: the preview backend imports it too.
 */

/** Message types. 100 (Fatal Error) exists in the synchronization log only. */
export const MessageType = { Info: 1, Success: 2, Warning: 3, Error: 4, FatalError: 100 } as const
export type MessageTypeCode = (typeof MessageType)[keyof typeof MessageType]

/** Every type code, from the least to the most severe (the grouped view's "worst type" rank). */
export const TYPE_CODES = [1, 2, 3, 4, 100] as const
/** Types the listing and order logs hold. */
export const COMMON_TYPE_CODES = [1, 2, 3, 4] as const

/** Who started the action ("Run Mode"). */
export const Initiator = { Unknown: 0, Manual: 1, Automatic: 2, Developer: 3 } as const
export type InitiatorCode = (typeof Initiator)[keyof typeof Initiator]
export const INITIATOR_CODES = [0, 1, 2, 3] as const
/** Run Mode values the filter offers (3, Developer, is shown but not offered). */
export const INITIATOR_FILTER_CODES = [0, 1, 2] as const

/** Listing log actions, in the order the original's filter lists them. */
export const LISTING_ACTION_CODES = [
  1, 2, 3, 4, 5, 35, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 18, 21, 22, 33, 25, 34, 38, 42,
] as const
export type ListingActionCode = (typeof LISTING_ACTION_CODES)[number]

/** Synchronization tasks, in the original's order. 100 ("All") is a filter value only, never stored. */
export const SyncTask = { Other: 0, Listings: 2, Orders: 3, UnmanagedListings: 5 } as const
export type SyncTaskCode = (typeof SyncTask)[keyof typeof SyncTask]
export const TASK_CODES = [0, 2, 5, 3] as const

/**
 * Every code is stored as a SMALLINT UNSIGNED in M2E's tables, and a newer M2E may write codes
 * the lists above do not know (an action 97, a type 5, a task 11). The contract takes any code in
 * this range; the lists above are the ones with a name, and the page shows the others by number
 * ("Action 97").
 */
export const CODE_MIN = 0
export const CODE_MAX = 65_535

/** Whether a code has a name of its own (else it is shown by number). */
export const isKnownCode = (known: readonly number[], code: number): boolean => known.includes(code)

/**
 * Per-type counts and histograms keep one slot per known type (TYPE_CODES order) and one more
 * for every type the lists do not know, counted apart from them.
 */
export const OTHER_TYPE_SLOT = TYPE_CODES.length
export const TYPE_SLOTS = TYPE_CODES.length + 1
const TYPE_SLOT_OF = new Uint8Array(CODE_MAX + 1).fill(OTHER_TYPE_SLOT)
TYPE_CODES.forEach((code, slot) => (TYPE_SLOT_OF[code] = slot))
/** The slot of a type code (unknown types share OTHER_TYPE_SLOT). */
export const typeSlot = (code: number): number => TYPE_SLOT_OF[code] ?? OTHER_TYPE_SLOT
/** The table itself, for hot loops. */
export const TYPE_SLOT_TABLE: Readonly<Uint8Array> = TYPE_SLOT_OF
/**
 * Stands for "every type the lists do not know" where a list of types is drawn (the chart's
 * series): no stored code is negative.
 */
export const OTHER_TYPES = -1
