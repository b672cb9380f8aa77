// @vitest-environment node
/**
 * The first requests the app's entry starts before the app has loaded (src/main.ts,
 * src/embed/index.ts), against the real preview server: the page's first load adopts them once
 * when they are its own requests, and a wrong or failed guess costs nothing but itself.
 */
import { createPinia, setActivePinia } from 'pinia'
import { SignJWT } from 'jose'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { RESOURCES } from '../../server/auth.ts'
import { startApiServer, type RunningApiServer } from '../../server/server.ts'
import type { FirstRequests } from '@/api/client'
import { narrowingOfQuery } from '@/app/firstRoute'
import { parseViewState } from '@/logKinds/views/parseViewState'
import { useAppConfigStore } from '@/stores/appConfig'
import { startFirstLoad } from '@/stores/loader/firstLoad'
import { useListingLogStore } from '@/stores/logStore'
import { injectFaults, startTestServer, type TestServer } from './testServer.ts'

const RECORDS = 8_000
let server: TestServer

interface Sent {
  url: string
  signal: AbortSignal | undefined
}

/** Every request sent with fetch (watched, not replaced), with its signal. */
function watchRequests() {
  const sent: Sent[] = []
  const real = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    sent.push({ url: String(input), signal: init?.signal ?? undefined })
    return real(input, init)
  })
  return sent
}
const reads = (sent: Sent[]) => sent.filter((request) => request.url.includes('format=columns-stream'))

/** A listing page's first load as the app runs it for a URL query (createLogsApp's first guard). */
async function firstLoad(query: Record<string, string>, firstRequests: FirstRequests | null, config = {}) {
  useAppConfigStore().configure({ apiBaseUrl: server.apiUrl, firstRequests, ...config })
  const store = useListingLogStore()
  await store.loadView(parseViewState('listing', query).state)
  firstRequests?.discard()
  return store
}

/** What the entry starts for a URL query. */
const guess = (query: Record<string, string>, options = {}) =>
  startFirstLoad(
    { baseUrl: server.apiUrl, ...options },
    'listing',
    narrowingOfQuery('listing', (key) => query[key]),
  )

beforeAll(async () => {
  server = await startTestServer({ listing: RECORDS, order: 10, synchronization: 10 }, { testMode: true })
})
afterAll(() => server.stop())
beforeEach(() => setActivePinia(createPinia()))
afterEach(async () => {
  vi.restoreAllMocks()
  await fetch(`${server.apiUrl}/__test/faults`, { method: 'DELETE' })
})

describe("the entry's first request", () => {
  it('is the first load’s own request: adopted, so the whole log comes in one request', async () => {
    const sent = watchRequests()
    const store = await firstLoad({}, guess({}))
    expect(store.status).toBe('complete')
    expect(store.loaded).toBe(RECORDS)
    expect(reads(sent)).toHaveLength(1)
    expect(reads(sent)[0]!.signal?.aborted).toBe(false)
  })

  it('is the same request for a narrowed page, which the page narrows the same way', async () => {
    const listingId = String((await (await fetch(`${server.apiUrl}/logs/listing?limit=1`)).json()).items[0].listingId)
    const query = { listingId, type: '4', q: 'x', unique: '0' }
    const sent = watchRequests()
    const store = await firstLoad(query, guess(query))
    expect(store.status).toBe('complete')
    expect(reads(sent)).toHaveLength(1)
    expect(new URL(reads(sent)[0]!.url).searchParams.get('listingId')).toBe(listingId)
  })

  it('is adopted once: a reload sends a request of its own', async () => {
    const sent = watchRequests()
    const store = await firstLoad({}, guess({}))
    await store.reload()
    expect(store.loaded).toBe(RECORDS)
    expect(reads(sent)).toHaveLength(2)
  })

  it('is not adopted for another URL: it is cancelled, and the page’s own request brings the log', async () => {
    const sent = watchRequests()
    const store = await firstLoad({}, guess({ listingId: '999999' }))
    expect(store.loaded).toBe(RECORDS)
    const [guessed, own] = reads(sent)
    expect(guessed!.url).toContain('listingId=999999')
    expect(guessed!.signal?.aborted).toBe(true)
    expect(own!.url).not.toContain('listingId')
    expect(own!.signal?.aborted).toBe(false)
  })

  it('is not adopted when the headers differ (the app was configured otherwise)', async () => {
    const sent = watchRequests()
    const store = await firstLoad({}, guess({}), { requestHeaders: { 'X-Admin': '7' } })
    expect(store.loaded).toBe(RECORDS)
    expect(reads(sent)).toHaveLength(2)
    expect(reads(sent)[0]!.signal?.aborted).toBe(true)
  })

  it('that failed is not adopted, nor counted as one of the page’s tries: the page sends its own', async () => {
    // The entry's read and the page's first three are cut without an answer: the page's fourth
    // (its third retry, the last it makes) brings the log only if the entry's was not counted.
    await injectFaults(server, { path: '/logs/listing', query: 'columns-stream', reset: true, times: 4 })
    const sent = watchRequests()
    const store = await firstLoad({}, guess({}))
    expect(store.error).toBeNull()
    expect(store.status).toBe('complete')
    expect(store.loaded).toBe(RECORDS)
    expect(reads(sent)).toHaveLength(5)
  })

  it('that nobody takes is cancelled by discard()', async () => {
    const sent = watchRequests()
    guess({}, {})!.discard()
    expect(reads(sent)).toHaveLength(1)
    expect(reads(sent)[0]!.signal?.aborted).toBe(true)
  })
})

describe("the entry's first requests with the host's token", () => {
  const SECRET = new TextEncoder().encode('a-secret-of-at-least-thirty-two-bytes-first')
  let authServer: RunningApiServer
  const base = () => `${authServer.url}/api/v1`
  const token = (scope: string[]) =>
    new SignJWT({ scope: scope.join(' ') })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin-7')
      .setAudience('tts-logs')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 300)
      .sign(SECRET)

  beforeAll(async () => {
    authServer = await startApiServer({
      dbFile: join(mkdtempSync(join(tmpdir(), 'tts-logs-first-')), 'test.sqlite'),
      seed: { listing: 2_000, order: 10, synchronization: 10 },
      authSecret: SECRET,
    })
  })
  afterAll(() => authServer.close())

  async function tokenLoad(scope: string[]) {
    const value = await token(scope)
    const getToken = vi.fn(() => value)
    const sent = watchRequests()
    const first = startFirstLoad({ baseUrl: base(), getToken }, 'listing', {})
    useAppConfigStore().configure({ apiBaseUrl: base(), getToken, firstRequests: first })
    const store = useListingLogStore()
    await store.loadView(parseViewState('listing', {}).state)
    first?.discard()
    return { store, sent, getToken }
  }

  it('asks the host once, and the page adopts meta and then the read', async () => {
    const { store, sent, getToken } = await tokenLoad(Object.values(RESOURCES))
    expect(store.loaded).toBe(2_000)
    expect(getToken).toHaveBeenCalledTimes(1)
    // Both sent once, by the entry, and adopted (what is not taken is cancelled at the end).
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/meta', '/api/v1/logs/listing'])
    expect(sent.map((request) => request.signal?.aborted)).toEqual([false, false])
  })

  it('asks for no log the token does not allow: meta only', async () => {
    const { store, sent } = await tokenLoad([RESOURCES.order])
    expect(store.noAccess).toBe(true)
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/meta'])
    expect(sent[0]!.signal?.aborted).toBe(false)
  })
})
