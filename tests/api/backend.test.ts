// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { RecordSchemas, type LogKindName } from '@/api/schemas'
import { applyRetention, writeSettings } from '../../server/db.ts'
import { STORES, startTestServer, type TestServer } from './testServer.ts'

/** The server the running describe block talks to. */
let server: TestServer

async function api(path: string, init?: RequestInit) {
  const response = await fetch(server.apiUrl + path, init)
  const body = (await response.json()) as Record<string, unknown>
  return { status: response.status, body }
}

async function getAll(kind: LogKindName, query = '', limit = 1000) {
  const items: Record<string, unknown>[] = []
  let cursor: string | null = null
  do {
    const sep = query ? '&' : ''
    const { status, body } = await api(
      `/logs/${kind}?${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    expect(status).toBe(200)
    items.push(...(body.items as Record<string, unknown>[]))
    cursor = body.nextCursor as string | null
  } while (cursor)
  return items
}

const newListingRecord = (overrides: Record<string, unknown> = {}) => ({
  createDate: new Date().toISOString(),
  type: 4,
  initiator: 1,
  description: 'Product was not Listed. Reason: test.',
  accountId: 1,
  shopId: 1,
  listingId: 1,
  listingTitle: 'Summer Dresses 2026',
  productId: 1001,
  productTitle: 'Test Dress',
  listingProductId: 5001,
  action: 13,
  actionId: 999_999,
  ...overrides,
})

/** The audit lines the server writes on stdout from now until `stop()` (the server runs in this process). */
function auditLines() {
  const seen: unknown[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    const text = String(chunk)
    if (text.startsWith('{"audit"')) seen.push(JSON.parse(text))
    return true
  })
  return {
    stop() {
      spy.mockRestore()
      return seen
    },
  }
}

describe.each(STORES)('the API contract, %s store', (store) => {
  beforeAll(async () => {
    server = await startTestServer(undefined, { store })
  })
  afterAll(() => server.stop())

  describe('GET /api/v1/meta', () => {
    it('lists the accounts with their shops', async () => {
      const { status, body } = await api('/meta')
      expect(status).toBe(200)
      const accounts = body.accounts as { id: number; shops: { id: number; name: string; region: string }[] }[]
      expect(accounts).toHaveLength(2)
      expect(accounts.flatMap((a) => a.shops)).toHaveLength(3)
      expect(accounts[0]!.shops[0]).toEqual({ id: 1, name: 'Fashion Hub UK', region: 'GB' })
    })
  })

  describe('GET /api/v1/logs/{kind}', () => {
    it.each(['listing', 'order', 'synchronization'] as const)(
      'returns valid %s records, newest first',
      async (kind) => {
        const { status, body } = await api(`/logs/${kind}?limit=250`)
        expect(status).toBe(200)
        const items = body.items as { id: number; createDate: string }[]
        expect(items).toHaveLength(250)
        for (const item of items) expect(RecordSchemas[kind].safeParse(item).success).toBe(true)
        for (let i = 1; i < items.length; i++) {
          const [newer, older] = [items[i - 1]!, items[i]!]
          expect(
            newer.createDate > older.createDate || (newer.createDate === older.createDate && newer.id > older.id),
          ).toBe(true)
        }
        expect(typeof body.nextCursor).toBe('string')
        expect(body.totalEstimate).toBeGreaterThan(0)
      },
    )

    it('defaults to 1000 records a page', async () => {
      const { body } = await api('/logs/listing')
      expect((body.items as unknown[]).length).toBe(1000)
    })

    it('walks every record exactly once across cursor pages, ending with a null cursor', async () => {
      const paged = await getAll('listing', '', 700)
      const whole = await getAll('listing', '', 10_000)
      expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id))
      expect(new Set(paged.map((r) => r.id)).size).toBe(3000)
    })

    it('sends the total count on the first page only', async () => {
      const first = await api('/logs/order?limit=10')
      expect(first.body.totalEstimate).toBe(800)
      const second = await api(`/logs/order?limit=10&cursor=${first.body.nextCursor as string}`)
      expect(second.body.totalEstimate).toBeNull()
    })

    it.each([
      ['accountId=2', (r: Record<string, unknown>) => r.accountId === 2],
      ['shopId=2', (r: Record<string, unknown>) => r.shopId === 2],
      ['listingId=4', (r: Record<string, unknown>) => r.listingId === 4],
      ['listingProductId=5001', (r: Record<string, unknown>) => r.listingProductId === 5001],
    ])('filters the listing log by %s', async (query, predicate) => {
      const all = await getAll('listing')
      const filtered = await getAll('listing', query, 250)
      expect(filtered.length).toBeGreaterThan(0)
      expect(filtered.map((r) => r.id)).toEqual(all.filter(predicate).map((r) => r.id))
    })

    it('filters the order log by orderId', async () => {
      const all = await getAll('order')
      const orderId = all[0]!.orderId as number
      const filtered = await getAll('order', `orderId=${orderId}`)
      expect(filtered.map((r) => r.id)).toEqual(all.filter((r) => r.orderId === orderId).map((r) => r.id))
    })

    it('filters by date range, both ends included', async () => {
      const all = await getAll('synchronization')
      const from = all[200]!.createDate as string
      const to = all[50]!.createDate as string
      const filtered = await getAll('synchronization', `from=${from}&to=${to}`)
      expect(filtered.map((r) => r.id)).toEqual(
        all.filter((r) => (r.createDate as string) >= from && (r.createDate as string) <= to).map((r) => r.id),
      )
    })

    it('returns only records newer than afterId', async () => {
      const all = await getAll('listing')
      const maxId = Math.max(...all.map((r) => r.id as number))
      expect((await api(`/logs/listing?afterId=${maxId}`)).body.items).toEqual([])
      const newer = await getAll('listing', `afterId=${maxId - 5}`)
      expect(newer.map((r) => r.id).sort()).toEqual([maxId - 4, maxId - 3, maxId - 2, maxId - 1, maxId].sort())
    })
  })

  describe('POST /api/v1/logs/{kind}', () => {
    if (store === 'mysql') {
      it("refuses to add records to M2E's tables with 403, saying so", async () => {
        const before = (await api('/logs/listing?limit=1')).body.totalEstimate
        const { status, body } = await api('/logs/listing', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ items: [newListingRecord()] }),
        })
        expect(status).toBe(403)
        expect(JSON.stringify(body.details)).toContain('never added')
        expect((await api('/logs/listing?limit=1')).body.totalEstimate).toBe(before)
      })
      return
    }

    it('stores new records and answers 201 with their ids', async () => {
      const { status, body } = await api('/logs/listing', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          items: [newListingRecord(), newListingRecord({ type: 2, description: 'Item was Listed.' })],
        }),
      })
      expect(status).toBe(201)
      const ids = body.ids as number[]
      expect(ids).toHaveLength(2)
      const newest = await api(`/logs/listing?afterId=${ids[0]! - 1}`)
      expect((newest.body.items as { id: number }[]).map((r) => r.id).sort()).toEqual(ids)
    })

    it('takes a record without its nullable fields as null (a writer from before a field was added), not without a required one', async () => {
      const { productId, productTitle, listingProductId, ...older } = newListingRecord({
        description: 'Written by an older writer.',
      })
      expect([productId, productTitle, listingProductId]).not.toContain(null)
      const posted = await api('/logs/listing', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ items: [older] }),
      })
      expect(posted.status).toBe(201)
      const id = (posted.body.ids as number[])[0]!
      const stored = (await api(`/logs/listing?afterId=${id - 1}`)).body.items as Record<string, unknown>[]
      expect(stored.find((record) => record.id === id)).toMatchObject({
        ...older,
        productId: null,
        productTitle: null,
        listingProductId: null,
      })
      const incomplete: Record<string, unknown> = newListingRecord()
      delete incomplete.listingTitle
      const refused = await api('/logs/listing', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ items: [incomplete] }),
      })
      expect(refused.status).toBe(400)
      expect((refused.body.details as { field: string }[])[0]!.field).toBe('items.0.listingTitle')
    })

    it('stores all or none: one invalid record rejects the whole batch', async () => {
      const before = (await api('/logs/listing?limit=1')).body.totalEstimate
      const { status, body } = await api('/logs/listing', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ items: [newListingRecord(), newListingRecord({ type: 70_000 })] }),
      })
      expect(status).toBe(400)
      expect((body.details as { field: string }[])[0]!.field).toBe('items.1.type')
      expect((await api('/logs/listing?limit=1')).body.totalEstimate).toBe(before)
    })
  })

  describe('DELETE /api/v1/logs/{kind} (Clear All)', () => {
    it('refuses to clear the order log with 405', async () => {
      const { status } = await api('/logs/order', { method: 'DELETE' })
      expect(status).toBe(405)
      expect((await api('/logs/order?limit=1')).body.totalEstimate).toBe(800)
    })

    it('clears the synchronization log only, answering the deleted count', async () => {
      const listingBefore = (await api('/logs/listing?limit=1')).body.totalEstimate
      const lines = auditLines()
      const { status, body } = await api('/logs/synchronization', { method: 'DELETE' })
      expect(status).toBe(200)
      expect(body.deleted).toBe(300)
      // One audit line on the server's stdout, with the log, the count and the time.
      expect(lines.stop()).toEqual([
        {
          audit: 'clear-all',
          log: 'synchronization',
          outcome: 'done',
          records: 300,
          sub: null,
          time: expect.any(String),
        },
      ])
      expect((await api('/logs/synchronization?limit=1')).body).toEqual({
        items: [],
        nextCursor: null,
        totalEstimate: 0,
      })
      expect((await api('/logs/listing?limit=1')).body.totalEstimate).toBe(listingBefore)
      expect((await api('/logs/order?limit=1')).body.totalEstimate).toBe(800)
    })
  })

  describe('/api/v1/settings/logs-clearing', () => {
    it('has the defaults: listings 30, orders 90, synchronization 30 days', async () => {
      const { body } = await api('/settings/logs-clearing')
      expect(body).toEqual({
        listing: { enabled: true, keepDays: 30 },
        order: { enabled: true, keepDays: 90 },
        synchronization: { enabled: true, keepDays: 30 },
      })
    })

    it('saves valid settings and refuses keepDays outside 14-90', async () => {
      const settings = {
        listing: { enabled: true, keepDays: 14 },
        order: { enabled: false, keepDays: 90 },
        synchronization: { enabled: true, keepDays: 60 },
      }
      const put = await api('/settings/logs-clearing', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(settings),
      })
      expect(put).toEqual({ status: 200, body: settings })
      const bad = await api('/settings/logs-clearing', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...settings, order: { enabled: true, keepDays: 91 } }),
      })
      expect(bad.status).toBe(400)
      expect((bad.body.details as { field: string }[])[0]!.field).toBe('order.keepDays')
      expect((await api('/settings/logs-clearing')).body).toEqual(settings)
    })
  })
})

describe('Logs Clearing (retention) in the SQLite preview', () => {
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.stop())
  it('deletes records older than Keep For days of enabled logs only', async () => {
    const all = await getAll('listing')
    const orderBefore = (await api('/logs/order?limit=1')).body.totalEstimate
    writeSettings(server.db!, {
      listing: { enabled: true, keepDays: 14 },
      order: { enabled: false, keepDays: 14 },
      synchronization: { enabled: true, keepDays: 30 },
    })
    const now = Date.now()
    const cutoff = now - 14 * 86_400_000
    const deleted = applyRetention(server.db!, now)
    const expectedKept = all.filter((r) => Date.parse(r.createDate as string) >= cutoff)
    expect(deleted.listing).toBe(all.length - expectedKept.length)
    expect(deleted.listing).toBeGreaterThan(0)
    expect(deleted.order).toBe(0)
    expect((await getAll('listing')).map((r) => r.id)).toEqual(expectedKept.map((r) => r.id))
    expect((await api('/logs/order?limit=1')).body.totalEstimate).toBe(orderBefore)
  })
})
