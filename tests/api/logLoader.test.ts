// @vitest-environment node
/**
 * The log store's loader against the real preview server: loads, narrowing changes, live refresh
 * and the races between them. Delays come from the server's fault injection; the live refresh
 * timer is faked, the network is not.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import type { Fault } from '../../server/api.ts'
import { useAppConfigStore } from '@/stores/appConfig'
import { useListingLogStore, useOrderLogStore } from '@/stores/logStore'
import { injectFaults, requestArrives, startTestServer, type TestServer } from './testServer.ts'

let server: TestServer
let nextActionId = 90_000_000

beforeAll(async () => {
  server = await startTestServer({ listing: 3000, order: 600, synchronization: 50 }, { testMode: true })
})
afterAll(() => server.stop())
afterEach(async () => {
  vi.useRealTimers()
  await fetch(`${server.apiUrl}/__test/faults`, { method: 'DELETE' })
})

beforeEach(() => {
  setActivePinia(createPinia())
  // Retries back off from 20 ms, not the app's 500: the same retries, sooner (client.test.ts
  // holds the app's own delay).
  useAppConfigStore().configure({ apiBaseUrl: server.apiUrl, retryDelayMs: 20 })
})

const inject = (...faults: Partial<Fault>[]) => injectFaults(server, ...faults)

/**
 * Resolves as soon as `condition` (of the store's state) holds: a watch, not a poll, so no
 * deadline but the test's own, and no timer (setInterval may be faked).
 */
function when(condition: () => boolean): Promise<void> {
  if (condition()) return Promise.resolve()
  return new Promise((resolve) => {
    const stop = watch(
      condition,
      (holds) => {
        if (!holds) return
        stop()
        resolve()
      },
      { flush: 'sync' },
    )
  })
}

/**
 * Resolves in the next task: every continuation of a promise that has settled (the code that
 * awaited it, however many awaits deep, short of more I/O) has run. An order of events, not a time.
 */
const afterContinuations = () => new Promise((resolve) => setImmediate(resolve))

/** A request URL's query parameter. */
const param = (url: string, key: string) => new URLSearchParams(url.split('?')[1]).get(key)

/** Every record of the log under a narrowing, as the API holds it. */
async function apiRecords(kind: string, narrowing: Record<string, number> = {}) {
  const records: { id: number; listingId?: number; orderId?: number }[] = []
  let cursor: string | null = null
  do {
    const params = new URLSearchParams({ limit: '10000', ...narrowing, ...(cursor && { cursor }) } as never)
    const page = (await (await fetch(`${server.apiUrl}/logs/${kind}?${params}`)).json()) as {
      items: typeof records
      nextCursor: string | null
    }
    records.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return records
}

/** Two listings that hold records. */
async function twoListings() {
  const all = await apiRecords('listing')
  const ids = [...new Set(all.map((r) => r.listingId!))]
  expect(ids.length).toBeGreaterThanOrEqual(2)
  return [ids[0]!, ids[1]!] as const
}

/** Adds a record to a listing's log, newer than every other; resolves to its id. */
async function postListingRecord(listingId: number, description: string): Promise<number> {
  const response = await fetch(`${server.apiUrl}/logs/listing`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      items: [
        {
          createDate: new Date(Date.now() + 86_400_000).toISOString(),
          type: 3,
          initiator: 2,
          description,
          accountId: 1,
          shopId: 1,
          listingId,
          listingTitle: `Listing ${listingId}`,
          productId: 1001,
          productTitle: 'Maxi Dress',
          listingProductId: 5001,
          action: 15,
          actionId: nextActionId++,
        },
      ],
    }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { ids: number[] }).ids[0]!
}

/** Ids of the records the store holds, as the grid would show them with no filter. */
function heldIds(store: ReturnType<typeof useListingLogStore>) {
  store.setViewState({ ...store.viewState, unique: false })
  return Array.from(store.result.rows, (index) => store.entryAt(index).id)
}

