// @vitest-environment node
/**
 * The Magento admin refuses a request without the session's `form_key`. The preview backend,
 * given a form key, does the same; here every method of the client must get through with
 * `params: { form_key }`, and fail with a clear ApiError without it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient, type ApiClient } from '@/api/client'
import type { LogsClearingSettings } from '@/api/schemas'
import type { Fault } from '../../server/api.ts'
import { apiFailure, injectFaults, startTestServer, type TestServer } from './testServer.ts'

const FORM_KEY = 'Kx8pQ2vR7mZ1aB4c'
let server: TestServer

beforeAll(async () => {
  server = await startTestServer(
    { listing: 2500, order: 300, synchronization: 120 },
    { testMode: true, formKey: FORM_KEY },
  )
})
afterAll(() => server.stop())
afterEach(() => fetch(`${server.apiUrl}/__test/faults?form_key=${FORM_KEY}`, { method: 'DELETE' }))

const withKey = () => createApiClient({ baseUrl: server.apiUrl, params: { form_key: FORM_KEY }, retryDelayMs: 10 })

const inject = (...faults: Partial<Fault>[]) => injectFaults(server, ...faults)

const failure = apiFailure

const settings: LogsClearingSettings = {
  listing: { enabled: true, keepDays: 45 },
  order: { enabled: false, keepDays: 90 },
  synchronization: { enabled: true, keepDays: 14 },
}

/** One call of every method of the client that asks the server; a new method needs a line here. */
const CALLS: Record<Exclude<keyof ApiClient, 'streams' | 'release'>, (client: ApiClient) => Promise<unknown>> = {
  getMeta: (client) => client.getMeta(),
  getLogPage: (client) => client.getLogPage('order', { limit: 5 }),
  getSummary: (client) => client.getSummary('listing', { listingId: 4 }),
  getLogBatch: async (client) => (await client.getLogBatch('listing', { limit: 5 })).read(),
  readLog: async (client) => {
    const read = []
    for await (const batch of client.readLog('order', { limit: 5 }, new AbortController().signal))
      read.push(batch.read())
    return read
  },
  clearLog: (client) => client.clearLog('synchronization'),
  getLogsClearing: (client) => client.getLogsClearing(),
  putLogsClearing: (client) => client.putLogsClearing(settings),
}

describe('a preview backend that requires form_key', () => {
  it('refuses a request without it, or with another one, with 403 and an error naming form_key', async () => {
    for (const query of ['', '?form_key=wrong', `?form_key=${FORM_KEY}&form_key=${FORM_KEY}`]) {
      const response = await fetch(`${server.apiUrl}/meta${query}`)
      expect(response.status, query).toBe(403)
      const body = (await response.json()) as { error: string; details: { field: string; message: string }[] }
      expect(body.error).toMatch(/form key/i)
      expect(body.details.map((d) => d.field)).toEqual(['form_key'])
    }
    for (const [method, path] of [
      ['GET', '/logs/listing?limit=1'],
      ['POST', '/logs/synchronization'],
      ['DELETE', '/logs/listing'],
      ['PUT', '/settings/logs-clearing'],
    ] as const) {
      const response = await fetch(`${server.apiUrl}${path}`, { method })
      expect(response.status, `${method} ${path}`).toBe(403)
    }
    expect((await fetch(`${server.apiUrl}/meta?form_key=${FORM_KEY}`)).status).toBe(200)
    // Nothing was cleared by the refused DELETE.
    const listing = await fetch(`${server.apiUrl}/logs/listing?limit=1&form_key=${FORM_KEY}`)
    expect(((await listing.json()) as { totalEstimate: number }).totalEstimate).toBe(2500)
  })

  it('serves every method of a client created with params: { form_key }', async () => {
    const client = withKey()
    const meta = await client.getMeta()
    expect(meta.accounts.length).toBeGreaterThan(0)

    const rows = await client.getLogPage('order', { limit: 5 })
    expect(rows.items).toHaveLength(5)

    const columns = await client.getLogBatch('listing', { limit: 700 })
    const batch = columns.read()
    expect(batch.columns).not.toBeNull()
    expect(batch.accepted).toBe(700)
    const next = (await client.getLogBatch('listing', { limit: 10_000, cursor: columns.nextCursor! })).read()
    expect(next.accepted).toBe(1800)

    expect(await client.clearLog('synchronization')).toBe(120)

    expect(await client.putLogsClearing(settings)).toEqual(settings)
    expect(await client.getLogsClearing()).toEqual(settings)
  })

  it('serves a whole-log load in rows too, when the server answers without the columns format', async () => {
    const client = withKey()
    // A server that ignores `format` sends rows: the client takes them and asks in rows from then on.
    const page = await (await fetch(`${server.apiUrl}/logs/order?limit=100&form_key=${FORM_KEY}`)).text()
    await inject({ path: '/logs/order', method: 'GET', rawBody: page })
    const first = await client.getLogBatch('order', { limit: 100 })
    expect(first.read().items).toHaveLength(100)
    const second = (await client.getLogBatch('order', { limit: 10_000, cursor: first.nextCursor! })).read()
    expect(second.columns).toBeNull()
    expect(second.items).toHaveLength(200)
  })

  it('asks fault injection (test mode) for it too', async () => {
    expect((await fetch(`${server.apiUrl}/__test/faults`, { method: 'DELETE' })).status).toBe(403)
    expect((await fetch(`${server.apiUrl}/__test/faults?form_key=${FORM_KEY}`, { method: 'DELETE' })).status).toBe(200)
  })

  it('refuses every method of a client without it, as an ApiError the page can explain', async () => {
    for (const params of [undefined, { form_key: 'stale-key' }]) {
      const client = createApiClient({ baseUrl: server.apiUrl, params, retryDelayMs: 10 })
      for (const [name, call] of Object.entries(CALLS)) {
        const error = await failure(call(client))
        expect([name, error.kind, error.status]).toEqual([name, 'unauthorised', 403])
      }
    }
    // ...and the same calls go through with it.
    for (const [name, call] of Object.entries(CALLS)) {
      await expect(call(withKey()), name).resolves.toBeDefined()
    }
  })
})
