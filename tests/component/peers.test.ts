// @vitest-environment jsdom
/**
 * What Sentry, Kibana and Grafana users expect (issue 19), at the component level: a repeated
 * row's trend, highlighted matches of the message filter, and "filter for value" in the drawer.
 * ("New since the last visit" runs against the real backend: lastVisit.test.ts.)
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import LogGrid from '@/logPage/grid/LogGrid.vue'
import MessageDialog from '@/logPage/details/MessageDialog.vue'
import RecordDrawer from '@/logPage/details/RecordDrawer.vue'
import type { EngineListingRecord, EngineOrderRecord, EngineSynchronizationRecord } from '@/engine'
import type { LogKind } from '@/logKinds'
import type { LogViewState } from '@/logKinds/viewState'
import { LOG_KIND_VIEWS } from '@/logKinds/views'
import type { AppLocale } from '@/locales'
import type { LogRecord } from '@/logKinds'
import { mountWithLog, until } from './helpers'
import { listingRecord } from '../fixtures/records'

afterEach(() => {
  document.body.innerHTML = ''
})

let nextId = 1000
function listing(createDate: string, patch: Partial<EngineListingRecord> = {}): EngineListingRecord {
  return listingRecord({
    id: nextId--,
    createDate,
    type: 3,
    initiator: 1,
    description: 'Stock low.',
    accountId: 1,
    shopId: 1,
    listingId: 7,
    listingTitle: 'Summer Dresses',
    productId: 1001,
    productTitle: 'Maxi Dress',
    listingProductId: 5001,
    action: 15,
    actionId: 300 + nextId,
    ...patch,
  })
}

async function mountGrid(records: LogRecord[], state: Partial<LogViewState> = {}, locale: AppLocale = 'en_US') {
  const mounted = await mountWithLog(LogGrid, {
    kind: 'listing',
    records,
    state,
    locale,
    props: (store) => ({ columns: LOG_KIND_VIEWS[store.kind].columns, label: 'Listing log' }),
  })
  await flushPromises()
  return mounted
}

const rowOf = (wrapper: VueWrapper, id: number) => wrapper.get(`[data-testid="log-row"][data-id="${id}"]`)

describe('the trend of a repeated message', () => {
  // Newest first, as the API sends them. "Stock low." of product 5001: four times, twice on Nov 10.
  const group = () => [
    listing('2026-11-25T12:00:00Z', { description: 'Price was revised.', listingProductId: 5002, productId: 1002 }),
    listing('2026-11-20T12:00:00Z'),
    listing('2026-11-10T09:00:00Z'),
    listing('2026-11-10T08:00:00Z'),
    listing('2026-11-03T12:00:00Z'),
  ]

  it('draws the days of its occurrences, and says their numbers in its accessible name', async () => {
    const records = group()
    const { wrapper, store } = await mountGrid(records, { unique: true })
    store.showChart()
    await until(() => wrapper.find('[data-testid="message-trend"]').exists())
    const trend = rowOf(wrapper, records[1]!.id).get('[data-testid="message-trend"]')
    expect(trend.attributes('role')).toBe('img')
    expect(trend.attributes('aria-label')).toBe(
      'Trend: 4 times, first on Nov 3, 2026, last on Nov 20, 2026; at most 2 in a day, on Nov 10, 2026',
    )
    expect(trend.attributes('data-total')).toBe('4')
    expect(trend.attributes('data-peak')).toBe('2')
    // One bar path, whatever the number of days; the row that happened once has no trend.
    expect(trend.findAll('path')).toHaveLength(1)
    expect(rowOf(wrapper, records[0]!.id).find('[data-testid="message-trend"]').exists()).toBe(false)
  })

  it('counts only the occurrences the filters leave, and is gone when repeats are not collapsed', async () => {
    const records = group()
    const { wrapper, store } = await mountGrid(records, {
      unique: true,
      from: '2026-11-05T00:00:00.000Z',
    })
    store.showChart()
    await until(() => wrapper.find('[data-testid="message-trend"]').exists())
    expect(wrapper.get('[data-testid="message-trend"]').attributes('aria-label')).toBe(
      'Trend: 3 times, first on Nov 10, 2026, last on Nov 20, 2026; at most 2 in a day, on Nov 10, 2026',
    )
    store.setViewState({ ...store.viewState, unique: false })
    await flushPromises()
    expect(wrapper.find('[data-testid="message-trend"]').exists()).toBe(false)
  })

  it('speaks Polish in Polish, by the hour over a week or less', async () => {
    const records = [listing('2026-11-20T14:20:00Z'), listing('2026-11-20T14:10:00Z'), listing('2026-11-19T09:00:00Z')]
    const { wrapper, store } = await mountGrid(records, { unique: true }, 'pl_PL')
    store.showChart()
    await until(() => wrapper.find('[data-testid="message-trend"]').exists())
    expect(wrapper.get('[data-testid="message-trend"]').attributes('aria-label')).toBe(
      'Trend: 3 razy, pierwszy raz 19 lis, 09:00, ostatni raz 20 lis, 14:20; najwięcej w jednej godzinie: 2, 20 lis, 14:00',
    )
  })
})

describe('highlighting what the message filter found', () => {
  const HOSTILE = `Reason: <img src=x onerror="alert('XSS')"> is not a valid Brand – check it.`

  it('marks matches in the grid on the escaped text: a fragment of markup creates no element', async () => {
    const records = [listing('2026-11-20T12:00:00Z', { description: HOSTILE })]
    const { wrapper } = await mountGrid(records, { q: '<IMG src=x ON' })
    const text = wrapper.get('.tts-message__text')
    expect(text.findAll('*').map((el) => el.element.tagName)).toEqual(['MARK'])
    expect(text.get('mark').text()).toBe('<img src=x on')
    expect(text.text()).toBe(HOSTILE)
  })

  it('follows the filter’s rules: a plain hyphen finds the en dash, in any case', async () => {
    const records = [listing('2026-11-20T12:00:00Z', { description: HOSTILE })]
    const { wrapper } = await mountGrid(records, { q: 'BRAND - CHECK' })
    expect(wrapper.get('.tts-message__text mark').text()).toBe('Brand – check')
  })

  it('marks the whole message in the Description dialog and in the drawer', async () => {
    const long = `${'Stock sync detail. '.repeat(12)}The TikTok Shop API said: quota exceeded.`
    const records = [listing('2026-11-20T12:00:00Z', { description: long })]
    const dialog = await mountWithLog(MessageDialog, {
      kind: 'listing',
      records,
      state: { q: 'quota' },
      props: (store) => ({ modelValue: true, indices: [store.indexOfId(records[0]!.id)] }),
    })
    await until(() => document.querySelector('.tts-message-dialog mark') !== null)
    expect(document.querySelector('.tts-message-dialog mark')!.textContent).toBe('quota')
    dialog.wrapper.unmount()

    await mountWithLog(RecordDrawer, {
      kind: 'listing',
      records,
      state: { q: 'sync detail' },
      status: 'complete',
      props: { recordId: records[0]!.id },
    })
    await until(() => document.querySelector('[data-testid="details-message"] mark') !== null)
    const marks = document.querySelectorAll('[data-testid="details-message"] mark')
    expect(marks).toHaveLength(12)
    expect(marks[0]!.textContent).toBe('sync detail')
  })
})

describe('filter for value, in the drawer', () => {
  async function openDrawer(kind: LogKind, records: LogRecord[], state: Partial<LogViewState> = {}) {
    const mounted = await mountWithLog(RecordDrawer, {
      kind,
      records,
      state: { ...state, detail: records[0]!.id },
      status: 'complete',
      props: (store) => ({ recordId: store.viewState.detail }),
    })
    await until(() => document.querySelector('[data-testid="details-fields"]') !== null)
    return mounted
  }
  const control = (testId: string) => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)

  it('adds the product, listing, action, type or run mode to the page’s filters and closes the drawer', async () => {
    const record = listing('2026-11-20T12:00:00Z', { type: 4, initiator: 2, action: 4 })
    // Titles holding the other's id: "filter for value" means that product or listing, not a title
    // that happens to contain its digits.
    const decoy = listing('2026-11-19T12:00:00Z', {
      listingId: 8,
      listingTitle: 'Pack of 7 bulbs',
      productId: 1002,
      productTitle: 'Cable 1001',
      listingProductId: 5002,
    })
    const cases: [string, Partial<LogViewState>][] = [
      ['details-filter-product', { product: '#1001' }],
      ['details-filter-listing', { listing: '#7' }],
      ['details-filter-action', { actions: [4] }],
      ['details-filter-type', { types: [4] }],
      ['details-filter-initiator', { initiators: [2] }],
    ]
    for (const [testId, expected] of cases) {
      const { store, wrapper } = await openDrawer('listing', [record, decoy], {
        q: 'Stock',
        types: [3, 4],
      })
      const button = control(testId)!
      expect(button.getAttribute('aria-label')).toMatch(/^Filter the log by /)
      button.click()
      await flushPromises()
      expect(store.viewState).toMatchObject({ ...expected, q: 'Stock', detail: null })
      if (!('types' in expected)) expect(store.viewState.types).toEqual([3, 4])
      if ('product' in expected || 'listing' in expected) {
        expect(Array.from(store.result.rows, (index) => store.entryAt(index).id)).toEqual([record.id])
      }
      wrapper.unmount()
      document.body.innerHTML = ''
    }
  })

  it('opens the narrowed log of the product and of the order, as their links do', async () => {
    const record = listing('2026-11-20T12:00:00Z')
    await openDrawer('listing', [record])
    expect(control('details-open-product')!.getAttribute('href')).toBe('/listings/logs?listingProductId=5001')
    document.body.innerHTML = ''

    const order: EngineOrderRecord = {
      id: 1,
      createDate: '2026-11-20T12:00:00Z',
      type: 4,
      initiator: 2,
      description: 'Magento Order was not created.',
      accountId: 1,
      shopId: 1,
      orderId: 20001,
      ttsOrderId: '576461413577379981',
      magentoOrderId: null,
      magentoOrderNumber: null,
    }
    const { store } = await openDrawer('order', [order])
    expect(control('details-open-ttsOrder')!.getAttribute('href')).toBe('/sales/logs?orderId=20001')
    control('details-filter-ttsOrder')!.click()
    await flushPromises()
    expect(store.viewState).toMatchObject({ ttsOrder: '576461413577379981', detail: null })
  })

  it('offers only the filters the log has: the synchronization log has no run mode filter', async () => {
    const record: EngineSynchronizationRecord = {
      id: 1,
      createDate: '2026-11-20T12:00:00Z',
      type: 100,
      initiator: 2,
      description: 'Synchronization failed.',
      task: 3,
      detailedDescription: null,
      operationHistoryId: null,
    }
    const { store } = await openDrawer('synchronization', [record])
    expect(control('details-filter-initiator')).toBeNull()
    expect(control('details-open-task')).toBeNull()
    control('details-filter-task')!.click()
    await flushPromises()
    expect(store.viewState).toMatchObject({ tasks: [3], detail: null })
    expect(control('details-filter-type')).not.toBeNull()
  })
})
