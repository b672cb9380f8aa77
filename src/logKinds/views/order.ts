/** The order log's columns, with their cells and drawer fields (its data: logKinds/order.ts). */
import { h } from 'vue'
import type { EngineOrderRecord } from '@/engine'
import type { LogColumn } from '@/logKinds/columns'
import { ORDER_LOG_PATH } from '@/logKinds/order'
import type { LogKindView } from '@/logKinds/types'
import {
  createDateColumn,
  externalLink,
  initiatorColumn,
  messageColumn,
  typeColumn,
} from '@/logKinds/views/sharedColumns'

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

export const orderView: LogKindView<'order'> = {
  columns: [createDateColumn, ttsOrderColumn, magentoOrderColumn, messageColumn, initiatorColumn, typeColumn],
  extraDetails: (record: EngineOrderRecord, c) => [
    {
      key: 'orderLog',
      label: c.t('details.orderLog'),
      value: c.t('details.orderLogLink', { id: record.ttsOrderId }),
      to: { path: ORDER_LOG_PATH, query: { orderId: String(record.orderId) } },
    },
  ],
}
