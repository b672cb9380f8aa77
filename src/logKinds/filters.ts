/**
 * Every filter of the log pages, once: its URL key, its key in the page state, its input, the
 * codes it offers, its label and placeholder, and what it becomes for the engine and the server.
 * The URL state (viewState.ts), the engine filter and the filter bar (LogFilters.vue) loop over
 * these; each log's description lists the ones it offers (`filters`, in the bar's order). The
 * narrowing keys come from the field list (src/api/fields.ts), where the servers read them too.
 */
import { INITIATOR_CODES, INITIATOR_FILTER_CODES, LISTING_ACTION_CODES, TASK_CODES, TYPE_CODES } from '@/api/codes'
import { NARROWING_FIELDS, type NarrowingField } from '@/api/fields'
import type { CodeColumn } from '@/engine'

/** What a filter asks of a log's description (types.ts). */
interface FilterHost {
  typeOptions: readonly number[]
  hasAccountFilters: boolean
  narrowKeys: readonly NarrowKey[]
}

/** A list of codes (comma-separated in the URL), chosen in a multiple select. */
export interface CodesFilter {
  input: 'codes'
  urlKey: 'type' | 'action' | 'initiator' | 'task'
  /** The page state's key, the engine filter's, and the code column (labels `<stateKey>.<code>`). */
  stateKey: CodeColumn
  /** The codes the select offers, in its order. */
  offered: (log: FilterHost) => readonly number[]
  /** The codes with a name; others the log holds are offered after them, by number. */
  known: readonly number[]
  /** Known codes a link may not name on this log (reported); any other code in range is kept. */
  refused?: (log: FilterHost) => readonly number[]
  /** The value that means "no filter" (Task 100, "All"): read as none. */
  all?: number
  labelKey: string
  placeholderKey: string
  /** The select's width, px. */
  width?: number
}

/** A text typed in a box: matched in part by the engine. */
export interface TextFilter {
  input: 'text'
  /** The URL key and the page state's. */
  urlKey: 'q' | 'listing' | 'product' | 'ttsOrder' | 'magentoOrder'
  engineKey: 'message' | 'listing' | 'product' | 'ttsOrder' | 'magentoOrder'
  /** Longer texts from a URL are cut. */
  maxLength: number
  labelKey: string
  placeholderKey: string
}

/** One thing the page narrows to (`?listingId=7`): the URL, state, engine and server key alike. */
export interface NarrowingFilter {
  input: 'id'
  key: NarrowingField
  /** Whether the server narrows the load by it (else the engine filters what is loaded). */
  server: boolean
  /** Whether the log takes it. */
  applies: (log: FilterHost) => boolean
}

/** Account and shop: chosen above the grid, filtered by the engine; the rest narrow the load. */
const ACCOUNT_KEYS: readonly NarrowingField[] = ['accountId', 'shopId']
/** The narrowing params of a page: one listing, one listing product or one order. */
export type NarrowKey = Exclude<NarrowingField, 'accountId' | 'shopId'>

export const NARROWING_FILTERS: readonly NarrowingFilter[] = NARROWING_FIELDS.map((key) =>
  ACCOUNT_KEYS.includes(key)
    ? { input: 'id', key, server: false, applies: (log) => log.hasAccountFilters }
    : { input: 'id', key, server: true, applies: (log) => log.narrowKeys.includes(key as NarrowKey) },
)

/** The narrowing params, each once: what the loader sends and what tells two narrowed pages apart. */
export const NARROW_KEYS: readonly NarrowKey[] = NARROWING_FILTERS.filter((filter) => filter.server).map(
  (filter) => filter.key as NarrowKey,
)

/**
 * Narrowings to one product or one order: the unique grouping's own entity, so the page holds one
 * entity's records (nothing for the unique checkbox to collapse, no product column to repeat).
 */
export const ENTITY_KEYS: readonly NarrowKey[] = ['listingProductId', 'orderId']

/** In the order the page names them (chips) and writes them (URL). */
export const CODE_FILTERS: readonly CodesFilter[] = [
  {
    input: 'codes',
    urlKey: 'type',
    stateKey: 'types',
    offered: (log) => log.typeOptions,
    known: TYPE_CODES,
    // Links from the dashboard carry type=4 on every log; a known type the log lacks (Fatal Error
    // on the listing log) is reported, and not offered.
    refused: (log) => TYPE_CODES.filter((code) => !log.typeOptions.includes(code)),
    labelKey: 'columns.type',
    placeholderKey: 'filters.any',
  },
  {
    input: 'codes',
    urlKey: 'action',
    stateKey: 'actions',
    offered: () => LISTING_ACTION_CODES,
    known: LISTING_ACTION_CODES,
    labelKey: 'columns.action',
    placeholderKey: 'filters.any',
    width: 210,
  },
  {
    input: 'codes',
    urlKey: 'initiator',
    stateKey: 'initiators',
    // Developer (3) has a name but is not offered, as in the original; a link may still name it.
    offered: () => INITIATOR_FILTER_CODES,
    known: INITIATOR_CODES,
    labelKey: 'columns.initiator',
    placeholderKey: 'filters.any',
  },
  {
    input: 'codes',
    urlKey: 'task',
    stateKey: 'tasks',
    offered: () => TASK_CODES,
    known: TASK_CODES,
    // Task 100 is "All" (the placeholder), never a stored code.
    all: 100,
    labelKey: 'columns.task',
    placeholderKey: 'tasks.100',
  },
]

/** The date range: two URL keys, one input. */
export const DATE_KEYS = ['from', 'to'] as const

/** In the order the URL writes them. */
export const TEXT_FILTERS: readonly TextFilter[] = [
  {
    input: 'text',
    urlKey: 'q',
    engineKey: 'message',
    maxLength: 500,
    labelKey: 'columns.message',
    placeholderKey: 'filters.textPlaceholder',
  },
  {
    input: 'text',
    urlKey: 'listing',
    engineKey: 'listing',
    maxLength: 200,
    labelKey: 'columns.listing',
    placeholderKey: 'filters.listingPlaceholder',
  },
  {
    input: 'text',
    urlKey: 'product',
    engineKey: 'product',
    maxLength: 200,
    labelKey: 'columns.product',
    placeholderKey: 'filters.productPlaceholder',
  },
  {
    input: 'text',
    urlKey: 'ttsOrder',
    engineKey: 'ttsOrder',
    maxLength: 64,
    labelKey: 'columns.ttsOrder',
    placeholderKey: 'filters.textPlaceholder',
  },
  {
    input: 'text',
    urlKey: 'magentoOrder',
    engineKey: 'magentoOrder',
    maxLength: 64,
    labelKey: 'columns.magentoOrder',
    placeholderKey: 'filters.textPlaceholder',
  },
]

/** Query keys of the column filters (the deep-link keys of the page). */
export type FilterKey = (typeof DATE_KEYS)[number] | CodesFilter['urlKey'] | TextFilter['urlKey']

/** A column filter by its URL key (the date range: null, it is an input of its own). */
export function filterByKey(key: FilterKey): CodesFilter | TextFilter | null {
  return CODE_FILTERS.find((f) => f.urlKey === key) ?? TEXT_FILTERS.find((f) => f.urlKey === key) ?? null
}
