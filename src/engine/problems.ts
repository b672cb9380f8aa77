/**
 * The Problems view's sort: its rows are few (one per message shape), so a plain stable sort of
 * row numbers by a figure. Rows are built newest first, so ties stay by last seen.
 */
import { PROBLEM_SORT_FIELDS, type ProblemSortField, type SortDirection, type SortField } from './types'

export function isProblemSort(field: SortField): field is ProblemSortField {
  return (PROBLEM_SORT_FIELDS as readonly string[]).includes(field)
}

/** Display order of rows `0..shown` by one of the Problems view's figures. */
export function sortFigures(
  field: ProblemSortField,
  direction: SortDirection,
  shown: number,
  figures: Record<ProblemSortField, Uint32Array | Float64Array>,
): Uint32Array {
  const values = figures[field]
  const sign = direction === 'asc' ? 1 : -1
  const order = Array.from({ length: shown }, (_, r) => r)
  order.sort((a, b) => sign * (values[a]! - values[b]!) || a - b)
  return Uint32Array.from(order)
}
