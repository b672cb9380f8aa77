/**
 * Reads a route query into a log's page state (viewState.ts writes it). A bad value is reported,
 * never silently dropped or thrown. Beside the log's data it reads its columns (the sort fields
 * and the columns that may be hidden), so it is part of the descriptions' view part.
 */
import { CODE_MAX, CODE_MIN } from '@/api/codes'
import { DEFAULT_SORT, VIEW_MODES, type SortField, type ViewMode } from '@/engine/types'
import { LOG_KIND_DEFINITIONS, type LogKind } from '@/logKinds'
import type { ColumnId } from '@/logKinds/columns'
import { CODE_FILTERS, DATE_KEYS, NARROWING_FILTERS, TEXT_FILTERS } from '@/logKinds/filters'
import { defaultViewState, type LogViewState, type QueryProblem } from '@/logKinds/viewState'
import { LOG_KIND_VIEWS } from '@/logKinds/views'
import { problemColumns } from '@/logKinds/views/problems'

type RawQuery = Record<string, unknown>

/** The columns of a log in a view mode: the Problems view has its own. */
export const viewColumns = (kind: LogKind, view: ViewMode) =>
  view === 'problems' ? problemColumns(kind) : LOG_KIND_VIEWS[kind].columns

/** The sort fields a log offers in a view mode: its columns' sort keys. */
const sortFields = (kind: LogKind, view: ViewMode): SortField[] =>
  viewColumns(kind, view).flatMap((column) => (column.sortField ? [column.sortField] : []))

/**
 * The state in another view mode: a sort the new view has no column for goes back to the
 * default (newest first).
 */
export function withView(kind: LogKind, state: LogViewState, view: ViewMode): LogViewState {
  const sort = sortFields(kind, view).includes(state.sort.field) ? state.sort : { ...DEFAULT_SORT }
  return { ...state, view, sort }
}

/** A message shape's key (`?shape=`): 8 hex digits. */
const SHAPE_KEY = /^[0-9a-f]{8}$/

/**
 * Columns the merchant may hide: all but those marked otherwise (the message), of one view mode,
 * or (no view) of every view the log has: `hide=` is one list for all of them, each view hiding
 * what it shows of it.
 */
export const hideableColumns = (kind: LogKind, view?: ViewMode): ColumnId[] => {
  const views = view ? [view] : LOG_KIND_DEFINITIONS[kind].viewModes
  const ids = views.flatMap((mode) =>
    viewColumns(kind, mode)
      .filter((column) => column.hideable !== false)
      .map((column) => column.id),
  )
  return [...new Set(ids)]
}

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
    if (!VIEW_MODES.includes(view as ViewMode)) problems.push({ key: 'view', value: view, reason: 'view' })
    else if (!definition.viewModes.includes(view as ViewMode) && view !== 'separated')
      problems.push({ key: 'view', value: view, reason: 'notHere' })
    else state.view = view as ViewMode
  }
  const shape = read('shape')
  if (shape !== undefined && shape !== '') {
    if (!definition.viewModes.includes('problems')) problems.push({ key: 'shape', value: shape, reason: 'notHere' })
    else if (!SHAPE_KEY.test(shape)) problems.push({ key: 'shape', value: shape, reason: 'shape' })
    else state.shape = shape
  }
  const sort = read('sort')
  if (sort !== undefined) {
    const [field, direction] = sort.split(':')
    if (sortFields(kind, state.view).includes(field as SortField) && (direction === 'asc' || direction === 'desc')) {
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
