// @vitest-environment node
/**
 * The SQLite store reads a page column by column (each column one JSON array written by SQLite),
 * and the stream sends what it reads. It must read exactly what the row-by-row read does: every
 * value, every null, hostile text byte for byte, ties on the date in order, and the page after a
 * cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogKindName, NewLogRecord } from '@/api/schemas'
import { SqliteStore, newestFirst, openDatabase } from '../../server/db.ts'
import { readColumns } from '../../server/api/cursor.ts'
import type { LogReader } from '../../server/store.ts'

const HOSTILE = [
  'He said "stop" \\ then left',
  'line one\nline two\r\nline three\ttabbed',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  'nul \u0000 and bell \u0007 and escape \u001b',
  'separators \u2028 and \u2029, emoji 😀, and ∑ Ünïcödé',
  '[1,2,3]',
  '{"json": true}',
  'null',
  '',
  'x'.repeat(5000),
]

let store: SqliteStore

beforeAll(async () => {
  store = new SqliteStore(
    openDatabase(':memory:', { seed: { listing: 400, order: 60, synchronization: 60 } }),
    ':memory:',
  )
  // Several records at one instant (the order then goes by id), each with a hostile text.
  const at = new Date(Date.now() - 60_000).toISOString()
  await store.insert(
    'listing',
    HOSTILE.map((text, k): NewLogRecord<'listing'> => ({
      createDate: at,
      type: 4,
      initiator: 1,
      description: text,
      accountId: 1,
      shopId: 1,
      listingId: 1,
      listingTitle: text,
      productId: k % 2 ? null : 1001,
      productTitle: k % 3 ? null : text,
      listingProductId: k % 2 ? null : 5001,
      action: 3,
      actionId: 100 + k,
    })),
  )
  await store.insert(
    'synchronization',
    HOSTILE.map((text): NewLogRecord<'synchronization'> => ({
      createDate: at,
      type: 2,
      initiator: 2,
      description: text,
      task: 1,
      detailedDescription: text || null,
      operationHistoryId: null,
    })),
  )
})
afterAll(() => store.close())

/** A page read column by column (never null here: SQLite's JSON holds every value of these). */
async function inColumns(reader: LogReader, after: Parameters<LogReader['rows']>[0], limit: number) {
  const columns = await reader.columns!(after, limit)
  expect(columns).not.toBeNull()
  return columns!
}

/** A page read row by row, as columns. */
const byRows = async (reader: LogReader, after: Parameters<LogReader['rows']>[0], limit: number) => {
  const rows = await reader.rows(after, limit)
  return reader.fields.map((_, i) => rows.map((row) => row[i]))
}

describe('the SQLite store, column by column', () => {
  it.each<LogKindName>(['listing', 'order', 'synchronization'])(
    'reads the %s log as it reads it row by row: the first page, a cursor page and the last',
    async (kind) => {
      const reader = store.reader(kind, {})
      expect(reader.columns).toBeTypeOf('function')
      const first = await inColumns(reader, null, 37)
      expect(first).toEqual(await byRows(reader, null, 37))
      expect(first[0]).toHaveLength(37)
      // After the first page's last record: where a stream's second line starts.
      const at = reader.fields.indexOf('createDate')
      const id = reader.fields.indexOf('id')
      const after = { createDate: first[at]!.at(-1) as number, id: first[id]!.at(-1) as number }
      const next = await inColumns(reader, after, 10_000)
      expect(next).toEqual(await byRows(reader, after, 10_000))
      expect(first[0]!.length + next[0]!.length).toBe(await reader.count())
      // Past the end: empty columns, one per field.
      const last = { createDate: next[at]!.at(-1) as number, id: next[id]!.at(-1) as number }
      expect(await inColumns(reader, last, 10)).toEqual(reader.fields.map(() => []))
    },
  )

  it('keeps hostile text, nulls and ties on the date exactly, under a filter', async () => {
    const reader = store.reader('listing', { listingId: 1, accountId: 1 })
    const columns = await inColumns(reader, null, 100_000)
    expect(columns).toEqual(await byRows(reader, null, 100_000))
    const texts = columns[reader.fields.indexOf('description')] as string[]
    for (const text of HOSTILE) expect(texts).toContain(text)
    expect(columns[reader.fields.indexOf('productId')]).toContain(null)
    expect(columns[reader.fields.indexOf('productTitle')]).toContain(null)
  })
  it('reads a page JSON cannot hold (a BLOB written into the file by something else) row by row', async () => {
    const db = new SqliteStore(
      openDatabase(':memory:', { seed: { listing: 50, order: 1, synchronization: 1 } }),
      ':memory:',
    )
    db.db
      .prepare('UPDATE listing_log SET listing_title = ? WHERE id = (SELECT MAX(id) FROM listing_log)')
      .run(Buffer.from([0xde, 0xad]))
    const reader = db.reader('listing', {})
    // The store says so (null), and the page is read as its rows, as the stream reads it.
    expect(await reader.columns!(null, 100)).toBeNull()
    const { columns } = await readColumns(reader, null, 100)
    expect(columns).toEqual(await byRows(reader, null, 100))
    expect(columns[reader.fields.indexOf('listingTitle')]![0]).toBeInstanceOf(Buffer)
    await db.close()
  })

  it('checks the order SQLite handed the columns in (a page out of order is read again row by row)', () => {
    expect(newestFirst([9, 9, 7, 7], [4, 3, 8, 2])).toBe(true)
    expect(newestFirst([], [])).toBe(true)
    expect(newestFirst([7, 9], [1, 2])).toBe(false)
    expect(newestFirst([9, 9], [3, 4])).toBe(false)
    expect(newestFirst([9, 9], [3, 3])).toBe(false)
  })
})
