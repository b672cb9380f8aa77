// @vitest-environment node
/**
 * The streamed load (`format=columns-stream`) against the real preview server and its fault
 * injection: one request for a whole log, and what happens when the stream is cut, broken, slow,
 * refused or not there at all.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Fault } from '../../server/api.ts'
import { createApiClient } from '@/api/client'
import { ApiError } from '@/api/errors'
import { useAppConfigStore } from '@/stores/appConfig'
import { useListingLogStore } from '@/stores/logStore'
import { STORES, injectFaults, startTestServer, type TestServer } from './testServer.ts'

/** 1,000 in the first line, then 5,000 a line: six lines. */
const RECORDS = 25_000
let server: TestServer
/** Every listing record id, newest first, as the rows format pages them. */
let allIds: number[]

const inject = (...faults: Partial<Fault>[]) => injectFaults(server, ...faults)

/** Log requests the client sends with fetch (watched, not replaced). */
function watchStreamRequests() {
  const urls: string[] = []
  const real = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    if (String(input).includes('/logs/')) urls.push(String(input))
    return real(input, init)
  })
  return urls
}

/** Ids held by the store, with nothing filtered or collapsed. */
function heldIds(store: ReturnType<typeof useListingLogStore>) {
  store.setViewState({ ...store.viewState, unique: false })
  return Array.from(store.result.rows, (index) => store.entryAt(index).id)
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b)

