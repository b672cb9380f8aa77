/**
 * Sales > Logs & Events: what happened to each TikTok Shop order and its Magento order. Its
 * columns: views/order.ts.
 */
import { COMMON_TYPE_CODES } from '@/api/codes'
import type { LogKindData } from '@/logKinds/types'

export const ORDER_LOG_PATH = '/sales/logs'

export const orderLog: LogKindData<'order'> = {
  kind: 'order',
  path: ORDER_LOG_PATH,
  routeName: 'order-log',
  menuSection: 'sales',
  menuItemKey: 'menu.logsAndEvents',
  titleKey: 'logs.order.title',
  helpKey: 'logs.order.help',
  narrowedTitle: (record, key) => (key === 'orderId' ? record.ttsOrderId : null),
  detailText: () => null,
  runKey: () => null,
  ownerOf: ({ accountId, shopId }) => ({ accountId, shopId }),
  filters: ['from', 'to', 'ttsOrder', 'magentoOrder', 'q', 'initiator', 'type'],
  typeOptions: [...COMMON_TYPE_CODES],
  uniqueLabelKey: 'filters.uniqueOrder',
  hasAccountFilters: true,
  viewModes: ['separated', 'problems'],
  hasActionRuns: false,
  narrowKeys: ['orderId'],
  narrowHides: {},
  canClearAll: false,
}
