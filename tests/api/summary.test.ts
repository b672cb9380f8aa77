// @vitest-environment node
/**
 * `GET /api/v1/logs/{kind}/summary` on both stores, against counts worked out here from the
 * records the API pages out: per UTC hour and type, and in total, under each server-side filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogKindName } from '@/api/schemas'
import { applyRetention, writeSettings } from '../../server/db.ts'
import { STORES, startTestServer, type TestServer } from './testServer.ts'

type Row = Record<string, unknown> & { id: number; createDate: string; type: number }
const HOUR = 3_600_000

/** The summary worked out from records: `[hourStartMs, type, count]`, oldest first. */
function expected(records: Row[]) {
  const counts = new Map<string, number>()
  for (const r of records) {
    const key = `${Math.floor(Date.parse(r.createDate) / HOUR) * HOUR}:${r.type}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const hours = [...counts].map(([key, n]) => [...key.split(':').map(Number), n] as [number, number, number])
  hours.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  return { total: records.length, hours }
}

describe.each(STORES)('the log summary, %s store', (store) => {
  let server: TestServer
  const all: Partial<Record<LogKindName, Row[]>> = {}

  async function summary(kind: LogKindName, query = '') {
    const response = await fetch(`${server.apiUrl}/logs/${kind}/summary${query ? `?${query}` : ''}`)
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  async function records(kind: LogKindName): Promise<Row[]> {
    const items: Row[] = []
    let cursor: string | null = null
    do {
      const params = new URLSearchParams({ limit: '10000', ...(cursor && { cursor }) })
      const page = (await (await fetch(`${server.apiUrl}/logs/${kind}?${params}`)).json()) as {
        items: Row[]
        nextCursor: string | null
      }
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return items
  }

  beforeAll(async () => {
    server = await startTestServer({ listing: 4000, order: 900, synchronization: 300 }, { store })
    for (const kind of ['listing', 'order', 'synchronization'] as const) all[kind] = await records(kind)
  })
  afterAll(() => server.stop())

  it.each(['listing', 'order', 'synchronization'] as const)(
    'counts the whole %s log per hour and type',
    async (kind) => {
      const { status, body } = await summary(kind)
      expect(status).toBe(200)
      expect(body).toEqual(expected(all[kind]!))
    },
  )

  it('counts under each server-side filter of the listing log', async () => {
    const listing = all.listing!
    const product = listing.find((r) => r.listingProductId !== null)!.listingProductId
    const filters: [string, (r: Row) => boolean][] = [
      ['accountId=2', (r) => r.accountId === 2],
      ['shopId=2', (r) => r.shopId === 2],
      ['listingId=4', (r) => r.listingId === 4],
      [`listingProductId=${String(product)}`, (r) => r.listingProductId === product],
      ['accountId=1&listingId=4', (r) => r.accountId === 1 && r.listingId === 4],
    ]
    for (const [query, keep] of filters) {
      const kept = listing.filter(keep)
      expect((await summary('listing', query)).body, query).toEqual(expected(kept))
    }
  })

  it('counts a date range exactly, its first and last hours in part', async () => {
    const listing = all.listing!
    // Record times, not hour edges: the range starts and ends inside an hour.
    const from = listing[2500]!.createDate
    const to = listing[300]!.createDate
    const inRange = listing.filter((r) => r.createDate >= from && r.createDate <= to)
    const { body } = await summary('listing', `from=${from}&to=${to}&shopId=1`)
    expect(body).toEqual(expected(inRange.filter((r) => r.shopId === 1)))
    // A range on whole hours: its ends exactly on hour edges.
    const edgeFrom = Math.floor(Date.parse(from) / HOUR) * HOUR
    const edgeTo = Math.floor(Date.parse(to) / HOUR) * HOUR - 1
    expect(
      (await summary('listing', `from=${new Date(edgeFrom).toISOString()}&to=${new Date(edgeTo).toISOString()}`)).body,
    ).toEqual(
      expected(listing.filter((r) => Date.parse(r.createDate) >= edgeFrom && Date.parse(r.createDate) <= edgeTo)),
    )
    // A range inside one hour.
    const sameHour = listing.filter(
      (r) => Math.floor(Date.parse(r.createDate) / HOUR) === Math.floor(Date.parse(to) / HOUR),
    )
    const start = sameHour[sameHour.length - 1]!.createDate
    expect((await summary('listing', `from=${start}&to=${to}`)).body).toEqual(
      expected(listing.filter((r) => r.createDate >= start && r.createDate <= to)),
    )
  })

  it('counts one order of the order log', async () => {
    const orderId = all.order![0]!.orderId
    expect((await summary('order', `orderId=${String(orderId)}`)).body).toEqual(
      expected(all.order!.filter((r) => r.orderId === orderId)),
    )
  })

  it('refuses what a summary does not take, naming it', async () => {
    for (const [kind, query, field] of [
      ['listing', 'limit=5', 'limit'],
      ['listing', 'cursor=abc', 'cursor'],
      ['listing', 'afterId=5', 'afterId'],
      ['synchronization', 'accountId=1', 'accountId'],
      ['listing', 'from=yesterday', 'from'],
    ] as const) {
      const { status, body } = await summary(kind, query)
      expect(status, query).toBe(400)
      expect((body.details as { field: string }[]).map((d) => d.field)).toContain(field)
    }
    expect((await fetch(`${server.apiUrl}/logs/listing/summary`, { method: 'DELETE' })).status).toBe(405)
  })

  it('follows the log as it changes: Clear All leaves nothing counted', async () => {
    expect((await fetch(`${server.apiUrl}/logs/synchronization`, { method: 'DELETE' })).status).toBe(200)
    expect((await summary('synchronization')).body).toEqual({ total: 0, hours: [] })
    expect((await summary('listing')).body).toEqual(expected(all.listing!))
  })
})

describe('the SQLite summary keeps its counts as records are written and deleted', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ listing: 1500, order: 10, synchronization: 10 })
  })
  afterAll(() => server.stop())

  const summary = async (query = '') =>
    (await (await fetch(`${server.apiUrl}/logs/listing/summary${query}`)).json()) as {
      total: number
      hours: [number, number, number][]
    }

  it('counts records POSTed, and forgets those Logs Clearing deletes', async () => {
    const before = await summary()
    const createDate = new Date(Math.floor(Date.now() / HOUR) * HOUR + 60_000).toISOString()
    const record = {
      createDate,
      type: 4,
      initiator: 1,
      description: 'Counted.',
      accountId: 2,
      shopId: 3,
      listingId: 5,
      listingTitle: 'Smart Home Devices',
      productId: 1,
      productTitle: 'A',
      listingProductId: 1,
      action: 13,
      actionId: 1,
    }
    const post = await fetch(`${server.apiUrl}/logs/listing`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ items: [record, record, { ...record, type: 2 }] }),
    })
    expect(post.status).toBe(201)
    const after = await summary()
    expect(after.total).toBe(before.total + 3)
    const hour = Math.floor(Date.parse(createDate) / HOUR) * HOUR
    const count = (s: typeof after, type: number) => s.hours.find(([h, t]) => h === hour && t === type)?.[2] ?? 0
    expect(count(after, 4)).toBe(count(before, 4) + 2)
    expect(count(after, 2)).toBe(count(before, 2) + 1)
    const rows = (await (await fetch(`${server.apiUrl}/logs/listing?limit=10000&listingId=5`)).json()) as {
      items: { accountId: number }[]
    }
    expect((await summary('?listingId=5&accountId=2')).total).toBe(rows.items.filter((r) => r.accountId === 2).length)

    writeSettings(server.db!, {
      listing: { enabled: true, keepDays: 14 },
      order: { enabled: true, keepDays: 90 },
      synchronization: { enabled: true, keepDays: 30 },
    })
    const deleted = applyRetention(server.db!).listing
    expect(deleted).toBeGreaterThan(0)
    const kept = await summary()
    expect(kept.total).toBe(after.total - deleted)
    expect(kept.hours.every(([h]) => h >= Math.floor((Date.now() - 14 * 86_400_000) / HOUR) * HOUR)).toBe(true)
  })
})
