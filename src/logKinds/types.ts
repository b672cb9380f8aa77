import type { ColumnContext, ColumnId, DetailField, LogColumn } from '@/logKinds/columns'
import type { FilterKey, NarrowKey } from '@/logKinds/filters'

import { LOG_KIND_VALUES } from '@/api/schemas'

/** The logs, as the API names them. */
export const LOG_KINDS = LOG_KIND_VALUES
export type LogKind = (typeof LOG_KINDS)[number]

/** The host menu's section a log page lives under. */
export type MenuSection = 'listings' | 'sales' | 'helpCenter'

export type { FilterKey, NarrowKey } from '@/logKinds/filters'

/** Everything that makes one log different from the others. */
export interface LogKindDescription {
  kind: LogKind
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
  /** The column registry of this log, in display order. */
  columns: LogColumn[]
  /** Drawer fields no column shows. */
  extraDetails(record: never, context: ColumnContext): DetailField[]
  /** Column filters offered (filters.ts), in the order of the filter bar. */
  filters: FilterKey[]
  /** Type codes the Type filter offers. */
  typeOptions: number[]
  /** i18n key of the unique checkbox's label; null: the log has no unique checkbox. */
  uniqueLabelKey: string | null
  /** Account and Shop selectors above the grid (and in the drawer). */
  hasAccountFilters: boolean
  /** View Mode (Separated / Grouped). */
  hasViewMode: boolean
  /** Records belong to action runs (the drawer lists a run's other messages; rows carry a run mark). */
  hasActionRuns: boolean
  /** The narrowing params this log accepts, widest first. */
  narrowKeys: NarrowKey[]
  /** Columns a narrowed page hides (they would repeat one value). */
  narrowHides: Partial<Record<NarrowKey, ColumnId[]>>
  /** "Clear All" is offered (never for orders). */
  canClearAll: boolean
}
