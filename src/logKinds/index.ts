/**
 * The three logs differ in data, not in machinery: each is described once here, and one page,
 * one grid and one store factory serve all three.
 */
export const LOG_KINDS = ['listing', 'order', 'synchronization'] as const
export type LogKind = (typeof LOG_KINDS)[number]

/** The host menu's section a log page lives under. */
export type MenuSection = 'listings' | 'sales' | 'helpCenter'

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
}

export const LOG_KIND_DEFINITIONS: Record<LogKind, LogKindDefinition> = {
  listing: {
    kind: 'listing',
    path: '/listings/logs',
    routeName: 'listing-log',
    menuSection: 'listings',
    menuItemKey: 'menu.logsAndEvents',
    titleKey: 'logs.listing.title',
    helpKey: 'logs.listing.help',
  },
  order: {
    kind: 'order',
    path: '/sales/logs',
    routeName: 'order-log',
    menuSection: 'sales',
    menuItemKey: 'menu.logsAndEvents',
    titleKey: 'logs.order.title',
    helpKey: 'logs.order.help',
  },
  synchronization: {
    kind: 'synchronization',
    path: '/help-center/synchronization-logs',
    routeName: 'synchronization-log',
    menuSection: 'helpCenter',
    menuItemKey: 'menu.synchronizationLogs',
    titleKey: 'logs.synchronization.title',
    helpKey: 'logs.synchronization.help',
  },
}

/** Menu sections in the host's order, each with the logs it holds. */
export const MENU_SECTIONS: { section: MenuSection; labelKey: string; kinds: LogKind[] }[] = [
  { section: 'listings', labelKey: 'menu.listings', kinds: ['listing'] },
  { section: 'sales', labelKey: 'menu.sales', kinds: ['order'] },
  { section: 'helpCenter', labelKey: 'menu.helpCenter', kinds: ['synchronization'] },
]
