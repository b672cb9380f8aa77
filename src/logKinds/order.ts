/** Sales > Logs & Events: what happened to each TikTok Shop order and its Magento order. */
import { h } from 'vue'
import { COMMON_TYPE_CODES } from '@/api/codes'
import type { EngineOrderRecord } from '@/engine'
import {
  createDateColumn,
  externalLink,
  initiatorColumn,
  messageColumn,
  typeColumn,
  type LogColumn,
} from '@/logKinds/columns'
import type { LogKindDescription } from '@/logKinds/types'

export const ORDER_LOG_PATH = '/sales/logs'

const ttsOrderColumn: LogColumn<EngineOrderRecord> = {
  id: 'ttsOrder',
  labelKey: 'columns.ttsOrder',
  width: { min: 160, grow: 1 },
  cell: ({ record }, c) => externalLink(c.url('ttsOrder', record.ttsOrderId), record.ttsOrderId),
  csvHeaderKeys: ['columns.ttsOrder'],
  csv: ({ record }) => [record.ttsOrderId],
  details: (record, c) => [
    {
      key: 'ttsOrder',
      label: c.t('columns.ttsOrder'),
      value: record.ttsOrderId,
      href: c.url('ttsOrder', record.ttsOrderId),
      filter: { ttsOrder: record.ttsOrderId },
      // Order 0 (old code's "none") has no log of its own.
      ...(record.orderId !== 0 && { open: { path: ORDER_LOG_PATH, query: { orderId: String(record.orderId) } } }),
    },
  ],
}

const magentoOrderColumn: LogColumn<EngineOrderRecord> = {
  id: 'magentoOrder',
  labelKey: 'columns.magentoOrder',
  width: { min: 120, grow: 0.8 },
  cell: ({ record }, c) =>
    record.magentoOrderId === null
      ? h('span', { class: 'tts-grid__na' }, c.t('grid.notAvailable'))
      : externalLink(
          c.url('magentoOrder', record.magentoOrderId),
          record.magentoOrderNumber ?? String(record.magentoOrderId),
        ),
  csvHeaderKeys: ['columns.magentoOrder'],
  // As the grid shows it: the number, else the id, else N/A.
  csv: ({ record }, c) => [
    record.magentoOrderId === null
      ? c.t('grid.notAvailable')
      : (record.magentoOrderNumber ?? String(record.magentoOrderId)),
  ],
  details: (record, c) => [
    record.magentoOrderId === null
      ? { key: 'magentoOrder', label: c.t('columns.magentoOrder'), value: c.t('grid.notAvailable') }
      : {
          key: 'magentoOrder',
          label: c.t('columns.magentoOrder'),
          value: record.magentoOrderNumber ?? String(record.magentoOrderId),
          href: c.url('magentoOrder', record.magentoOrderId),
        },
  ],
}

export const orderLog: LogKindDescription<'order'> = {
  kind: 'order',
  path: ORDER_LOG_PATH,
  routeName: 'order-log',
  menuSection: 'sales',
  menuItemKey: 'menu.logsAndEvents',
  titleKey: 'logs.order.title',
  helpKey: 'logs.order.help',
  columns: [createDateColumn, ttsOrderColumn, magentoOrderColumn, messageColumn, initiatorColumn, typeColumn],
  narrowedTitle: (record, key) => (key === 'orderId' ? record.ttsOrderId : null),
  detailText: () => null,
  runKey: () => null,
  ownerOf: ({ accountId, shopId }) => ({ accountId, shopId }),
  extraDetails: (record: EngineOrderRecord, c) => [
    {
      key: 'orderLog',
      label: c.t('details.orderLog'),
      value: c.t('details.orderLogLink', { id: record.ttsOrderId }),
      to: { path: ORDER_LOG_PATH, query: { orderId: String(record.orderId) } },
    },
  ],
  filters: ['from', 'to', 'ttsOrder', 'magentoOrder', 'q', 'initiator', 'type'],
  typeOptions: [...COMMON_TYPE_CODES],
  uniqueLabelKey: 'filters.uniqueOrder',
  hasAccountFilters: true,
  hasViewMode: false,
  hasActionRuns: false,
  narrowKeys: ['orderId'],
  narrowHides: {},
  canClearAll: false,
}
