import { listingLog } from '@/logKinds/listing'
import { orderLog } from '@/logKinds/order'
import { synchronizationLog } from '@/logKinds/synchronization'
import type { LogKind, LogKindData, MenuSection } from '@/logKinds/types'

/**
 * The three logs differ in data, not in machinery: each is described once, and one page, one
 * grid and one store factory serve all three. This is the descriptions' data part, with no Vue:
 * what stores, the engine and the router read. Their view part, the columns with their cells, is
 * `LOG_KIND_VIEWS` in `@/logKinds/views`.
 */
export { INITIATOR_FILTER_CODES, LISTING_ACTION_CODES, TASK_CODES } from '@/api/codes'
export type { ColumnId, LogColumn } from '@/logKinds/columns'
export type { LogRecord, LogRecordOf } from '@/logKinds/records'
export { LOG_KINDS } from '@/logKinds/types'
export type { FilterKey, LogKind, LogKindData, LogKindView, MenuSection, NarrowKey } from '@/logKinds/types'

/**
 * Each log's description (its data part), checked against its own records (`satisfies`), held as
 * a description of some log: its readers then take any log's record (TypeScript allows the widening because
 * they are methods). The pairing is by construction: a page part reads a log's description and
 * its records from the same store, never one log's records with another's description.
 */
export const LOG_KIND_DEFINITIONS: Record<LogKind, LogKindData> = {
  listing: listingLog,
  order: orderLog,
  synchronization: synchronizationLog,
} satisfies { [K in LogKind]: LogKindData<K> }

/** The Logs Clearing settings (Help Center). */
export const LOGS_CLEARING_PATH = '/help-center/logs-clearing'

/** Menu sections in the host's order, each with the logs it holds and any other pages. */
export const MENU_SECTIONS: {
  section: MenuSection
  labelKey: string
  kinds: LogKind[]
  extra?: { path: string; labelKey: string; testId: string }[]
}[] = [
  { section: 'listings', labelKey: 'menu.listings', kinds: ['listing'] },
  { section: 'sales', labelKey: 'menu.sales', kinds: ['order'] },
  {
    section: 'helpCenter',
    labelKey: 'menu.helpCenter',
    kinds: ['synchronization'],
    extra: [{ path: LOGS_CLEARING_PATH, labelKey: 'menu.logsClearing', testId: 'menu-logs-clearing' }],
  },
]
