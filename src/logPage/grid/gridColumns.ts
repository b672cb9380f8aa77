/**
 * The grid's columns and rows as CSS and ARIA read them, pure: the tracks, the least width before
 * it scrolls sideways, each header's sort state, and the mark of a row's action run.
 */
import type { LogSort } from '@/engine'
import { gridTrack, type LogColumn } from '@/logKinds/columns'

/** The run mark at each row's left edge, px (part of the grid's least width). */
const RUN_MARK_WIDTH = 4

/** The grid's `grid-template-columns`, header and rows alike. */
export const gridTemplate = (columns: LogColumn[]) => columns.map((c) => gridTrack(c.width)).join(' ')

/** Narrower than this, px, the grid scrolls sideways (header and rows together) instead of cutting columns. */
export const gridMinWidth = (columns: LogColumn[]) => columns.reduce((sum, c) => sum + c.width.min, RUN_MARK_WIDTH)

/** The pinned columns' width, px, when the grid scrolls sideways (each at its least width then). */
export const pinnedWidth = (columns: LogColumn[]) => columns.reduce((sum, c) => sum + (c.pinned ? c.width.min : 0), 0)

export type AriaSort = 'ascending' | 'descending' | 'none'

/** A header's `aria-sort`: undefined where the column does not sort. */
export function headerSort(column: LogColumn, sort: LogSort): AriaSort | undefined {
  if (!column.sortField) return undefined
  if (sort.field !== column.sortField) return 'none'
  return sort.direction === 'asc' ? 'ascending' : 'descending'
}

export const SORT_MARKS: Record<AriaSort, string> = { ascending: '▲', descending: '▼', none: '↕' }

/**
 * Rows of one action run share a mark at their left edge: shades of slate, so that no mark reads
 * as a message type's green, orange or red; each at least 3:1 against the rows (WCAG 1.4.11).
 * Neighbouring runs have neighbouring ids, so they differ in shade.
 */
const RUN_SHADES = ['#2f3740', '#6e7985', '#4a5561', '#7f8a96'] as const

/** The colour of a row's run mark (`run`: its action run's key, null for none). */
export const runMarkColour = (run: number | null) =>
  run === null ? 'transparent' : RUN_SHADES[run % RUN_SHADES.length]
