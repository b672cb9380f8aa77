// @vitest-environment node
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COLUMN_FIELDS, ColumnsShapeError, decodeColumns, encodeColumns, type ColumnsPageBody } from '@/api/columns'
import { RecordSchemas, type LogKindName } from '@/api/schemas'
import { generateListingRecords, generateOrderRecords, generateSynchronizationRecords } from '../../server/generate.ts'

const NOW = { now: Date.parse('2026-11-27T12:00:00Z') }
const SAMPLES = {
  listing: generateListingRecords(300, NOW),
  order: generateOrderRecords(300, NOW),
  synchronization: generateSynchronizationRecords(300, NOW),
}

/** Rows as the server holds them (createDate in ms), newest first, with ids. */
function serverRows(kind: LogKindName) {
  return SAMPLES[kind].map((r, i) => ({ ...r, id: 1000 - i, createDate: Date.parse(r.createDate) })) as Record<
    string,
    unknown
  >[]
}

/** Through JSON, as on the wire. */
const page = (kind: LogKindName, rows: Record<string, unknown>[]): ColumnsPageBody =>
  JSON.parse(
    JSON.stringify({ format: 'columns', count: rows.length, columns: encodeColumns(kind, rows), nextCursor: null }),
  ) as ColumnsPageBody

function decodeAll(kind: LogKindName, body: ColumnsPageBody) {
  const decoded = decodeColumns(kind, body, 1000)
  const out: Record<string, unknown>[] = []
  for (let k = 0; k < decoded.count; k++) {
    const target: Record<string, unknown> = {}
    decoded.fill(k, target)
    out.push(target)
  }
  return { decoded, out }
}

describe('the columns page format', () => {
  for (const kind of ['listing', 'order', 'synchronization'] as const) {
    it(`carries every ${kind} record field for field, in a fraction of the bytes`, () => {
      const rows = serverRows(kind)
      const body = page(kind, rows)
      const { decoded, out } = decodeAll(kind, body)
      expect(decoded.rejectedCount).toBe(0)
      expect(out).toEqual(rows)
      for (const record of out) {
        expect(
          RecordSchemas[kind].safeParse({ ...record, createDate: new Date(record.createDate as number).toISOString() })
            .success,
        ).toBe(true)
      }
      const plain = JSON.stringify(
        rows.map((r) => ({ ...r, createDate: new Date(r.createDate as number).toISOString() })),
      )
      expect(JSON.stringify(body).length).toBeLessThan(plain.length / 2)
    })
  }

  // A bad cell rejects its record exactly when the record schema (zod) would.
  const listingFields = COLUMN_FIELDS.listing.map((spec) => spec.field).filter((field) => field !== 'createDate')
  const badValue = fc.constantFrom<unknown>(null, -1, 0, 1.5, 7, 99, '12', true, 'x'.repeat(256), '', 2 ** 60, {
    $gt: 0,
  })

  it('rejects a record for a bad cell exactly when the record schema does, and keeps the others', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 299 }), fc.constantFrom(...listingFields), badValue), {
          maxLength: 8,
        }),
        (damage) => {
          const rows = serverRows('listing').map((r) => ({ ...r }))
          const spec = (field: string) => COLUMN_FIELDS.listing.find((s) => s.field === field)!
          for (const [row, field, value] of damage) {
            // In a difference-coded column, a value that is no exact number breaks every record
            // after it (tested below); the rest must agree with the schema record by record.
            if (
              spec(field).encoding === 'delta' &&
              !(typeof value === 'number' && Math.abs(value) <= Number.MAX_SAFE_INTEGER)
            )
              continue
            rows[row]![field] = value
          }
          const { decoded } = decodeAll('listing', page('listing', rows))
          rows.forEach((row, k) => {
            const zodSays = RecordSchemas.listing.safeParse({
              ...row,
              createDate: new Date(row.createDate as number).toISOString(),
            }).success
            expect(decoded.valid[k] === 1).toBe(zodSays)
          })
          expect(decoded.rejectedCount).toBe(rows.filter((_, k) => decoded.valid[k] === 0).length)
          for (const rejected of decoded.rejected) expect(rejected.reasons.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('rejects a date that is no date, and every record after a broken difference', () => {
    const rows = serverRows('order')
    const body = page('order', rows)
    ;(body.columns.createDate as { delta: unknown[] }).delta[5] = 1e15
    ;(body.columns.id as { delta: unknown[] }).delta[290] = 'x'
    const { decoded } = decodeAll('order', body)
    expect(decoded.valid[5]).toBe(0)
    expect(decoded.valid[4]).toBe(1)
    expect([...decoded.valid.slice(290)]).toEqual(new Array(10).fill(0))
    expect(decoded.rejected.find((r) => r.index === 5)!.reasons).toEqual(['createDate: not a date'])
  })

  it('refuses a page whose shape is wrong, naming what is wrong', () => {
    const good = page('synchronization', serverRows('synchronization'))
    const broken: [string, (b: ColumnsPageBody) => void][] = [
      ['column task is missing', (b) => delete (b.columns as Record<string, unknown>).task],
      [
        'column description is not a dictionary of 300 codes',
        (b) => ((b.columns.description as { codes: number[] }).codes = [0]),
      ],
      ['column id is not 300 delta', (b) => ((b.columns.id as { delta: number[] }).delta = [])],
      ['count is not a whole number', (b) => (b.count = -1)],
    ]
    for (const [message, breakIt] of broken) {
      const body = structuredClone(good)
      breakIt(body)
      expect(() => decodeColumns('synchronization', body)).toThrow(new ColumnsShapeError(message))
    }
  })
})