describe('the log loader', () => {
  it('loads a whole log over several pages, every record once', async () => {
    const store = useListingLogStore()
    await store.load()
    expect(store.status).toBe('complete')
    const expected = (await apiRecords('listing')).map((r) => r.id).sort((a, b) => a - b)
    // More than the first page (1,000 records): the rest of the pages came too.
    expect(expected.length).toBeGreaterThan(1000)
    expect(heldIds(store).sort((a, b) => a - b)).toEqual(expected)
  })

  it('times appending with one measure a line, which counts the records it put in', async () => {
    const measure = vi.spyOn(performance, 'measure')
    const store = useListingLogStore()
    await store.load()
    const appends = measure.mock.calls.filter(([name]) => name === 'tts-logs:append')
    measure.mockRestore()
    // The stream's two lines (a first of 1,000 records, then the other 2,000), each put in by
    // slices of 1,000: one measure a line, not one a slice (the bench sums their durations).
    expect(appends.map(([, options]) => (options as { detail: { records: number } }).detail.records)).toEqual([
      1000, 2000,
    ])
  })

  it('narrowing mid-load: the first listing never lands in the second listing’s log', async () => {
    const [first, second] = await twoListings()
    const store = useListingLogStore()
    // The first listing's first page is slow; the merchant narrows to the second meanwhile.
    await inject({ path: '/logs/listing', query: `listingId=${first}`, delayMs: 400 })
    const firstArrived = requestArrives(server, (url) => param(url, 'listingId') === String(first))
    const firstLoad = store.load({ listingId: first })
    await firstArrived
    const secondLoad = store.load({ listingId: second })
    await Promise.all([firstLoad, secondLoad])
    expect(store.status).toBe('complete')
    const expected = (await apiRecords('listing', { listingId: second })).map((r) => r.id).sort((a, b) => a - b)
    expect(heldIds(store).sort((a, b) => a - b)).toEqual(expected)
    expect(store.loaded).toBe(expected.length)
  })

  it('a load that failed half way, then a narrowing: the new listing loads from its newest record', async () => {
    const [, second] = await twoListings()
    const store = useListingLogStore()
    // The stream's first line (1,000 records) arrives, then the connection drops; every attempt
    // to resume from there fails too.
    await inject(
      { path: '/logs/listing', dropAfterChunks: 1, times: 1 },
      { path: '/logs/listing', query: 'cursor=', reset: true, times: 50 },
    )
    await store.load()
    expect(store.status).toBe('error')
    expect(store.size).toBe(1000)
    await fetch(`${server.apiUrl}/__test/faults`, { method: 'DELETE' })
    await store.load({ listingId: second })
    expect(store.status).toBe('complete')
    const expected = (await apiRecords('listing', { listingId: second })).map((r) => r.id).sort((a, b) => a - b)
    expect(heldIds(store).sort((a, b) => a - b)).toEqual(expected)
  })

  it('live refresh with a listing selected fetches only that listing’s new records', async () => {
    const [first, second] = await twoListings()
    const store = useListingLogStore()
    await store.load({ listingId: first })
    const before = store.size
    const mine = await postListingRecord(first, 'New for the selected listing.')
    await postListingRecord(second, 'New for another listing.')
    expect(await store.refreshNewer(false)).toBe(1)
    expect(store.size).toBe(before + 1)
    expect(heldIds(store)[0]).toBe(mine)
    expect(store.freshIds.has(mine)).toBe(true)
  })

  it('coming back to a log held whole asks for what arrived meanwhile before it counts as loaded', async () => {
    const [first, second] = await twoListings()
    const store = useListingLogStore()
    await store.load({ listingId: first })
    store.activate()
    const before = store.size
    // Away (the page is left through the menu), two records arrive, one behind the pill.
    store.livePaused = true
    const waiting = await postListingRecord(first, 'Arrived while reading further down.')
    expect(await store.refreshNewer(true)).toBe(1)
    store.abort()
    const arrived = [
      await postListingRecord(first, 'Arrived while away.'),
      await postListingRecord(first, 'Arrived while away, too.'),
    ]
    await postListingRecord(second, 'Another listing: not this log.')
    // Back: the log is loading until it has them, then whole again with all three, highlighted.
    const loading = store.load({ listingId: first })
    expect(store.status).toBe('loading')
    await loading
    expect(store.status).toBe('complete')
    expect(store.size).toBe(before + 3)
    expect(store.pending).toEqual([])
    expect(heldIds(store).slice(0, 3).sort()).toEqual([waiting, ...arrived].sort())
    for (const id of arrived) expect(store.freshIds.has(id)).toBe(true)
    // Loaded again without leaving: nothing more is asked for.
    const requests = vi.spyOn(useAppConfigStore().client, 'getLogBatch')
    await store.load({ listingId: first })
    expect(requests).not.toHaveBeenCalled()
  })

  it('leaving during the catch-up keeps the log whole, and the next visit catches up again', async () => {
    const [first] = await twoListings()
    const store = useListingLogStore()
    await store.load({ listingId: first })
    const before = store.size
    store.abort()
    const id = await postListingRecord(first, 'Arrived while away.')
    await inject({ path: '/logs/listing', query: 'afterId=', delayMs: 500 })
    const firstVisit = store.load({ listingId: first })
    store.abort()
    await firstVisit
    expect(store.status).toBe('complete')
    expect(store.size).toBe(before)
    await store.load({ listingId: first })
    expect(store.size).toBe(before + 1)
    expect(heldIds(store)[0]).toBe(id)
  })

  it('a load left half way resumes when the page comes back, then asks for what arrived at the top meanwhile', async () => {
    const store = useListingLogStore()
    const total = (await apiRecords('listing')).length
    // The stream's first line arrives, then the connection drops, and the resumed request is slow:
    // the merchant leaves while it waits.
    await inject(
      { path: '/logs/listing', dropAfterChunks: 1, times: 1 },
      { path: '/logs/listing', query: 'cursor=', delayMs: 800, times: 1 },
    )
    const resumed = requestArrives(server, (url) => param(url, 'cursor') !== null)
    const leaving = store.load()
    await resumed
    expect(store.size).toBeGreaterThan(0)
    store.abort()
    await leaving
    expect(store.status).toBe('idle')
    const [listingId] = await twoListings()
    const arrived = await postListingRecord(listingId, 'Arrived while the page was away.')
    await store.load()
    expect(store.status).toBe('complete')
    expect(store.size).toBe(total + 1)
    expect(heldIds(store)[0]).toBe(arrived)
  })

  it('waits as long as a busy server says (429), saying so, then loads the whole log', async () => {
    const store = useListingLogStore()
    const total = (await apiRecords('listing')).length
    await inject({ path: '/logs/listing', query: 'columns-stream', status: 429, times: 1 })
    const loading = store.load()
    // No Retry-After given: the client waits 2 s, and the status line can say so (a load that ends
    // without ever saying so fails below).
    await Promise.race([when(() => store.waitSeconds > 0), loading])
    expect(store.waitSeconds).toBe(2)
    expect(store.status).toBe('loading')
    await loading
    expect(store.status).toBe('complete')
    expect(store.waitSeconds).toBe(0)
    expect(store.size).toBe(total)
  })

  it('a catch-up left behind (away and back before it answered) does not end the next one', async () => {
    const [first] = await twoListings()
    const store = useListingLogStore()
    await store.load({ listingId: first })
    store.abort()
    await postListingRecord(first, 'Arrived while away.')
    await inject({ path: '/logs/listing', query: 'afterId=', delayMs: 300, times: 2 })
    const left = store.load({ listingId: first })
    store.abort()
    const back = store.load({ listingId: first })
    await left
    expect(store.status).toBe('loading')
    await back
    expect(store.status).toBe('complete')
  })

  it('narrowing to another listing drops the records held behind the "new records" pill', async () => {
    const [first, second] = await twoListings()
    const store = useListingLogStore()
    await store.load({ listingId: first })
    const held = await postListingRecord(first, 'Held behind the pill.')
    // The merchant reads further down: the new record waits.
    expect(await store.refreshNewer(true)).toBe(1)
    expect(store.pending.map((r) => r.id)).toEqual([held])

    await store.load({ listingId: second })
    expect(store.pending).toEqual([])
    store.showNewer()
    expect(heldIds(store)).not.toContain(held)
    const expected = (await apiRecords('listing', { listingId: second })).length
    expect(store.size).toBe(expected)
  })

  it('a live refresh racing a narrowing change lands nowhere', async () => {
    const [first, second] = await twoListings()
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const store = useListingLogStore()
    await store.load({ listingId: first })
    store.activate()
    store.liveInterval = 10
    const stale = await postListingRecord(first, 'Arrives after the merchant moved on.')
    // The refresh's answer is slow; the merchant narrows to another listing meanwhile.
    await inject({ path: '/logs/listing', query: 'afterId=', delayMs: 300 })
    const refreshArrived = requestArrives(server, (url) => param(url, 'afterId') !== null)
    const refreshes = vi.spyOn(useAppConfigStore().client, 'getLogBatch')
    vi.advanceTimersByTime(10_000)
    expect(refreshes).toHaveBeenCalledTimes(1)
    await refreshArrived
    await store.load({ listingId: second })
    // The refresh's request has ended (answered, or cancelled), and what the refresh did with it is done.
    await (refreshes.mock.results[0]!.value as Promise<unknown>).catch(() => undefined)
    await afterContinuations()
    expect(heldIds(store)).not.toContain(stale)
    expect(store.pending).toEqual([])
    expect(store.size).toBe((await apiRecords('listing', { listingId: second })).length)
  })

  it('polls only while the page is shown, and shows a failed refresh instead of swallowing it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const store = useOrderLogStore()
    await store.load()
    store.activate()
    store.liveInterval = 10
    await inject({ path: '/logs/order', query: 'afterId=', status: 500, times: 10 })
    const requests = vi.spyOn(useAppConfigStore().client, 'getLogBatch')
    vi.advanceTimersByTime(10_000)
    expect(requests).toHaveBeenCalledTimes(1)
    // The refresh awaited this very promise: once it has failed (retries included), so has the refresh.
    await (requests.mock.results[0]!.value as Promise<unknown>).catch(() => undefined)
    await afterContinuations()
    expect(store.liveError?.kind).toBe('server')
    // Leaving the page stops polling: no request leaves any more.
    store.abort()
    requests.mockClear()
    vi.advanceTimersByTime(60_000)
    expect(requests).not.toHaveBeenCalled()
    // A load with no page shown (coming back, before the page is shown) asks once for what
    // arrived meanwhile, and does not poll.
    await store.load()
    expect(requests).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(30_000)
    expect(requests).toHaveBeenCalledTimes(1)
    // Back on the page, it polls again.
    store.activate()
    vi.advanceTimersByTime(10_000)
    expect(requests).toHaveBeenCalledTimes(2)
  })

  it('tells the host of a run of failed refreshes once, not at every tick', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const events: string[] = []
    useAppConfigStore().configure({ onEvent: (event) => events.push(event.type) })
    const store = useOrderLogStore()
    await store.load()
    store.activate()
    store.liveInterval = 10
    await inject({ path: '/logs/order', query: 'afterId=', status: 500, times: 100 })
    const requests = vi.spyOn(useAppConfigStore().client, 'getLogBatch')
    for (let tick = 1; tick <= 3; tick++) {
      // Each tick asks at once (one that found the last refresh still under way would not).
      vi.advanceTimersByTime(10_000)
      expect(requests).toHaveBeenCalledTimes(tick)
      // Failed, retries included; then the refresh that awaited it has handled it and ended.
      await (requests.mock.results[tick - 1]!.value as Promise<unknown>).catch(() => undefined)
      await afterContinuations()
    }
    expect(requests).toHaveBeenCalledTimes(3)
    expect(store.liveError?.kind).toBe('server')
    expect(events).toEqual(['error'])
  })
})
