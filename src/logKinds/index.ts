/**
 * The three logs differ in data, not in machinery: each is described once here, and one page,
 * one grid and one store factory serve all three.
 */
export const LOG_KINDS = ['listing', 'order', 'synchronization'] as const
export type LogKind = (typeof LOG_KINDS)[number]

/** The host menu's section a log page lives under. */
export type MenuSection = 'listings' | 'sales' | 'helpCenter'

/** Grid columns, in display order per log. */
export type ColumnId =
  | 'createDate'
  | 'action'
  | 'listing'
  | 'product'
  | 'ttsOrder'
  | 'magentoOrder'
  | 'task'
  | 'message'
  | 'detailed'
  | 'initiator'
  | 'type'

/** Query keys of the column filters (the deep-link keys of the page). */
export type FilterKey =
  'from' | 'to' | 'type' | 'action' | 'initiator' | 'task' | 'q' | 'listing' | 'product' | 'ttsOrder' | 'magentoOrder'

/** Narrowing params: the page shows one listing, one listing product or one order. */
export type NarrowKey = 'listingId' | 'listingProductId' | 'orderId'

export interface LogKindDefinition {
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
  columns: ColumnId[]
  /** Column filters offered, in the order of the filter bar. */
  filters: FilterKey[]
  /** Type codes the Type filter offers. */
  typeOptions: number[]
  /** i18n key of the unique checkbox's label; null: the log has no unique checkbox. */
  uniqueLabelKey: string | null
  /** Account and Shop selectors above the grid. */
  hasAccountFilters: boolean
  /** View Mode (Separated / Grouped). */
  hasViewMode: boolean
  /** The narrowing params this log accepts, widest first. */
  narrowKeys: NarrowKey[]
  /** "Clear All" is offered (never for orders). */
  canClearAll: boolean
}

/** Listing log actions, in the order the original's filter lists them. */
export const LISTING_ACTION_CODES = [
  1, 2, 3, 4, 5, 35, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 18, 21, 22, 33, 25, 34, 38, 42,
] as const
/** Run Mode values the filter offers (3, Developer, is shown but not offered). */
export const INITIATOR_FILTER_CODES = [0, 1, 2] as const
/** Synchronization tasks in the original's order. */
export const TASK_CODES = [0, 2, 5, 3] as const

export const LOG_KIND_DEFINITIONS: Record<LogKind, LogKindDefinition> = {
  listing: {
    kind: 'listing',
    path: '/listings/logs',
    routeName: 'listing-log',
    menuSection: 'listings',
    menuItemKey: 'menu.logsAndEvents',
    titleKey: 'logs.listing.title',
    helpKey: 'logs.listing.help',
    columns: ['createDate', 'action', 'listing', 'product', 'message', 'initiator', 'type'],
    filters: ['from', 'to', 'action', 'listing', 'product', 'q', 'initiator', 'type'],
    typeOptions: [1, 2, 3, 4],
    uniqueLabelKey: 'filters.uniqueProduct',
    hasAccountFilters: true,
    hasViewMode: true,
    narrowKeys: ['listingId', 'listingProductId'],
    canClearAll: true,
  },
  order: {
    kind: 'order',
    path: '/sales/logs',
    routeName: 'order-log',
    menuSection: 'sales',
    menuItemKey: 'menu.logsAndEvents',
    titleKey: 'logs.order.title',
    helpKey: 'logs.order.help',
    columns: ['createDate', 'ttsOrder', 'magentoOrder', 'message', 'initiator', 'type'],
    filters: ['from', 'to', 'ttsOrder', 'magentoOrder', 'q', 'initiator', 'type'],
    typeOptions: [1, 2, 3, 4],
    uniqueLabelKey: 'filters.uniqueOrder',
    hasAccountFilters: true,
    hasViewMode: false,
    narrowKeys: ['orderId'],
    canClearAll: false,
  },
  synchronization: {
    kind: 'synchronization',
    path: '/help-center/synchronization-logs',
    routeName: 'synchronization-log',
    menuSection: 'helpCenter',
    menuItemKey: 'menu.synchronizationLogs',
    titleKey: 'logs.synchronization.title',
    helpKey: 'logs.synchronization.help',
    columns: ['createDate', 'task', 'message', 'detailed', 'type'],
    filters: ['from', 'to', 'task', 'q', 'type'],
    typeOptions: [3, 4, 100],
    uniqueLabelKey: null,
    hasAccountFilters: false,
    hasViewMode: false,
    narrowKeys: [],
    canClearAll: true,
  },
}

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
