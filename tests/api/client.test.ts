// @vitest-environment node
import type { IncomingMessage } from 'node:http'
import { createServer } from 'node:net'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient, type ApiClientOptions } from '@/api/client'
import { useAppConfigStore } from '@/stores/appConfig'
import type { Fault } from '../../server/api.ts'
import { listingRecord, withoutId } from '../fixtures/records'
import { apiFailure, injectFaults, requestArrives, startTestServer, type TestServer } from './testServer.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ listing: 2500, order: 300, synchronization: 120 }, { testMode: true })
})
afterAll(() => server.stop())
afterEach(() => fetch(`${server.apiUrl}/__test/faults`, { method: 'DELETE' }))

const client = (options: Partial<ApiClientOptions> = {}) =>
  createApiClient({ baseUrl: server.apiUrl, retryDelayMs: 10, ...options })

const inject = (...faults: Partial<Fault>[]) => injectFaults(server, ...faults)

const failure = apiFailure

const validRecord = {
  id: 1,
  createDate: '2026-11-01T10:00:00Z',
  type: 3,
  initiator: 2,
  description: 'Price was changed on TikTok Shop.',
  task: 2,
  detailedDescription: null,
  operationHistoryId: 7,
}

describe('the API client against the preview backend', () => {
  it('reads the accounts and shops', async () => {
    const meta = await client().getMeta()
    expect(meta.accounts.map((a) => a.title)).toEqual(['Fashion Hub Europe', 'Gadget Corner'])
  })

  it('loads in the compact columns format the same records as the rows format, gzipped', async () => {
    const api = client()
    const rows = await api.getLogPage('listing', { limit: 700 })
    const page = await api.getLogBatch('listing', { limit: 700 })
    const batch = page.read()
    expect(batch.columns).not.toBeNull()
    expect(batch.items).toBeNull()
    expect(batch.accepted).toBe(700)
    expect(page.nextCursor).toBe(rows.nextCursor)
    expect(page.totalEstimate).toBe(2500)
    const records = Array.from({ length: batch.columns!.count }, (_, k) => {
      const target: Record<string, unknown> = {}
      batch.columns!.fill(k, target)
      return { ...target, createDate: new Date(target.createDate as number).toISOString() }
    })
    expect(records).toEqual(rows.items.map((r) => ({ ...r, createDate: new Date(r.createDate).toISOString() })))
    // What travels: a tenth or less of the rows format's JSON.
    const compressed = await fetch(`${server.apiUrl}/logs/listing?limit=2500&format=columns`, {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(compressed.headers.get('content-encoding')).toBe('gzip')
    const plain = await (
      await fetch(`${server.apiUrl}/logs/listing?limit=2500`, { headers: { 'Accept-Encoding': 'identity' } })
    ).text()
    expect(Number(compressed.headers.get('content-length'))).toBeLessThan(plain.length / 10)
  })

  it('falls back to rows for good when the server ignores or refuses format=columns', async () => {
    const api = client()
    await inject({ path: '/logs/synchronization', rawBody: JSON.stringify({ items: [validRecord], nextCursor: null }) })
    const ignored = (await api.getLogBatch('synchronization')).read()
    expect(ignored.columns).toBeNull()
    expect(ignored.items).toEqual([validRecord])
    // From now on this client asks in rows.
    const next = (await api.getLogBatch('synchronization', { limit: 5 })).read()
    expect(next.columns).toBeNull()
    expect(next.items).toHaveLength(5)

    const strict = client()
    await inject({
      path: '/logs/order',
      query: 'format=columns',
      status: 400,
      rawBody: JSON.stringify({ error: 'Invalid query', details: [{ field: 'format', message: 'unknown field' }] }),
    })
    const refused = (await strict.getLogBatch('order', { limit: 4 })).read()
    expect(refused.columns).toBeNull()
    expect(refused.items).toHaveLength(4)
  })

  it('explains a columns page in the wrong shape, and keeps the good records of a page with bad cells', async () => {
    const encoded = { format: 'columns', count: 2, nextCursor: null, columns: { id: { delta: [5, -1] } } }
    await inject({ path: '/logs/order', rawBody: JSON.stringify(encoded) })
    const error = await failure(
      client()
        .getLogBatch('order')
        .then((p) => p.read()),
    )
    expect(error.kind).toBe('bad-response')
    expect(error.message).toBe(
      'The server sent a page of log records in an unexpected shape (column createDate is missing).',
    )

    const good = await (await fetch(`${server.apiUrl}/logs/order?limit=3&format=columns`)).json()
    // A code a newer M2E writes is a record to show; one outside 0-65535 is not a code.
    good.columns.type.values[1] = 65_536
    good.columns.type.values[2] = 9
    await inject({ path: '/logs/order', rawBody: JSON.stringify(good) })
    const batch = (await client().getLogBatch('order')).read()
    expect(batch.accepted).toBe(2)
    expect(batch.rejectedCount).toBe(1)
    expect(batch.rejected[0]).toMatchObject({ index: 1, reasons: ['type: 65536 is not allowed'] })
  })

  it("keeps a real store's records whole: codes of a newer M2E, a deleted account, long, cut, empty descriptions, a date ahead", async () => {
    // Every field of the log (a whole record from the fixture), dated a day ahead.
    const base = withoutId(
      listingRecord({
        createDate: new Date(Date.now() + 86_400_000).toISOString(),
        type: 3,
        initiator: 2,
        accountId: 1,
        shopId: 1,
        listingId: 1,
        listingTitle: 'Summer Dresses 2026',
        action: 4,
        actionId: 880_001,
      }),
    )
    const items = [
      { ...base, action: 97, description: 'Newer action.' },
      { ...base, initiator: 7, description: 'Newer run mode.' },
      { ...base, type: 5, description: 'Newer type.' },
      { ...base, accountId: 999, shopId: 0, description: 'An account since deleted.' },
      { ...base, description: 'x'.repeat(60_000) },
      { ...base, description: '{"string":"Item %title% was not listed: %reason%","params":{"title":"Dre' },
      { ...base, description: '' },
    ]
    const posted = await fetch(`${server.apiUrl}/logs/listing`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ items }),
    })
    expect(posted.status).toBe(201)
    const ids = ((await posted.json()) as { ids: number[] }).ids
    // Both formats: every one accepted, as stored.
    const rows = await client().getLogPage('listing', { limit: 50 })
    const batch = (await client().getLogBatch('listing', { limit: 50 })).read()
    expect(rows.rejectedCount).toBe(0)
    expect(batch.rejectedCount).toBe(0)
    const byId = new Map(rows.items.map((r) => [r.id, r]))
    expect(ids.map((id) => byId.get(id))).toEqual(items.map((item, k) => ({ ...item, id: ids[k] })))
  })

  it('passes extra query params such as form_key', async () => {
    const page = await client({ params: { form_key: 'AbC123' } }).getLogPage('order', { limit: 3 })
    expect(page.items).toHaveLength(3)
  })

  it('keeps the valid records of a page and explains the rejected ones', async () => {
    await inject({
      path: '/logs/synchronization',
      rawBody: JSON.stringify({
        items: [
          validRecord,
          { ...validRecord, id: 2, type: -9 },
          { ...validRecord, id: 3, createDate: 'yesterday' },
          null,
          'x',
        ],
        nextCursor: null,
      }),
    })
    const page = await client().getLogPage('synchronization')
    expect(page.items).toEqual([validRecord])
    expect(page.rejectedCount).toBe(4)
    expect(page.rejected.map((r) => [r.index, r.id])).toEqual([
      [1, 2],
      [2, 3],
      [3, null],
      [4, null],
    ])
    expect(page.rejected[0]!.reasons.join()).toContain('type')
    expect(page.rejected[1]!.reasons.join()).toContain('createDate')
  })

  it('says so when the server sends a web page instead of JSON', async () => {
    await inject({ path: '/logs/order', rawBody: '<!doctype html><title>Magento</title><p>Please log in</p>' })
    const error = await failure(client().getLogPage('order'))
    expect(error.kind).toBe('bad-response')
    expect(error.message).toBe('The server sent a web page instead of a page of log records.')
  })

  it('rejects a page in the wrong shape', async () => {
    await inject({ path: '/meta', rawBody: JSON.stringify({ accounts: 'none' }) })
    expect((await failure(client().getMeta())).kind).toBe('bad-response')
  })

  it.each([401, 403])('turns %i into an unauthorised error, without retrying', async (status) => {
    await inject({ path: '/meta', status, times: 1 })
    const error = await failure(client().getMeta())
    expect(error.kind).toBe('unauthorised')
    expect(error.status).toBe(status)
  })

  it('retries a 5xx with backoff and succeeds when the server recovers', async () => {
    await inject({ path: '/meta', status: 503, times: 3 })
    const meta = await client({ retries: 3 }).getMeta()
    expect(meta.accounts).toHaveLength(2)
  })

  it("the app's own client backs off 500 ms, then 1 s, before its retries (the store tests shorten it)", async () => {
    setActivePinia(createPinia())
    useAppConfigStore().configure({ apiBaseUrl: server.apiUrl })
    const appClient = useAppConfigStore().client
    await inject({ path: '/meta', status: 503, times: 2 })
    // Timed where they arrive: at the server.
    const arrivals: number[] = []
    const listener = (req: IncomingMessage) => {
      if (req.url?.includes('/meta')) arrivals.push(performance.now())
    }
    server.server.on('request', listener)
    try {
      expect((await appClient.getMeta()).accounts).toHaveLength(2)
    } finally {
      server.server.off('request', listener)
    }
    expect(arrivals).toHaveLength(3)
    // Lower bounds only: a slow machine waits longer, never shorter.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(500)
    expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(1000)
  })

  it('gives up after 3 retries with a server error', async () => {
    await inject({ path: '/meta', status: 500, times: 4 })
    const error = await failure(client({ retries: 3 }).getMeta())
    expect(error.kind).toBe('server')
    expect(error.message).toContain('HTTP 500')
  })

  it('reports a timeout', async () => {
    await inject({ path: '/meta', delayMs: 400, times: 1 })
    const error = await failure(client({ timeoutMs: 100, retries: 0 }).getMeta())
    expect(error.kind).toBe('timeout')
  })

  it('reports a connection reset as offline', async () => {
    await inject({ path: '/meta', reset: true, times: 1 })
    expect((await failure(client({ retries: 0 }).getMeta())).kind).toBe('offline')
  })

  it('reports an unreachable server as offline', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address() as { port: number }
        probe.close(() => resolve(address.port))
      })
    })
    const error = await failure(createApiClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, retries: 0 }).getMeta())
    expect(error.kind).toBe('offline')
  })

  it("reports a refused request with the server's reason", async () => {
    const error = await failure(client().getLogPage('listing', { limit: 20_000 }))
    expect(error.kind).toBe('bad-request')
    expect(error.details[0]!.field).toBe('limit')
  })

  it('stops a request when aborted', async () => {
    const controller = new AbortController()
    await inject({ path: '/logs/listing', delayMs: 500 })
    // Aborted once the server holds the request (its answer 500 ms away): mid-flight on any machine.
    void requestArrives(server, (url) => url.startsWith('/api/v1/logs/listing')).then(() => controller.abort())
    const request = client().getLogBatch('listing', { limit: 500 }, controller.signal)
    expect((await failure(request)).kind).toBe('aborted')
  })

  it('clears a log and saves settings', async () => {
    const api = client()
    const posted = await fetch(`${server.apiUrl}/logs/synchronization`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ items: [{ ...validRecord, id: undefined }] }),
    })
    expect(posted.status).toBe(201)
    expect(await api.clearLog('synchronization')).toBe(121)
    const settings = await api.getLogsClearing()
    const saved = await api.putLogsClearing({ ...settings, order: { enabled: true, keepDays: 45 } })
    expect(saved.order.keepDays).toBe(45)
    const refused = await failure(api.putLogsClearing({ ...settings, order: { enabled: true, keepDays: 5 } }))
    expect(refused.kind).toBe('bad-request')
    expect(refused.details[0]!.field).toBe('order.keepDays')
  })
})
