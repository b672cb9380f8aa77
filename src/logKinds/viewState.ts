/**
 * The page state of a log and its URL form, both ways: the URL reflects the state and opening a
 * URL restores it. Keys: accountId, shopId, listingId, listingProductId, orderId; type, action,
 * initiator, task (comma-separated codes); from, to (ISO 8601); q, listing, product, ttsOrder,
 * magentoOrder (text); unique (1/0); numbers (1/0: treat numbers as equal when collapsing);
 * new (1/0: only messages new since the merchant's last visit);
 * view (separated/grouped); sort (e.g. createDate:desc); hide (comma-separated column ids the
 * merchant hid); detail (the record id whose details drawer is open).
 * A bad value is reported, never silently dropped or thrown.
 */
import type { CodeColumn, LogFilter, LogSort, SortField, ViewMode } from '@/engine'
import { CODE_MAX, CODE_MIN } from '@/api/codes'
import type { NarrowingField } from '@/api/fields'
import { LOG_KIND_DEFINITIONS, type ColumnId, type LogKind } from '@/logKinds'
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
    sort: { field: 'createDate', direction: 'desc' },
    hidden: [],
    detail: null,
  }
}

/** A query param that could not be used, with the reason, for the page to show. */
export interface QueryProblem {
  key: string
  value: string
  reason: 'number' | 'codes' | 'date' | 'flag' | 'view' | 'sort' | 'notHere' | 'columns'
}

type RawQuery = Record<string, unknown>

/** The sort fields a log offers: its columns' sort keys. */
const sortFields = (kind: LogKind): SortField[] =>
  LOG_KIND_DEFINITIONS[kind].columns.flatMap((column) => (column.sortField ? [column.sortField] : []))

/** Columns the merchant may hide: all but those marked otherwise (the message). */
export const hideableColumns = (kind: LogKind): ColumnId[] =>
  LOG_KIND_DEFINITIONS[kind].columns.filter((column) => column.hideable !== false).map((column) => column.id)

function single(value: unknown): string | undefined {
  if (Array.isArray(value)) return single(value[value.length - 1])
  return typeof value === 'string' ? value : undefined
}

/** Reads a route query into a state; unusable values are listed in `problems`. */
export function parseViewState(kind: LogKind, query: RawQuery): { state: LogViewState; problems: QueryProblem[] } {
  const definition = LOG_KIND_DEFINITIONS[kind]
  const state = defaultViewState()
  const problems: QueryProblem[] = []
  const read = (key: string) => single(query[key])

  for (const { key, applies } of NARROWING_FILTERS) {
    const value = read(key)
    if (value === undefined || value === '') continue
    if (!applies(definition)) problems.push({ key, value, reason: 'notHere' })
    else if (!/^\d{1,15}$/.test(value) || Number(value) === 0) problems.push({ key, value, reason: 'number' })
    else state[key] = Number(value)
  }

  // A list of codes: any code in the contract's range (a newer M2E's "Action 97" can be linked
  // and saved), except the known ones the log refuses.
  const filters = definition.filters
  for (const filter of CODE_FILTERS) {
    const value = read(filter.urlKey)
    if (value === undefined || value === '') continue
    if (!filters.includes(filter.urlKey)) {
      problems.push({ key: filter.urlKey, value, reason: 'notHere' })
      continue
    }
    const refused = filter.refused?.(definition) ?? []
    const parts = value.split(',').map((part) => part.trim())
    const parsed = parts.map(Number)
    if (
      parts.some((part) => !/^\d{1,5}$/.test(part)) ||
      parsed.some((code) => code < CODE_MIN || code > CODE_MAX || refused.includes(code))
    ) {
      problems.push({ key: filter.urlKey, value, reason: 'codes' })
      continue
    }
    state[filter.stateKey] = parsed.includes(filter.all ?? -1) ? [] : [...new Set(parsed)]
  }

  for (const key of DATE_KEYS) {
    const value = read(key)
    if (value === undefined || value === '') continue
    const time = Date.parse(value)
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) {
      problems.push({ key, value, reason: 'date' })
      continue
    }
    state[key] = new Date(time).toISOString()
  }

  for (const { urlKey: key, maxLength } of TEXT_FILTERS) {
    const value = read(key)
    if (value === undefined) continue
    if (!filters.includes(key)) {
      if (value !== '') problems.push({ key, value, reason: 'notHere' })
      continue
    }
    state[key] = value.slice(0, maxLength)
  }

  const unique = read('unique')
  if (unique !== undefined) {
    if (unique === '1' || unique === '0') state.unique = unique === '1'
    else problems.push({ key: 'unique', value: unique, reason: 'flag' })
  }
  const numbers = read('numbers')
  if (numbers !== undefined) {
    if (definition.uniqueLabelKey === null) problems.push({ key: 'numbers', value: numbers, reason: 'notHere' })
    else if (numbers === '1' || numbers === '0') state.numbersAsEqual = numbers === '1'
    else problems.push({ key: 'numbers', value: numbers, reason: 'flag' })
  }
  const onlyNew = read('new')
  if (onlyNew !== undefined) {
    if (onlyNew === '1' || onlyNew === '0') state.onlyNew = onlyNew === '1'
    else problems.push({ key: 'new', value: onlyNew, reason: 'flag' })
  }
  const view = read('view')
  if (view !== undefined) {
    if (!definition.hasViewMode && view !== 'separated') problems.push({ key: 'view', value: view, reason: 'notHere' })
    else if (view === 'separated' || view === 'grouped') state.view = view
    else problems.push({ key: 'view', value: view, reason: 'view' })
  }
  const sort = read('sort')
  if (sort !== undefined) {
    const [field, direction] = sort.split(':')
    if (sortFields(kind).includes(field as SortField) && (direction === 'asc' || direction === 'desc')) {
      state.sort = { field: field as SortField, direction }
    } else problems.push({ key: 'sort', value: sort, reason: 'sort' })
  }
  const hide = read('hide')
  if (hide !== undefined && hide !== '') {
    const parts = hide.split(',').map((part) => part.trim())
    // The message column always stays: a log without its messages is no log.
    const hideable = hideableColumns(kind)
    if (parts.some((part) => !hideable.includes(part as ColumnId)))
      problems.push({ key: 'hide', value: hide, reason: 'columns' })
    else state.hidden = hideable.filter((column) => parts.includes(column))
  }
  const detail = read('detail')
  if (detail !== undefined && detail !== '') {
    if (!/^\d{1,15}$/.test(detail) || Number(detail) === 0)
      problems.push({ key: 'detail', value: detail, reason: 'number' })
    else state.detail = Number(detail)
  }
  return { state, problems }
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
  return filter
}
