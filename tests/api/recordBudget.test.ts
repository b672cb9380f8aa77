// @vitest-environment node
/**
 * The record budget (`maxRecords`) in the log store against the real preview server: where the
 * load stops, what it says it holds, the `window` event, and a date range past the window.
 */
import { createPinia, setActivePinia } from 'pinia'
import type { IncomingMessage } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultViewState } from '@/logKinds/viewState'
import { useAppConfigStore, type AppEvent } from '@/stores/appConfig'
import { useListingLogStore } from '@/stores/logStore'
import { listingRecord, withoutId } from '../fixtures/records'
import { startTestServer, type TestServer } from './testServer.ts'

const RECORDS = 3000
let server: TestServer
/** Every listing record, newest first (create date, then id), as the API pages them. */
let all: { id: number; createDate: string }[] = []
let events: AppEvent[] = []

beforeAll(async () => {
  server = await startTestServer({ listing: RECORDS, order: 10, synchronization: 10 })
  const page = (await (await fetch(`${server.apiUrl}/logs/listing?limit=10000`)).json()) as { items: typeof all }
  all = page.items
})
afterAll(() => server.stop())

function storeWithBudget(maxRecords: number) {
  setActivePinia(createPinia())
  events = []
  useAppConfigStore().configure({ apiBaseUrl: server.apiUrl, maxRecords, onEvent: (event) => events.push(event) })
  return useListingLogStore()
}

/** Ids held, with nothing filtered or collapsed. */
function heldIds(store: ReturnType<typeof useListingLogStore>) {
  store.setViewState({ ...store.viewState, unique: false })
  return Array.from(store.result.rows, (index) => store.entryAt(index).id).sort((a, b) => a - b)
}

const newest = (n: number) =>
  all
    .slice(0, n)
    .map((r) => r.id)
    .sort((a, b) => a - b)

describe('the record budget', () => {
  beforeEach(() => (events = []))

  it('a log of exactly maxRecords loads whole: no window', async () => {
    const store = storeWithBudget(RECORDS)
    await store.loadView()
    expect(store.status).toBe('complete')
    expect(store.window).toBeNull()
    expect(heldIds(store)).toEqual(newest(RECORDS))
    expect(events.filter((e) => e.type === 'window')).toEqual([])
  })

  it('a larger log holds its newest maxRecords, cut inside a line, and tells the host once', async () => {
    const store = storeWithBudget(1234)
    await store.loadView()
    expect(store.status).toBe('complete')
    expect(heldIds(store)).toEqual(newest(1234))
    expect(store.window).toMatchObject({ held: 1234, total: RECORDS })
    expect(store.window!.from).toBe(Date.parse(all[1233]!.createDate))
    expect(store.logTotal).toBe(RECORDS)
    expect(events.filter((e) => e.type === 'window')).toEqual([
      expect.objectContaining({ view: 'listing', held: 1234, total: RECORDS, from: all[1233]!.createDate }),
    ])
  })

  it('a budget smaller than the first line holds that many', async () => {
    const store = storeWithBudget(250)
    await store.loadView()
    expect(heldIds(store)).toEqual(newest(250))
    expect(store.window?.held).toBe(250)
  })

  it('a date range before the window is loaded from the server; one inside it is filtered here', async () => {
    const store = storeWithBudget(1000)
    await store.loadView()
    const windowFrom = store.window!.from
    // Inside the window: no new load, the narrowing keeps no dates.
    const inside = { ...defaultViewState(), from: new Date(windowFrom + 1000).toISOString() }
    expect(store.narrowingFor(inside)).toEqual({})
    // Before it: the range goes to the server and its records are held.
    const from = all[2500]!.createDate
    const to = all[2000]!.createDate
    const before = { ...defaultViewState(), from, to }
    store.setViewState(before)
    await store.loadView(before)
    expect(store.narrowingFor(before)).toEqual({ from, to })
    const expected = all.filter((r) => r.createDate >= from && r.createDate <= to).map((r) => r.id)
    expect(heldIds(store)).toEqual(expected.sort((a, b) => a - b))
    expect(store.window).toBeNull()
  })

  it('coming back from a range before the window holds the window again without loading it, and asks only for what arrived since', async () => {
    const store = storeWithBudget(1000)
    await store.loadView()
    const window = store.window!
    const windowIds = heldIds(store)
    const from = all[2500]!.createDate
    const to = all[2000]!.createDate
    const before = { ...defaultViewState(), from, to }
    store.setViewState(before)
    await store.loadView(before)
    expect(store.window).toBeNull()
    // A record arrives while the range is looked at.
    const posted = await fetch(`${server.apiUrl}/logs/listing`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ items: [{ ...withoutId(listingRecord()), createDate: new Date().toISOString() }] }),
    })
    const [arrived] = ((await posted.json()) as { ids: number[] }).ids
    // Back to the whole log: the requests that leave are for newer records only (afterId).
    const asked: string[] = []
    const listener = (req: IncomingMessage) => asked.push(req.url ?? '')
    server.server.on('request', listener)
    const whole = { ...defaultViewState() }
    store.setViewState(whole)
    await store.loadView(whole)
    expect(store.status).toBe('complete')
    // The same window (its newest end and count follow what arrives).
    expect(store.window?.from).toBe(window.from)
    await vi.waitFor(() => expect(heldIds(store)).toEqual([...windowIds, arrived!].sort((a, b) => a - b)))
    server.server.off('request', listener)
    const logRequests = asked.filter((url) => url.startsWith('/api/v1/logs/listing?'))
    expect(logRequests.length).toBeGreaterThan(0)
    for (const url of logRequests) expect(url).toContain('afterId=')
  })
})
