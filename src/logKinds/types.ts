import type { ColumnContext, ColumnId, DetailField, LogColumn } from '@/logKinds/columns'
import type { FilterKey, NarrowKey } from '@/logKinds/filters'
import type { LogRecordOf } from '@/logKinds/records'

import { LOG_KIND_VALUES } from '@/api/schemas'
import type { ViewMode } from '@/engine/types'

/** The logs, as the API names them. */
export const LOG_KINDS = LOG_KIND_VALUES
export type LogKind = (typeof LOG_KINDS)[number]

/** The host menu's section a log page lives under. */
export type MenuSection = 'listings' | 'sales' | 'helpCenter'

export type { FilterKey, NarrowKey } from '@/logKinds/filters'

/**
 * What makes one log different from the others, as data: routes, text keys, filters, narrowing,
 * and what is read of a record (no Vue). Stores and the engine read this part; its view part,
 * the columns with their cells, is `LogKindView` (`logKinds/views/`). `K`: the log, whose records
 * its readers take; the page's parts see every log's description at `LogKind`, over records of
 * some log (`LogRecord`), and hand each only the records of its own log.
 */
export interface LogKindData<K extends LogKind = LogKind> {
  kind: K
  /** Route path of the standalone preview; mirrors the host menu. */
  path: string
  routeName: string
  menuSection: MenuSection
  /** i18n key of the menu item inside its section. */
  menuItemKey: string
  /** i18n key of the page title (the page's h1). */
  titleKey: string
  /** i18n key of the help text shown at the top of the page. */
  helpKey: string
  /** The name of what a page narrowed by `key` shows (a listing's or product's title, an order's
   * TikTok Shop id), read from any of its records; null: this log has none for that key. */
  narrowedTitle(record: LogRecordOf<K>, key: NarrowKey): string | null
  /** A record's detailed description, shown under its message; null: none. */
  detailText(record: LogRecordOf<K>): string | null
  /** The action run a record belongs to (its rows share a mark); null: this log has no runs. */
  runKey(record: LogRecordOf<K>): number | null
  /** The account and shop a record belongs to; null: this log's records belong to none. */
  ownerOf(record: LogRecordOf<K>): { accountId: number; shopId: number } | null
  /** Column filters offered (filters.ts), in the order of the filter bar. */
  filters: FilterKey[]
  /** Type codes the Type filter offers. */
  typeOptions: number[]
  /** i18n key of the unique checkbox's label; null: the log has no unique checkbox. */
  uniqueLabelKey: string | null
  /** Account and Shop selectors above the grid (and in the drawer). */
  hasAccountFilters: boolean
  /** The View Modes offered (Separated, Grouped, Problems), in the control's order; the control
   * shows when there are two or more. */
  viewModes: ViewMode[]
  /** Records belong to action runs (the drawer lists a run's other messages; rows carry a run mark). */
  hasActionRuns: boolean
  /** The narrowing params this log accepts, widest first. */
  narrowKeys: NarrowKey[]
  /** Columns a narrowed page hides (they would repeat one value). */
  narrowHides: Partial<Record<NarrowKey, ColumnId[]>>
  /** "Clear All" is offered (never for orders). */
  canClearAll: boolean
}

/**
 * A log's view part: its columns, in display order (each with its grid cell, CSV cells and
 * drawer fields), and the drawer fields no column shows. Only views read it.
 */
export interface LogKindView<K extends LogKind = LogKind> {
  /** The column registry of this log, in display order. */
  columns: LogColumn<LogRecordOf<K>>[]
  /** Drawer fields no column shows. */
  extraDetails(record: LogRecordOf<K>, context: ColumnContext): DetailField[]
}
