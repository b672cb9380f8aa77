/** Listings > Logs & Events: what happened to each product of each listing. Its columns: views/listing.ts. */
import { COMMON_TYPE_CODES } from '@/api/codes'
import type { LogKindData } from '@/logKinds/types'

export const LISTING_LOG_PATH = '/listings/logs'

export const listingLog: LogKindData<'listing'> = {
  kind: 'listing',
  path: LISTING_LOG_PATH,
  routeName: 'listing-log',
  menuSection: 'listings',
  menuItemKey: 'menu.logsAndEvents',
  titleKey: 'logs.listing.title',
  helpKey: 'logs.listing.help',
  narrowedTitle: (record, key) =>
    key === 'listingId' ? record.listingTitle : key === 'listingProductId' ? record.productTitle : null,
  detailText: () => null,
  runKey: (record) => record.actionId,
  ownerOf: ({ accountId, shopId }) => ({ accountId, shopId }),
  filters: ['from', 'to', 'action', 'listing', 'product', 'q', 'initiator', 'type'],
  typeOptions: [...COMMON_TYPE_CODES],
  uniqueLabelKey: 'filters.uniqueProduct',
  hasAccountFilters: true,
  viewModes: ['separated', 'grouped', 'problems'],
  hasActionRuns: true,
  narrowKeys: ['listingId', 'listingProductId'],
  narrowHides: { listingId: ['listing'], listingProductId: ['listing', 'product'] },
  canClearAll: true,
}
