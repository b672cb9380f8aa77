/**
 * The page state of a log and its URL form: the URL reflects the state (serializeViewState) and
 * opening a URL restores it (parseViewState, in views/parseViewState.ts: it checks `sort` and
 * `hide` against the log's columns, the descriptions' view part).
 * Keys: accountId, shopId, listingId, listingProductId, orderId; type, action,
 * initiator, task (comma-separated codes); from, to (ISO 8601); q, listing, product, ttsOrder,
 * magentoOrder (text); unique (1/0); numbers (1/0: treat numbers as equal when collapsing);
 * new (1/0: only messages new since the merchant's last visit);
 * view (separated/grouped/problems); shape (a Problems row drilled into: its message shape's
 * key); sort (e.g. createDate:desc); hide (comma-separated column ids the merchant hid); detail
 * (the record id whose details drawer is open).
 */
import type { CodeColumn, LogFilter, LogSort, ViewMode } from '@/engine'
import type { NarrowingField } from '@/api/fields'
import type { ColumnId } from '@/logKinds/columns'
import {
  CODE_FILTERS,
  DATE_KEYS,
  NARROWING_FILTERS,
  TEXT_FILTERS,
  type NarrowKey,
  type TextFilter,
} from '@/logKinds/filters'

/** Account, shop, listing, listing product, order (filters.ts): null, none. */
type NarrowingState = Record<NarrowingField, number | null>
/** Types, actions, initiators, tasks: the codes chosen (none: no filter). */
type CodesState = Record<CodeColumn, number[]>
/** q (the message), listing, product, ttsOrder, magentoOrder: the text typed. */
type TextState = Record<TextFilter['urlKey'], string>

export interface LogViewState extends NarrowingState, CodesState, TextState {
  /** ISO 8601 UTC. */
  from: string | null
  to: string | null
  unique: boolean
  /** With `unique`: messages that differ only in numbers collapse together. */
  numbersAsEqual: boolean
  /** Only messages that first happened after the merchant's last visit. */
  onlyNew: boolean
  view: ViewMode
  /** Only the messages of one shape (numbers as equal), by its key: a Problems row drilled into. */
  shape: string | null
  sort: LogSort
  /** Columns the merchant hid with the column chooser. */
  hidden: ColumnId[]
  /** The record whose details drawer is open. */
  detail: number | null
}

/** Every key of the page's URL (and of the embed's mount filters), in the order the URL writes them. */
export const QUERY_KEYS = [
  ...NARROWING_FILTERS.map((filter) => filter.key),
  ...CODE_FILTERS.map((filter) => filter.urlKey),
  ...DATE_KEYS,
  ...TEXT_FILTERS.map((filter) => filter.urlKey),
  'unique',
  'numbers',
  'new',
  'view',
  'shape',
  'sort',
  'hide',
  'detail',
] as const

/** The same value for each of `keys`. */
const each = <K extends string, V>(keys: readonly K[], value: () => V) =>
  Object.fromEntries(keys.map((key) => [key, value()])) as Record<K, V>

export function defaultViewState(): LogViewState {
  return {
    ...each(
      NARROWING_FILTERS.map((filter) => filter.key),
      () => null,
    ),
    ...each(
      CODE_FILTERS.map((filter) => filter.stateKey),
      (): number[] => [],
    ),
    from: null,
    to: null,
    ...each(
      TEXT_FILTERS.map((filter) => filter.urlKey),
      () => '',
    ),
    unique: true,
    numbersAsEqual: false,
    onlyNew: false,
    view: 'separated',
    shape: null,
    sort: { field: 'createDate', direction: 'desc' },
    hidden: [],
    detail: null,
  }
}

/** A query param that could not be used, with the reason, for the page to show. */
export interface QueryProblem {
  key: string
  value: string
  reason: 'number' | 'codes' | 'date' | 'flag' | 'view' | 'shape' | 'sort' | 'notHere' | 'columns'
}

/** Writes a state as a route query, leaving out defaults so URLs stay short. */
export function serializeViewState(state: LogViewState): Record<string, string> {
  const query: Record<string, string> = {}
  const defaults = defaultViewState()
  for (const { key } of NARROWING_FILTERS) if (state[key] !== null) query[key] = String(state[key])
  for (const { urlKey, stateKey } of CODE_FILTERS) if (state[stateKey].length) query[urlKey] = state[stateKey].join(',')
  for (const key of DATE_KEYS) if (state[key]) query[key] = state[key]
  for (const { urlKey: key } of TEXT_FILTERS) if (state[key]) query[key] = state[key]
  if (state.unique !== defaults.unique) query.unique = state.unique ? '1' : '0'
  if (state.numbersAsEqual) query.numbers = '1'
  if (state.onlyNew) query.new = '1'
  if (state.view !== defaults.view) query.view = state.view
  if (state.shape !== null) query.shape = state.shape
  if (state.sort.field !== defaults.sort.field || state.sort.direction !== defaults.sort.direction) {
    query.sort = `${state.sort.field}:${state.sort.direction}`
  }
  if (state.hidden.length) query.hide = state.hidden.join(',')
  if (state.detail !== null) query.detail = String(state.detail)
  return query
}

/** The narrowing of a state (listing, listing product, order): what Reset keeps and a saved view leaves out. */
export function narrowingPart(state: LogViewState): Pick<LogViewState, NarrowKey> {
  const servers = NARROWING_FILTERS.filter((filter) => filter.server)
  return Object.fromEntries(servers.map(({ key }) => [key, state[key]])) as Pick<LogViewState, NarrowKey>
}

/** What a saved view keeps: filters, sort and columns; not the narrowing or an open drawer. */
export function viewQuery(state: LogViewState): Record<string, string> {
  return serializeViewState({ ...state, ...narrowingPart(defaultViewState()), detail: null })
}

/** Two route queries say the same (order of keys aside). */
export function sameQuery(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) if (a[key] !== b[key]) return false
  return true
}

/** What the server narrows to (one listing, listing product or order); the rest is filtered here. */
export function narrowingOf(state: LogViewState): Partial<Record<NarrowKey, number>> {
  const narrowing: Partial<Record<NarrowKey, number>> = {}
  for (const { key, server } of NARROWING_FILTERS) {
    const value = state[key]
    if (server && value !== null) narrowing[key as NarrowKey] = value
  }
  return narrowing
}

/** The engine filter a state stands for. */
export function toEngineFilter(state: LogViewState): LogFilter {
  const filter: LogFilter = {}
  for (const { key } of NARROWING_FILTERS) if (state[key] !== null) filter[key] = state[key]
  for (const { stateKey } of CODE_FILTERS) if (state[stateKey].length) filter[stateKey] = state[stateKey]
  for (const key of DATE_KEYS) if (state[key]) filter[key] = Date.parse(state[key])
  for (const { urlKey, engineKey } of TEXT_FILTERS) if (state[urlKey].trim()) filter[engineKey] = state[urlKey]
  if (state.shape !== null) filter.shape = state.shape
  return filter
}
