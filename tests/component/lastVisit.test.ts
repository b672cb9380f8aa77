// @vitest-environment jsdom
/**
 * "New since I last looked" on the log page, with the real store and backend: the first visit
 * marks nothing; a later visit marks the message that first happened after the last one; an
 * unreadable stored visit is reported, marks nothing, and is kept aside.
 */
import type { VueWrapper } from '@vue/test-utils'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import LogPage from '@/logPage/LogPage.vue'
import { lastVisitKey, readLastVisit, writeLastVisit } from '@/logPage/newSince/lastVisit'
import { startTestServer, type TestServer } from '../api/testServer.ts'
import { mountWithApp, until } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ listing: 400, order: 50, synchronization: 20 }, { cors: '*', testMode: true })
})
afterAll(() => server.stop())
beforeEach(() => {
  localStorage.clear()
  document.body.innerHTML = ''
})

const KEY = lastVisitKey('', 'listing')

async function mountListing(path = '/listings/logs?unique=1') {
  const { wrapper, router } = await mountWithApp(LogPage, {
    props: { kind: 'listing' },
    path,
    config: { apiBaseUrl: server.apiUrl },
  })
  await until(() => wrapper.find('[data-complete="true"]').exists())
  return { wrapper, router }
}

const badges = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="message-new"]')

type Item = Record<string, unknown> & { id: number; createDate: string; description: string }

async function newest(): Promise<Item> {
  const response = await fetch(`${server.apiUrl}/logs/listing?limit=1`)
  return ((await response.json()) as { items: Item[] }).items[0]!
}

async function post(items: Record<string, unknown>[]) {
  const response = await fetch(`${server.apiUrl}/logs/listing`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items }),
  })
  expect(response.status).toBe(201)
}

describe('new since the last visit', () => {
  it('marks nothing on the first visit, and remembers the visit when the page is left', async () => {
    const before = Date.now()
    const { wrapper } = await mountListing()
    expect(badges(wrapper)).toHaveLength(0)
    expect(wrapper.find('[data-testid="new-filter"]').exists()).toBe(false)
    // Not on load: a reload to look again keeps the badges.
    expect(localStorage.getItem(KEY)).toBeNull()
    wrapper.unmount()
    const stored = JSON.parse(localStorage.getItem(KEY)!) as { visitedAt: string }
    expect(Date.parse(stored.visitedAt)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(stored.visitedAt)).toBeLessThanOrEqual(Date.now())
  })

  it('on the next visit marks the one message that first happened after the last, and new=1 shows it alone', async () => {
    const latest = await newest()
    const visit = Date.parse(latest.createDate) + 1000
    localStorage.setItem(KEY, JSON.stringify({ visitedAt: new Date(visit).toISOString() }))
    const after = (s: number) => new Date(visit + s * 1000).toISOString()
    // The newest record's fields, as a new record (the server gives it an id).
    const fields: Record<string, unknown> = { ...latest }
    delete fields.id
    await post([
      // A message new to this product: new.
      { ...fields, type: 4, createDate: after(60), description: 'Brand attribute is missing (issue 19 test).' },
      // The newest message again, after the visit: it happened before, so it is not new.
      { ...fields, createDate: after(30) },
    ])
    const { wrapper, router } = await mountListing()
    expect(badges(wrapper)).toHaveLength(1)
    const row = wrapper.get('[data-testid="log-row"]')
    expect(row.text()).toContain('Brand attribute is missing (issue 19 test).')
    expect(row.find('[data-testid="message-new"]').text()).toBe('New')
    const chip = wrapper.get('[data-testid="new-filter"]')
    expect(chip.attributes('data-count')).toBe('1')
    expect(chip.attributes('data-since')).toBe(new Date(visit).toISOString())

    await chip.trigger('click')
    await until(() => router.currentRoute.value.query.new === '1')
    const summary = wrapper.get('[data-testid="log-summary"]')
    expect(summary.attributes('data-shown')).toBe('1')
    // The chips follow: the one new record is an Error.
    expect(wrapper.get('[data-testid="type-count-4"]').attributes('data-count')).toBe('1')
    expect(wrapper.get('[data-testid="type-count-1"]').attributes('data-count')).toBe('0')
    wrapper.unmount()
  })

  it('reports a stored visit it cannot read, marks nothing, and keeps it aside when this visit is remembered', async () => {
    localStorage.setItem(KEY, '{"visitedAt": "last Tuesday"}')
    const { wrapper } = await mountListing('/listings/logs?new=1')
    expect(wrapper.get('[data-testid="last-visit-problem"]').text()).toContain(
      'The date of your last visit could not be read, so nothing is marked new.',
    )
    expect(badges(wrapper)).toHaveLength(0)
    expect(wrapper.get('[data-testid="log-summary"]').attributes('data-shown')).toBe('0')
    wrapper.unmount()
    expect(localStorage.getItem(`${KEY}:unreadable`)).toBe('{"visitedAt": "last Tuesday"}')
    const visitedAt = Date.parse((JSON.parse(localStorage.getItem(KEY)!) as { visitedAt: string }).visitedAt)
    expect(Math.abs(Date.now() - visitedAt)).toBeLessThan(60_000)
  })

  it('says so when the browser blocks storage, and marks nothing', async () => {
    const blocked = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    try {
      const { wrapper } = await mountListing()
      expect(wrapper.get('[data-testid="last-visit-problem"]').text()).toContain(
        'This browser does not allow remembering your last visit',
      )
      expect(badges(wrapper)).toHaveLength(0)
      wrapper.unmount()
    } finally {
      blocked.mockRestore()
    }
  })

  it('never moves the last visit back (a tab opened earlier counting its visit later)', () => {
    const later = Date.parse('2026-11-29T12:00:00Z')
    writeLastVisit('', 'listing', later)
    writeLastVisit('', 'listing', later - 3_600_000)
    expect(readLastVisit('', 'listing')).toEqual({ ok: true, since: later })
  })

  it('says it is the first visit when new=1 is asked for before any visit', async () => {
    const { wrapper } = await mountListing('/listings/logs?new=1')
    expect(wrapper.get('[data-testid="last-visit-first"]').text()).toBe(
      'This is your first visit to this log, so nothing is marked new yet.',
    )
    wrapper.unmount()
  })
})
