// @vitest-environment node
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '@/api/client'
import { ApiError } from '@/api/errors'
import { RecordSchemas } from '@/api/schemas'
import { startTestServer, type TestServer } from './testServer.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ listing: 10, order: 10, synchronization: 10 }, { testMode: true })
})
afterAll(() => server.stop())

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000\u0001\u0002',
    '\u202eRTL override',
    'שלום עולם',
    '😀🎉👍🏽',
    '<img src=x onerror=alert(1)>',
    '%p%',
    '\uFFFF\uD800',
  ),
)
const validRecord = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  createDate: fc
    .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') })
    .map((t) => new Date(t).toISOString()),
  // With codes a newer M2E writes: valid records, shown by number.
  type: fc.constantFrom(1, 2, 3, 4, 100, 5),
  initiator: fc.constantFrom(0, 1, 2, 3, 7),
  description: nasty,
  task: fc.constantFrom(0, 2, 3, 5, 11),
  detailedDescription: fc.option(nasty, { nil: null }),
  operationHistoryId: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: null }),
})
const deep = (depth: number): unknown => (depth === 0 ? 'bottom' : { nested: deep(depth - 1) })
/** Ways a record goes wrong. */
const corruption = fc.constantFrom(
  (r: Record<string, unknown>) => ({ ...r, id: String(r.id) }),
  (r: Record<string, unknown>) => ({ ...r, type: 65_536 }),
  (r: Record<string, unknown>) => ({ ...r, createDate: 'not a date' }),
  (r: Record<string, unknown>) => ({ ...r, createDate: '2026-13-45T99:99:99Z' }),
  (r: Record<string, unknown>) => ({ ...r, description: null }),
  (r: Record<string, unknown>) => ({ ...r, description: deep(200) }),
  (r: Record<string, unknown>) => ({ ...r, extra: 'field' }),
  (r: Record<string, unknown>) => ({ ...r, task: undefined }),
  (r: Record<string, unknown>) => ({ ...r, id: -1 }),
  (r: Record<string, unknown>) => ({ ...r, id: 1.5 }),
  () => null,
  () => 'a string',
  () => [1, 2, 3],
  (r: Record<string, unknown>) => ({ ...r, initiator: { $gt: 0 } }),
)
const item = fc.oneof(
  { weight: 3, arbitrary: validRecord.map((record) => ({ record, valid: true })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(validRecord, corruption)
      .map(([record, corrupt]) => ({ record: corrupt(record) as unknown, valid: false })),
  },
)
const notAPage = fc.constantFrom(
  '<!doctype html><html><body><h1>Magento</h1><p>Exception #0 (Exception): Something went wrong</p></body></html>',
  '{"items": [',
  'null',
  '[]',
  '42',
  '{"items": "nope", "nextCursor": null}',
  '{"items": [], "nextCursor": 5}',
  JSON.stringify(deep(500)),
  '',
  '\u0000\u0000',
)

describe('the client against fuzzed responses from the backend', () => {
  it('returns every valid record, counts and explains every invalid one, and never throws anything but an ApiError', async () => {
    const client = createApiClient({ baseUrl: server.apiUrl, retries: 0 })
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 4, arbitrary: fc.array(item, { maxLength: 25 }).map((items) => ({ items })) },
          { weight: 1, arbitrary: notAPage.map((body) => ({ body })) },
        ),
        async (response) => {
          const rawBody =
            'body' in response
              ? response.body
              : JSON.stringify({ items: response.items.map((i) => i.record), nextCursor: null })
          const set = await fetch(`${server.apiUrl}/__test/faults`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ faults: [{ path: '/logs/synchronization', rawBody }] }),
          })
          expect(set.status).toBe(200)
          try {
            const page = await client.getLogPage('synchronization')
            expect('items' in response).toBe(true)
            const items = 'items' in response ? response.items : []
            const valid = items.filter((i) => i.valid && RecordSchemas.synchronization.safeParse(i.record).success)
            expect(page.items.map((r) => r.id)).toEqual(valid.map((i) => (i.record as { id: number }).id))
            expect(page.rejectedCount).toBe(items.length - valid.length)
            for (const rejected of page.rejected) expect(rejected.reasons.length).toBeGreaterThan(0)
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError)
            expect((error as ApiError).kind).toBe('bad-response')
            expect('body' in response).toBe(true)
          }
        },
      ),
      { numRuns: 120 },
    )
  })

  it('copes with a 1 MB message', async () => {
    const client = createApiClient({ baseUrl: server.apiUrl, retries: 0 })
    const huge = 'ł'.repeat(999_000)
    const record = {
      id: 1,
      createDate: '2026-11-01T00:00:00Z',
      type: 4,
      initiator: 2,
      description: huge,
      task: 2,
      detailedDescription: null,
      operationHistoryId: null,
    }
    const tooHuge = { ...record, id: 2, description: 'x'.repeat(1_000_001) }
    await fetch(`${server.apiUrl}/__test/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        faults: [
          { path: '/logs/synchronization', rawBody: JSON.stringify({ items: [record, tooHuge], nextCursor: null }) },
        ],
      }),
    })
    const page = await client.getLogPage('synchronization')
    expect(page.items.map((r) => r.description.length)).toEqual([999_000])
    expect(page.rejectedCount).toBe(1)
  })
})
