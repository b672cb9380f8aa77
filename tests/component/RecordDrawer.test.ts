// @vitest-environment jsdom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import RecordDrawer from '@/logPage/details/RecordDrawer.vue'
import type { EngineListingRecord, EngineOrderRecord } from '@/engine'
import type { LogRecord } from '@/logKinds'
import { listingRecord as aListingRecord, synchronizationRecord } from '../fixtures/records'
import { mountWithLog } from './helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

function listingRecord(id: number, hoursAgo: number, patch: Partial<EngineListingRecord> = {}): EngineListingRecord {
  return aListingRecord({
    id,
    createDate: new Date(Date.parse('2026-11-27T12:00:00Z') - hoursAgo * 3_600_000).toISOString(),
    description: 'Product was not Listed. Reason: <b>Brand</b> is required.',
    shopId: 1,
    actionId: 900 + id,
    ...patch,
  })
}

async function mountDrawer(records: LogRecord[], recordId: number | null, unique = true) {
  const kind = 'ttsOrderId' in records[0]! ? 'order' : 'task' in records[0]! ? 'synchronization' : 'listing'
  const mounted = await mountWithLog(RecordDrawer, {
    kind,
    records,
    state: { unique },
    status: 'complete',
    props: { recordId },
    config: {
      urls: {
        product: '/admin/product/{id}/',
        magentoOrder: '/admin/order/{id}/',
        ttsOrder: 'https://tts.example/{id}',
        listing: null,
      },
    },
  })
  await flushPromises()
  return { ...mounted, root: mounted.wrapper, wrapper: mounted.wrapper.findComponent(RecordDrawer) }
}

describe('RecordDrawer', () => {
  // Newest first, as the API sends them: record 5 repeats 3 and 1; record 4 shares 5's run.
  const listingRecords: LogRecord[] = [
    listingRecord(5, 1, { actionId: 77 }),
    listingRecord(4, 1, {
      actionId: 77,
      type: 2,
      description: 'Item was Listed.',
      listingProductId: 5002,
      productTitle: 'Tote Bag',
      productId: 1002,
    }),
    listingRecord(3, 20),
    listingRecord(2, 30, { description: 'Another message' }),
    listingRecord(1, 50),
  ]

  it('shows the whole message (escaped), every field and links to Magento and the narrowed logs', async () => {
    const { root } = await mountDrawer(listingRecords, 5)
    const drawer = document.querySelector('[data-testid="record-drawer"]')!
    expect(drawer.querySelector('[data-testid="details-message"]')!.textContent).toBe(
      'Product was not Listed. Reason: <b>Brand</b> is required.',
    )
    expect(drawer.querySelector('[data-testid="details-message"] b')).toBeNull()
    const field = (key: string) => drawer.querySelector(`[data-field="${key}"]`)!
    // What every record has first, as before the column registry; then the listing's own fields.
    expect([...drawer.querySelectorAll('[data-field]')].map((dd) => dd.getAttribute('data-field'))).toEqual([
      'id',
      'createDate',
      'type',
      'initiator',
      'account',
      'shop',
      'action',
      'listing',
      'product',
      'listingProduct',
      'actionId',
    ])
    expect(field('id').textContent!.trim()).toBe('5')
    expect(field('action').textContent!.trim()).toBe('Add Product to Listing')
    expect(field('product').querySelector('a')!.getAttribute('href')).toBe('/admin/product/1001/')
    expect(field('listing').querySelector('a')!.getAttribute('href')).toBe('/listings/logs?listingId=3')
    expect(field('listingProduct').querySelector('a')!.getAttribute('href')).toBe(
      '/listings/logs?listingProductId=5001',
    )
    root.unmount()
  })

  it('lists every occurrence of a collapsed row with first and last seen, and the rest of its action run', async () => {
    const { wrapper, root } = await mountDrawer(listingRecords, 5)
    const occurrences = document.querySelector('[data-testid="details-occurrences"]')!
    expect(occurrences.getAttribute('data-count')).toBe('3')
    expect(occurrences.querySelectorAll('[data-testid="details-occurrence"]')).toHaveLength(3)
    expect(occurrences.textContent).toContain(
      'First seen Nov 25, 2026, 10:00:00 AM · last seen Nov 27, 2026, 11:00:00 AM',
    )
    const run = document.querySelector('[data-testid="details-run"]')!
    expect(run.querySelectorAll('li')).toHaveLength(1)
    expect(run.textContent).toContain('Item was Listed.')
    // Choosing a run member asks the page to show that record.
    ;(run.querySelector('button') as HTMLButtonElement).click()
    expect(wrapper.emitted('show')).toEqual([[4]])
    root.unmount()
  })

  it('shows one occurrence when the grid does not collapse', async () => {
    const { root } = await mountDrawer(listingRecords, 5, false)
    expect(document.querySelector('[data-testid="details-occurrences"]')).toBeNull()
    root.unmount()
  })

  it('says so when the linked record is not in the log', async () => {
    const { root } = await mountDrawer(listingRecords, 999)
    expect(document.querySelector('[data-testid="details-missing"]')!.textContent).toContain(
      'Record #999 is not in this log',
    )
    root.unmount()
  })

  it("links an order record to Magento, TikTok Shop and the order's own log", async () => {
    const record: EngineOrderRecord = {
      id: 8,
      createDate: '2026-11-27T10:00:00Z',
      type: 3,
      initiator: 1,
      description: 'Order was not shipped.',
      accountId: 1,
      shopId: 1,
      orderId: 44,
      ttsOrderId: '5770001',
      magentoOrderId: 12,
      magentoOrderNumber: '000000012',
    }
    const { root } = await mountDrawer([record], 8)
    const href = (key: string) => document.querySelector(`[data-field="${key}"] a`)!.getAttribute('href')
    expect(href('ttsOrder')).toBe('https://tts.example/5770001')
    expect(href('magentoOrder')).toBe('/admin/order/12/')
    expect(href('orderLog')).toBe('/sales/logs?orderId=44')
    expect(document.querySelector('[data-testid="details-run"]')).toBeNull()
    root.unmount()
  })

  it("shows a synchronization record's detailed description under its message, and no account or shop", async () => {
    const record = synchronizationRecord()
    const { root } = await mountDrawer([record], record.id)
    const drawer = document.querySelector('[data-testid="record-drawer"]')!
    expect(drawer.querySelector('.tts-details__detailed')!.textContent!.trim()).toBe(
      'HTTP 503 from the TikTok Shop API',
    )
    const fields = [...drawer.querySelectorAll('[data-field]')].map((dd) => dd.getAttribute('data-field'))
    expect(fields).toEqual(['id', 'createDate', 'type', 'initiator', 'task'])
    root.unmount()
  })

  it('shows no detailed description for a listing record', async () => {
    const { root } = await mountDrawer(listingRecords, 5)
    expect(document.querySelector('[data-testid="record-drawer"] .tts-details__message')).not.toBeNull()
    expect(document.querySelector('.tts-details__detailed')).toBeNull()
    root.unmount()
  })
})
