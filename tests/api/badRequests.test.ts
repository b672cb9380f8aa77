// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STORES, startTestServer, type TestServer } from './testServer.ts'

const INJECTIONS = [
  "1' OR '1'='1",
  '1; DROP TABLE listing_log; --',
  "' UNION SELECT name, sql FROM sqlite_master --",
  '1) OR (1=1',
  '0x41',
  "1' AND SLEEP(5)--",
]

const PARAMS = [
  'limit',
  'cursor',
  'from',
  'to',
  'accountId',
  'shopId',
  'listingId',
  'listingProductId',
  'orderId',
  'afterId',
]

interface BadRequest {
  name: string
  method?: string
  path: string
  body?: string
  status: number
  field: string
}

const cases: BadRequest[] = [
  ...PARAMS.flatMap((param) =>
    INJECTIONS.map((value) => ({
      name: `SQL injection in ${param}: ${value}`,
      path: `/logs/${param === 'orderId' ? 'order' : 'listing'}?${param}=${encodeURIComponent(value)}`,
      status: 400,
      field: param,
    })),
  ),
  ...INJECTIONS.map((value) => ({
    name: `SQL injection in the kind: ${value}`,
    path: `/logs/${encodeURIComponent(value)}`,
    status: 404,
    field: 'kind',
  })),
  { name: 'an unknown param', path: '/logs/listing?color=red', status: 400, field: 'color' },
  { name: 'a param given twice', path: '/logs/listing?limit=5&limit=6', status: 400, field: 'limit' },
  { name: 'limit 0', path: '/logs/listing?limit=0', status: 400, field: 'limit' },
  { name: 'limit over 10000', path: '/logs/listing?limit=10001', status: 400, field: 'limit' },
  { name: 'a fractional limit', path: '/logs/listing?limit=2.5', status: 400, field: 'limit' },
  { name: 'a wrong type', path: '/logs/listing?accountId=abc', status: 400, field: 'accountId' },
  { name: 'a date without a zone', path: '/logs/listing?from=2026-11-01T00:00:00', status: 400, field: 'from' },
  { name: 'a date that is not one', path: '/logs/listing?to=yesterday', status: 400, field: 'to' },
  { name: 'a filter of another log', path: '/logs/synchronization?accountId=1', status: 400, field: 'accountId' },
  { name: 'orderId on the listing log', path: '/logs/listing?orderId=1', status: 400, field: 'orderId' },
  {
    name: 'a forged cursor',
    path: `/logs/listing?cursor=${Buffer.from('1 OR 1=1').toString('base64url')}`,
    status: 400,
    field: 'cursor',
  },
  { name: 'an unknown kind', path: '/logs/shipments', status: 404, field: 'kind' },
  { name: 'an unknown endpoint', path: '/nothing', status: 404, field: 'path' },
  { name: 'POST to meta', method: 'POST', path: '/meta', body: '{}', status: 405, field: 'method' },
  { name: 'clearing the order log', method: 'DELETE', path: '/logs/order', status: 405, field: 'kind' },
  {
    name: 'a malformed body',
    method: 'POST',
    path: '/logs/listing',
    body: '{"items": [',
    status: 400,
    field: '(body)',
  },
  {
    name: 'a body that is not an object',
    method: 'POST',
    path: '/logs/listing',
    body: '"items"',
    status: 400,
    field: '(body)',
  },
  { name: 'no items', method: 'POST', path: '/logs/listing', body: '{"items": []}', status: 400, field: 'items' },
  {
    name: 'a record with an id',
    method: 'POST',
    path: '/logs/synchronization',
    body: JSON.stringify({
      items: [
        {
          id: 5,
          createDate: '2026-11-01T00:00:00Z',
          type: 4,
          initiator: 2,
          description: 'x',
          task: 2,
          detailedDescription: null,
          operationHistoryId: null,
        },
      ],
    }),
    status: 400,
    field: 'items.0.id',
  },
  {
    name: 'SQL injection in a record field',
    method: 'POST',
    path: '/logs/synchronization',
    body: JSON.stringify({
      items: [
        {
          createDate: '2026-11-01T00:00:00Z',
          type: 4,
          initiator: 2,
          description: 'x',
          task: '2); DROP TABLE synchronization_log; --',
          detailedDescription: null,
          operationHistoryId: null,
        },
      ],
    }),
    status: 400,
    field: 'items.0.task',
  },
  {
    name: 'settings out of range',
    method: 'PUT',
    path: '/settings/logs-clearing',
    body: JSON.stringify({
      listing: { enabled: true, keepDays: 7 },
      order: { enabled: true, keepDays: 90 },
      synchronization: { enabled: true, keepDays: 30 },
    }),
    status: 400,
    field: 'listing.keepDays',
  },
  {
    name: 'settings with a missing log',
    method: 'PUT',
    path: '/settings/logs-clearing',
    body: JSON.stringify({ listing: { enabled: true, keepDays: 30 } }),
    status: 400,
    field: 'order',
  },
  {
    name: 'a body over 5 MB',
    method: 'POST',
    path: '/logs/listing',
    body: `{"items":["${'x'.repeat(5 * 1024 * 1024 + 10)}"]}`,
    status: 413,
    field: '(body)',
  },
]

describe.each(STORES)('bad requests, %s store', (store) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer({ listing: 500, order: 200, synchronization: 100 }, { store })
  })
  afterAll(() => server.stop())

  it.each(cases)(
    'answers 4xx naming the field, data unchanged: $name',
    async ({ method, path, body, status, field }) => {
      // M2E's tables never take new records: a POST is refused before its body is read.
      const refusedPost = store === 'mysql' && method === 'POST' && path.startsWith('/logs/')
      const before = server.snapshot()
      const response = await fetch(server.apiUrl + path, {
        method: method ?? 'GET',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body,
      })
      expect(response.status).toBe(refusedPost ? 403 : status)
      const json = (await response.json()) as { error: string; details: { field: string; message: string }[] }
      expect(json.error).toEqual(expect.any(String))
      expect(json.details.map((d) => d.field)).toContain(refusedPost ? 'method' : field)
      expect(server.snapshot()).toBe(before)
    },
  )

  it('still serves the data after every attack', async () => {
    const response = await fetch(`${server.apiUrl}/logs/listing?limit=1`)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { totalEstimate: number }).totalEstimate).toBe(500)
  })
})
