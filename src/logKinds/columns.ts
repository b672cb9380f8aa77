/**
 * The column registry's shape. A column is described once: its label, width, sort key, the cell
 * the grid renders, its CSV cells and its fields in the details drawer. The grid, the CSV export,
 * the drawer, the column chooser and the URL's sort and `hide` parsing all loop over a log's
 * columns (the shape follows Element Plus `table-v2` columns: `dataKey`, `width`, `sortable`,
 * `cellRenderer`). Only types and plain functions here: the columns themselves, with their cells,
 * are the descriptions' view part (`logKinds/views/`).
 */
import type { VNodeChild } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import type { ParsedMessage, SortField } from '@/engine'
import type { MessageTrend } from '@/trend/trend'
import type { LogRecord } from '@/logKinds/records'

/**
 * A column's id: its key in the URL's `hide=` list, its CSS class and its test ids. Open, so a
 * log's description can add a column without touching this file; the registry is the list.
 */
export type ColumnId = string

/** One rendered row of the grid (or one exported row): a record and what the query made of it. */
export interface RowView<R> {
  /** Display row. */
  row: number
  /** The engine's record index (for a collapsed row: its latest member). */
  index: number
  id: number
  /** UTC ms. */
  date: number
  record: R
  /** Records the row stands for. */
  count: number
  /** Its message (under the unique grouping) first happened after the merchant's last visit. */
  isNew: boolean
  /** A repeated row of the unique view: its occurrences over time (null: none drawn). */
  trend: MessageTrend | null
  /** The record's type, or the worst type of a grouped row. */
  type: number
  message: ParsedMessage
  /** Grouped view: the first messages of the group, for the message cell. */
  members: { id: number; type: number; date: number; message: ParsedMessage }[]
  /** A Problems row's figures (null in the other views); `count` is its records, `date` its last seen. */
  problem: ProblemView | null
}

/** What a Problems row says beside its message: how widely and since when. */
export interface ProblemView {
  /** Distinct products (order log: orders) it touched. */
  owners: number
  /** Its oldest record's date (UTC ms). */
  firstSeen: number
  /** The shops its records belong to (ids). */
  shops: number[]
  /** Its message shape's key: `?shape=` drills into it. */
  shapeKey: string
}

/** `plural`: the number that picks the plural form (Polish has three). */
type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

/** What cells, CSV cells and drawer fields may use: texts, the admin's clock and link targets. */
export interface ColumnContext {
  t: Translate
  formatDateTime(ms: number): string
  /** A whole number in the admin's language ("1,234"; Polish "1 234"). */
  formatNumber(value: number): string
  /** The time of `ms`, with its date too when it is not on the day of `day`. */
  formatTime(ms: number, day: number): string
  /** A Magento or TikTok Shop page, from the host's URL templates. */
  url(target: 'product' | 'ttsOrder' | 'magentoOrder', id: string | number): string
  /** The host's listing page, or null when the app's own narrowed log stands in for it. */
  listingUrl(id: number): string | null
  /** A shop's name as the filters show it ("region (name)"), or its id while the names load. */
  shopName(id: number): string
}

/** Grid-only extras: the row's actions, and what the message filter is looking for. */
export interface CellContext extends ColumnContext {
  /** The message filter's text ('' for none): its matches in messages are marked. */
  highlight(): string
  /** Show the whole message (or every message of a grouped row). */
  open(row: number): void
  /** Open the row's details drawer. */
  details(row: number): void
}

/**
 * Filters a drawer field can set on the page ("filter for value"): keys and values of the page's
 * view state (`LogViewState`), written out here because the view state's module reads the log
 * descriptions' types, which read this file (an import cycle otherwise; tests/unit/logKinds.test.ts
 * holds the two together).
 */
export interface ValueFilter {
  listing?: string
  product?: string
  ttsOrder?: string
  actions?: number[]
  types?: number[]
  initiators?: number[]
  tasks?: number[]
}

/** One field of the details drawer. */
export interface DetailField {
  key: string
  label: string
  value: string
  href?: string
  to?: RouteLocationRaw
  /** A message type: shown as its label. */
  typeCode?: number
  /** "Filter for value": what this value adds to the page's filters (offered where the log has that filter). */
  filter?: ValueFilter
  /** The log narrowed to this value (one product's or one order's). */
  open?: RouteLocationRaw
}

/** A column of records `R` (by default: of some log, as the page's parts see a log's columns). */
export interface LogColumn<R = LogRecord> {
  id: ColumnId
  /** i18n key of the header (and of the column chooser's checkbox). */
  labelKey: string
  /** Its width: never narrower than `min` px (the grid scrolls sideways instead); spare width is
   * shared by `grow`. */
  width: ColumnWidth
  /** The engine's sort field when the header sorts. */
  sortField?: SortField
  /** False: the column chooser never hides it. */
  hideable?: boolean
  /** Kept in view at the grid's right edge while the other columns scroll sideways under it (a log's last column). */
  pinned?: boolean
  cell(row: RowView<R>, context: CellContext): VNodeChild
  /** i18n keys of the CSV headers this column writes (none: not exported). */
  csvHeaderKeys: string[]
  csv(row: RowView<R>, context: ColumnContext): string[]
  /** Fields this column adds to the details drawer. */
  details?(record: R, context: ColumnContext): DetailField[]
}

export interface ColumnWidth {
  min: number
  grow: number
}

/** The CSS grid track of a column. */
export const gridTrack = ({ min, grow }: ColumnWidth): string => `minmax(${min}px, ${grow}fr)`
