// @vitest-environment node
/**
 * A store that fails in the middle of a streamed load (the database goes away while a line is
 * read): the stream is cut, as the API does (server/api.ts), and every whole line before the
 * failure reaches the client first, gzipped as a browser asks, so it resumes after the last one.
 */
import { once } from 'node:events'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { constants as zlibConstants, createGunzip } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STREAM_CHUNK } from '@/api/columns'
import { streamLogs, type StreamPlan } from '../../server/api/streaming.ts'
import type { Seek } from '../../server/store.ts'

const FIELDS = [
  'id',
  'createDate',
  'type',
  'initiator',
  'description',
  'task',
  'detailedDescription',
  'operationHistoryId',
]
/** Pages read before the store fails. */
const GOOD_PAGES = 3
/** Records of the first page (the request's limit). */
const FIRST = 1000

/** Columns of `count` records after `after`, their texts long and varied, so a line takes gzip a while. */
function page(after: Seek | null, count: number): unknown[][] {
  const top = after ? after.id - 1 : 1_000_000
  const ids = Array.from({ length: count }, (_, k) => top - k)
  return [
    ids,
    ids.map((id) => 1_790_000_000_000 + id * 1000),
    ids.map((id) => (id % 4) + 1),
    ids.map(() => 1),
    ids.map((id) => `Price of product ${id} was revised from ${(id * 7) % 1000}.${id % 100} to ${(id * 13) % 1000}.`),
    ids.map((id) => (id % 5) + 1),
    ids.map((id) => (id % 3 ? null : `Detailed: order ${id} could not be imported.`)),
    ids.map(() => null),
  ]
}

function planFailingAfter(pages: number): StreamPlan {
  let reads = 0
  return {
    query: { limit: FIRST },
    fields: FIELDS,
    start: null,
    count: async () => 10_000_000,
    rows: async () => {
      throw new Error('read row by row: not expected here')
    },
    columns: async (after, limit) => {
      if (++reads > pages) throw new Error('SQLITE_BUSY: database is locked')
      return page(after, limit)
    },
  }
}

let server: Server
let url: string

beforeAll(async () => {
  server = createServer((req, res) => {
    // What the API does with a stream that fails after its head: cut it.
    streamLogs('synchronization', planFailingAfter(GOOD_PAGES), req, res, {}, null, { waiting: 0 }).catch(() => {
      if (res.headersSent) res.destroy()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => server.close())

/** The whole lines of a gzipped response, up to where it was cut. */
async function linesUntilCut(): Promise<string[]> {
  const text = await new Promise<string>((resolve, reject) => {
    let body = ''
    const req = request(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      expect(res.headers['content-encoding']).toBe('gzip')
      // As a browser reads a cut stream: what was decompressed is kept, the missing end is no error.
      const gunzip = createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH })
      gunzip.setEncoding('utf8')
      gunzip.on('data', (chunk: string) => (body += chunk))
      gunzip.on('end', () => resolve(body))
      gunzip.on('error', reject)
      res.on('data', (chunk: Buffer) => gunzip.write(chunk))
      // The cut: the socket closes without the response's end.
      res.on('close', () => gunzip.end())
      res.on('error', () => {})
    })
    req.on('error', () => {})
    req.end()
  })
  return text.split('\n').slice(0, -1)
}

describe('a store failing in the middle of a streamed load', () => {
  it('cuts the stream after every whole line read before the failure', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const lines = await linesUntilCut()
      expect(lines).toHaveLength(GOOD_PAGES)
      const counts = lines.map((line) => (JSON.parse(line) as { count: number }).count)
      expect(counts).toEqual([FIRST, STREAM_CHUNK, STREAM_CHUNK])
    }
  })
})