describe.each(STORES)('the streamed load, %s store', (store) => {
  beforeAll(async () => {
    server = await startTestServer({ listing: RECORDS, order: 10, synchronization: 10 }, { testMode: true, store })
    allIds = []
    let cursor: string | null = null
    do {
      const params = new URLSearchParams({ limit: '10000', ...(cursor && { cursor }) })
      const page = (await (await fetch(`${server.apiUrl}/logs/listing?${params}`)).json()) as {
        items: { id: number }[]
        nextCursor: string | null
      }
      allIds.push(...page.items.map((r) => r.id))
      cursor = page.nextCursor
    } while (cursor)
  })
  afterAll(() => server.stop())
  afterEach(async () => {
    vi.restoreAllMocks()
    await fetch(`${server.apiUrl}/__test/faults`, { method: 'DELETE' })
  })
  beforeEach(() => {
    setActivePinia(createPinia())
    // Retries back off from 20 ms, not the app's 500: the same retries, sooner (client.test.ts
    // holds the app's own delay).
    useAppConfigStore().configure({ apiBaseUrl: server.apiUrl, retryDelayMs: 20 })
  })

  it('brings a whole log in one request, every record once', async () => {
    const requests = watchStreamRequests()
    const store = useListingLogStore()
    await store.load()
    expect(store.status).toBe('complete')
    expect(requests).toHaveLength(1)
    expect(requests[0]).toContain('format=columns-stream')
    expect(store.totalEstimate).toBe(RECORDS)
    expect(store.loaded).toBe(RECORDS)
    expect(sorted(heldIds(store))).toEqual(sorted(allIds))
  })

  it('resumes a stream cut mid-line from the last whole line: no record twice, none missing', async () => {
    const requests = watchStreamRequests()
    // The first response is cut half way through its second line; the first resume is cut half
    // way through its first.
    await inject(
      { path: '/logs/listing', dropAfterChunks: 1, times: 1 },
      { path: '/logs/listing', query: 'cursor=', dropAfterChunks: 0, times: 1 },
    )
    const store = useListingLogStore()
    await store.load()
    expect(store.status).toBe('complete')
    expect(store.error).toBeNull()
    expect(requests).toHaveLength(3)
    // Both resumes start after the first line's last record: its cursor.
    const cursors = requests.map((url) => new URL(url).searchParams.get('cursor'))
    expect(cursors[0]).toBeNull()
    expect(cursors[1]).not.toBeNull()
    expect(cursors[2]).toBe(cursors[1])
    const ids = heldIds(store)
    expect(new Set(ids).size).toBe(ids.length)
    expect(sorted(ids)).toEqual(sorted(allIds))
    expect(store.loaded).toBe(RECORDS)
    expect(store.rejectedCount).toBe(0)
  })

  it('a long load survives more cuts than the retries, as long as each cut comes after a line arrived', async () => {
    const requests = watchStreamRequests()
    // Four cuts (the client retries 3 times in a row): each response brings one whole line first,
    // so no two failures are in a row, and the load goes on to its end.
    await inject({ path: '/logs/listing', dropAfterChunks: 1, times: 4 })
    const store = useListingLogStore()
    await store.load()
    expect(store.error).toBeNull()
    expect(store.status).toBe('complete')
    expect(requests).toHaveLength(5)
    const ids = heldIds(store)
    expect(new Set(ids).size).toBe(ids.length)
    expect(sorted(ids)).toEqual(sorted(allIds))
  })

  it('a stream cut after its last records, before its end line, is complete: nothing twice', async () => {
    const requests = watchStreamRequests()
    // Six lines of records, then the end line is cut half way.
    await inject({ path: '/logs/listing', dropAfterChunks: 6, times: 1 })
    const store = useListingLogStore()
    await store.load()
    expect(store.status).toBe('complete')
    expect(requests).toHaveLength(1)
    const ids = heldIds(store)
    expect(new Set(ids).size).toBe(ids.length)
    expect(sorted(ids)).toEqual(sorted(allIds))
  })

  it('a malformed line rejects only its own records, which are counted and explained', async () => {
    // Line 2 holds the 6,001st to the 11,000th newest records.
    await inject({ path: '/logs/listing', malformedChunk: 2 })
    const store = useListingLogStore()
    await store.load()
    expect(store.status).toBe('complete')
    expect(store.rejectedCount).toBe(5_000)
    expect(store.rejected).toHaveLength(1)
    expect(store.rejected[0]!.reasons.join()).toMatch(/not valid JSON.*5000 records/)
    const lost = new Set(allIds.slice(6_000, 11_000))
    expect(sorted(heldIds(store))).toEqual(sorted(allIds.filter((id) => !lost.has(id))))
    expect(store.loaded).toBe(RECORDS - 5_000)
  })

  it('a 500 is retried with backoff, then the error and Retry, which finishes the load', async () => {
    const requests = watchStreamRequests()
    await inject({ path: '/logs/listing', status: 500, times: 4 })
    const store = useListingLogStore()
    await store.load()
    expect(store.status).toBe('error')
    expect(store.error?.kind).toBe('server')
    expect(requests).toHaveLength(4)
    await store.retry()
    expect(store.status).toBe('complete')
    expect(sorted(heldIds(store))).toEqual(sorted(allIds))
  })

  it('a server that stops answering times out: the attempts are retried, then a timeout error', async () => {
    const client = createApiClient({ baseUrl: server.apiUrl, timeoutMs: 300, retries: 1, retryDelayMs: 10 })
    await inject({ path: '/logs/listing', query: 'format=columns-stream', delayMs: 3000, times: 2 })
    const batches: unknown[] = []
    const failure = (async () => {
      for await (const batch of client.readLog('listing', { limit: 1000 }, new AbortController().signal))
        batches.push(batch)
    })()
    await expect(failure).rejects.toSatisfy((error) => error instanceof ApiError && error.kind === 'timeout')
    expect(batches).toHaveLength(0)
  })

  it('a server that refuses the streamed format: the paged load, every record once', async () => {
    await inject({ path: '/logs/listing', query: 'format=columns-stream', status: 400, times: 1 })
    const store = useListingLogStore()
    await store.load()
    expect(store.status).toBe('complete')
    expect(useAppConfigStore().client.streams).toBe(false)
    const ids = heldIds(store)
    expect(new Set(ids).size).toBe(ids.length)
    expect(sorted(ids)).toEqual(sorted(allIds))
  })

  it('a server that ignores the format and answers a page: the paged load, every record once', async () => {
    // What an old server sends for any format it does not know: the first page of rows.
    const page = await (await fetch(`${server.apiUrl}/logs/listing?limit=1000`)).text()
    await inject({ path: '/logs/listing', query: 'format=columns-stream', rawBody: page, times: 1 })
    const store = useListingLogStore()
    await store.load()
    expect(store.status).toBe('complete')
    expect(useAppConfigStore().client.streams).toBe(false)
    const ids = heldIds(store)
    expect(new Set(ids).size).toBe(ids.length)
    expect(sorted(ids)).toEqual(sorted(allIds))
  })
})
