/** The listing log's columns, with their cells and drawer fields (its data: logKinds/listing.ts). */
import { h } from 'vue'
import { RouterLink } from 'vue-router'
import type { EngineListingRecord } from '@/engine'
import type { ColumnContext, LogColumn } from '@/logKinds/columns'
import { LISTING_LOG_PATH } from '@/logKinds/listing'
import type { LogKindView } from '@/logKinds/types'
import {
  codeColumn,
  createDateColumn,
  cutTitle,
  idNote,
  initiatorColumn,
  messageColumn,
  titleLink,
  typeColumn,
} from '@/logKinds/views/sharedColumns'

// Listing 0 (old code's "none") has no log or page of its own to link to.
const listingTarget = (c: ColumnContext, id: number) =>
  id === 0
    ? {}
    : c.listingUrl(id) === null
      ? { to: { path: LISTING_LOG_PATH, query: { listingId: String(id) } } }
      : { href: c.listingUrl(id)! }

const listingColumn: LogColumn<EngineListingRecord> = {
  id: 'listing',
  labelKey: 'columns.listing',
  width: { min: 120, grow: 1.1 },
  sortField: 'listingTitle',
  cell: ({ record }, c) => {
    const href = c.listingUrl(record.listingId)
    const title = cutTitle(record.listingTitle, 50)
    return [
      record.listingId === 0
        ? h('span', { title: record.listingTitle }, title)
        : href === null
          ? h(
              RouterLink,
              {
                class: 'tts-link',
                to: { path: LISTING_LOG_PATH, query: { listingId: String(record.listingId) } },
                title: record.listingTitle,
                'data-testid': 'listing-link',
              },
              () => title,
            )
          : h('a', { class: 'tts-link', href, title: record.listingTitle }, title),
      idNote(c, record.listingId),
    ]
  },
  csvHeaderKeys: ['columns.listing', 'export.listingId'],
  csv: ({ record }) => [record.listingTitle, String(record.listingId)],
  details: (record, c) => [
    {
      key: 'listing',
      label: c.t('columns.listing'),
      value: `${record.listingTitle} (${c.t('grid.id', { id: record.listingId })})`,
      ...listingTarget(c, record.listingId),
      filter: { listing: `#${record.listingId}` },
    },
  ],
}

const productColumn: LogColumn<EngineListingRecord> = {
  id: 'product',
  labelKey: 'columns.product',
  width: { min: 130, grow: 1.2 },
  sortField: 'productTitle',
  cell: ({ record }, c) =>
    record.productId === null
      ? null
      : [titleLink(c.url('product', record.productId), record.productTitle ?? '', 60), idNote(c, record.productId)],
  csvHeaderKeys: ['columns.product', 'export.productId'],
  csv: ({ record }) => [record.productTitle ?? '', String(record.productId ?? '')],
  details: (record, c) => [
    ...(record.productId === null
      ? []
      : [
          {
            key: 'product',
            label: c.t('columns.product'),
            value: `${record.productTitle ?? ''} (${c.t('grid.id', { id: record.productId })})`,
            href: c.url('product', record.productId),
            filter: { product: `#${record.productId}` },
            ...(record.listingProductId !== null && {
              open: { path: LISTING_LOG_PATH, query: { listingProductId: String(record.listingProductId) } },
            }),
          },
        ]),
    ...(record.listingProductId === null
      ? []
      : [
          {
            key: 'listingProduct',
            label: c.t('details.listingProduct'),
            value: c.t('details.productLog', { id: record.listingProductId }),
            to: { path: LISTING_LOG_PATH, query: { listingProductId: String(record.listingProductId) } },
          },
        ]),
  ],
}

export const listingView: LogKindView<'listing'> = {
  columns: [
    createDateColumn,
    codeColumn(
      'action',
      { min: 120, grow: 1 },
      'actions',
      (r) => r.action,
      (code) => ({ actions: [code] }),
    ),
    listingColumn,
    productColumn,
    messageColumn,
    initiatorColumn,
    typeColumn,
  ],
  extraDetails: (record: EngineListingRecord, c) => [
    { key: 'actionId', label: c.t('details.actionId'), value: String(record.actionId) },
  ],
}
