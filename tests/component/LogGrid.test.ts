// @vitest-environment jsdom
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import LogGrid from '@/logPage/grid/LogGrid.vue'
import type { EngineListingRecord } from '@/engine'
import type { LogViewState } from '@/logKinds/viewState'
import { LOG_KIND_VIEWS } from '@/logKinds/views'
import { listingRecord, orderRecord } from '../fixtures/records'
import { mountWithLog } from './helpers'

function records(count: number): EngineListingRecord[] {
  const base = Date.parse('2026-11-20T12:00:00Z')
  return Array.from({ length: count }, (_, i) =>
    listingRecord({
      id: count - i,
      createDate: new Date(base - i * 1000).toISOString(),
      type: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      initiator: 2,
      description: i % 3 === 0 ? 'Item was Revised.' : `QTY was revised from ${i} to ${i - 1}.`,
      accountId: 1,
      shopId: 1,
      listingId: 1,
      listingTitle: 'Summer Dresses 2026 — a listing title that is longer than fifty characters',
      // Two records per action run, on one of five products.
      productId: 1000 + (Math.floor(i / 2) % 5),
      productTitle: `Maxi Dress ${Math.floor(i / 2) % 5}`,
      listingProductId: 5000 + (Math.floor(i / 2) % 5),
      action: 15,
      actionId: 100 + Math.floor(i / 2),
    }),
  )
}

async function mountGrid(count: number, state: Partial<LogViewState> = {}) {
  const mounted = await mountWithLog(LogGrid, {
    kind: 'listing',
    records: records(count),
    state: { unique: false, ...state },
    props: (store) => ({ columns: LOG_KIND_VIEWS[store.kind].columns, label: 'Listing log' }),
  })
  await flushPromises()
  return mounted
}

describe('LogGrid', () => {
  it('exposes a grid with column headers and rows carrying their record id and count', async () => {
    const { wrapper, store } = await mountGrid(30, { unique: true })
    const grid = wrapper.get('[data-testid="log-grid"]')
    expect(grid.attributes('role')).toBe('grid')
    expect(grid.findAll('[role="columnheader"]').map((c) => c.text().replace(/[▲▼↕]/g, '').trim())).toEqual([
      'Creation Date',
      'Action',
      'Listing',
      'Magento Product',
      'Message',
      'Run Mode',
      'Type',
    ])
    expect(grid.get('[role="columnheader"]').attributes('aria-sort')).toBe('descending')
    const rows = grid.findAll('[data-testid="log-row"]')
    expect(rows[0]!.attributes('data-id')).toBe('30')
    // Every 3rd record says "Item was Revised.", twice per product: 10 records in 5 rows of 2.
    expect(store.result.shown).toBe(25)
    const revised = rows.filter((r) => r.text().includes('Item was Revised.'))
    expect(revised.length).toBeGreaterThanOrEqual(3)
    for (const row of revised) expect(row.attributes('data-count')).toBe('2')
    expect(revised[0]!.text()).toContain('(2)')
  })

  it('gives every row of the separated view (nothing collapsed) a count of 1, filtered or not', async () => {
    for (const filter of [{}, { q: 'Revised' }]) {
      const { wrapper, store } = await mountGrid(30, filter)
      const rows = wrapper.findAll('[data-testid="log-row"]')
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(row.attributes('data-count')).toBe('1')
      for (const row of Array.from({ length: store.result.shown }, (_, i) => store.rowAt(i)!)) expect(row.count).toBe(1)
      expect(wrapper.text()).not.toMatch(/\(\d+\)/)
      wrapper.unmount()
    }
  })

  it('cuts listing titles at 50 characters and links them to the narrowed listing log', async () => {
    const { wrapper } = await mountGrid(3)
    const link = wrapper.get('[data-testid="listing-link"]')
    expect(link.text()).toBe('Summer Dresses 2026 — a listing title that is long…')
    expect(link.attributes('href')).toBe('/listings/logs?listingId=1')
    expect(wrapper.text()).toContain('ID: 1')
  })

  it('renders only the rows in view, even past the browser height limit (200,000 rows), and scrolls to the very last', async () => {
    const { wrapper } = await mountGrid(200_000)
    expect(wrapper.findAll('[data-testid="log-row"]').length).toBeLessThan(20)
    const grid = wrapper.get('[role="grid"]')
    // 200,000 rows of 56 px would be 11.2 million px: the scroll height stays within browser limits.
    const body = wrapper.get('.tts-grid__body').element as HTMLElement
    expect(parseInt(body.style.height)).toBeLessThanOrEqual(8_000_000)
    ;(grid.element as HTMLElement).scrollTop = parseInt(body.style.height) - 600
    await grid.trigger('scroll')
    const ids = wrapper.findAll('[data-testid="log-row"]').map((r) => r.attributes('data-id'))
    expect(ids).toContain('1')
  })

  it("moves through rows with the arrow keys and opens the active row's details with Enter", async () => {
    const { wrapper } = await mountGrid(50)
    const grid = wrapper.get('[role="grid"]')
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowDown' })
    expect(grid.attributes('aria-activedescendant')).toMatch(/-row-2$/)
    await grid.trigger('keydown', { key: 'End' })
    expect(grid.attributes('aria-activedescendant')).toMatch(/-row-49$/)
    await grid.trigger('keydown', { key: 'Enter' })
    expect(wrapper.findComponent(LogGrid).emitted('details')).toEqual([[49]])
    expect(wrapper.findComponent(LogGrid).emitted('open')).toBeUndefined()
  })

  it('lists the first messages of a grouped row with their type', async () => {
    const { wrapper } = await mountGrid(10, { view: 'grouped' })
    const first = wrapper.findAll('[data-testid="log-row"]')[0]!
    expect(first.attributes('data-count')).toBe('2')
    expect(first.findAll('.tts-grid__member')).toHaveLength(2)
  })

  it('marks the rows of one action run alike at their left edge, and the next run otherwise', async () => {
    const { wrapper } = await mountGrid(6)
    // Two records per run, newest first: runs 102, 102, 101, 101, 100, 100.
    const marks = wrapper
      .findAll('[data-testid="log-row"]')
      .map((row) => (row.element as HTMLElement).style.borderLeftColor)
    expect(marks).toHaveLength(6)
    expect(marks[0]).toBe(marks[1])
    expect(marks[2]).toBe(marks[3])
    expect(marks[1]).not.toBe(marks[2])
    expect(marks).not.toContain('transparent')
  })

  it('marks no run on the order log, whose records belong to none', async () => {
    const mounted = await mountWithLog(LogGrid, {
      kind: 'order',
      records: [orderRecord()],
      state: { unique: false },
      props: (store) => ({ columns: LOG_KIND_VIEWS[store.kind].columns, label: 'Order log' }),
    })
    await flushPromises()
    const row = mounted.wrapper.get('[data-testid="log-row"]')
    expect((row.element as HTMLElement).style.borderLeftColor).toBe('transparent')
  })
})
