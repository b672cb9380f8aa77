import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LogEngine, type EngineKind, type EngineRecordByKind, type LogQueryOptions } from '@/engine'
import { modelQuery } from './model'

const BASE = Date.parse('2026-11-01T00:00:00Z')
/** Few distinct values, so that equal dates, repeats and collisions are common. */
const date = fc.integer({ min: 0, max: 40 }).map((m) => new Date(BASE + m * 3_600_000).toISOString())
const description = fc.constantFrom(
  'Item was Revised.',
  'Price was revised from 10.00 to 12.50.',
  'Price was revised from 11.00 to 9.99.',
  'QTY was revised from 5 to 4.',
  'Błąd: produkt nie został wystawiony.',
  'Product was not Listed.\nReason: Brand is required.',
  '{"string":"Category attribute \\"%attr%\\" is required. !x_start!Help!x_end!","params":{"attr":"Brand"},"links":["https://example.com/help"]}',
  '{"string":"Image %n% was not uploaded","params":{"n":"2"},"links":[]}',
  '<script>alert(1)</script> & "quotes"',
  'ZAMÓWIENIE utworzone',
)
const type = fc.constantFrom(1, 2, 3, 4)
const initiator = fc.constantFrom(0, 1, 2, 3)

const listingRecord = fc.record({
  createDate: date,
  type,
  initiator,
  description,
  accountId: fc.constantFrom(1, 2),
  shopId: fc.constantFrom(1, 2, 3),
  listingId: fc.constantFrom(1, 2, 3),
  listingTitle: fc.constantFrom('Summer Dresses 2026', 'Phone Cases <Clearance>', 'Akcesoria – Wyprzedaż'),
  productId: fc.option(fc.constantFrom(1001, 1002, 1003), { nil: null }),
  productTitle: fc.option(fc.constantFrom('Maxi Dress', 'Łódź Phone Case', 'USB-C Charger'), { nil: null }),
  listingProductId: fc.option(fc.constantFrom(5001, 5002, 5003), { nil: null }),
  action: fc.constantFrom(4, 13, 15, 25),
  actionId: fc.constantFrom(100, 101, 102, 103),
})
const orderRecord = fc.record({
  createDate: date,
  type,
  initiator,
  description,
  accountId: fc.constantFrom(1, 2),
  shopId: fc.constantFrom(1, 2, 3),
  orderId: fc.constantFrom(20001, 20002, 20003),
  ttsOrderId: fc.constantFrom('576461413577379981', '576461413577312345'),
  magentoOrderId: fc.option(fc.constantFrom(1000120, 1000121), { nil: null }),
  magentoOrderNumber: fc.option(fc.constantFrom('001000120', '001000121'), { nil: null }),
})
const syncRecord = fc.record({
  createDate: date,
  type: fc.constantFrom(1, 2, 3, 4, 100),
  initiator,
  description,
  task: fc.constantFrom(0, 2, 3, 5),
  detailedDescription: fc.option(fc.constantFrom('HTTP 503', 'Stack trace'), { nil: null }),
  operationHistoryId: fc.option(fc.constantFrom(900001, 900002), { nil: null }),
})

const textFilter = fc.option(
  fc.constantFrom(
    '',
    ' ',
    'revised',
    'BLAD',
    'błąd',
    'brand',
    '2026',
    '1',
    '1002',
    'phone',
    'łodz',
    '5764',
    '00100012',
    'zamowienie',
    '<script',
  ),
  { nil: undefined },
)
const codes = (values: number[]) => fc.option(fc.subarray(values), { nil: undefined })
const filter = fc.record(
  {
    from: fc.option(
      fc.integer({ min: 0, max: 40 }).map((m) => BASE + m * 3_600_000),
      { nil: undefined },
    ),
    to: fc.option(
      fc.integer({ min: 0, max: 40 }).map((m) => BASE + m * 3_600_000),
      { nil: undefined },
    ),
    types: codes([1, 2, 3, 4, 100]),
    actions: codes([4, 13, 15, 25]),
    initiators: codes([0, 1, 2, 3]),
    tasks: codes([0, 2, 3, 5]),
    accountId: fc.option(fc.constantFrom(1, 2, 9), { nil: undefined }),
    shopId: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }),
    listingId: fc.option(fc.constantFrom(1, 2, 7), { nil: undefined }),
    listingProductId: fc.option(fc.constantFrom(5001, 5002), { nil: undefined }),
    orderId: fc.option(fc.constantFrom(20001, 20003), { nil: undefined }),
    listing: textFilter,
    product: textFilter,
    ttsOrder: textFilter,
    magentoOrder: textFilter,
    message: textFilter,
  },
  { requiredKeys: [] },
)
const options = fc.record(
  {
    filter,
    unique: fc.boolean(),
    numbersAsEqual: fc.boolean(),
    view: fc.constantFrom('separated', 'grouped'),
    sort: fc.record({
      field: fc.constantFrom('createDate', 'listingTitle', 'productTitle', 'message'),
      direction: fc.constantFrom('asc', 'desc'),
    }),
    histogram: fc.option(
      fc.record({
        from: fc.constant(BASE),
        to: fc.constant(BASE + 40 * 3_600_000),
        buckets: fc.integer({ min: 1, max: 7 }),
      }),
      { nil: undefined },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<LogQueryOptions>

/** Gives records unique ids and splits them into pages of random sizes. */
function withIdsAndPages<R>(records: fc.Arbitrary<R[]>) {
  return fc
    .tuple(
      records,
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }),
      fc.integer({ min: 0, max: 1000 }),
    )
    .map(([raw, sizes, idSeed]) => {
      const withIds = raw.map((r, i) => ({ ...r, id: ((i * 7919 + idSeed) % 100_000) + 1 + i * 100_000 }))
      const pages: (R & { id: number })[][] = []
      let at = 0
      let s = 0
      while (at < withIds.length) {
        const size = sizes[s++ % sizes.length]!
        pages.push(withIds.slice(at, at + size))
        at += size
      }
      return pages
    })
}

function check<K extends EngineKind>(kind: K, pages: EngineRecordByKind[K][][], queries: LogQueryOptions[]) {
  const engine = new LogEngine(kind)
  const all: EngineRecordByKind[K][] = []
  for (const page of pages) {
    engine.append(page)
    all.push(...page)
    for (const query of queries) {
      const result = engine.query(query)
      const model = modelQuery(kind, all, query)
      const rows = Array.from(result.rows, (index, row) => ({
        id: engine.idAt(index),
        count: result.counts[row]!,
        memberIds: result.membersOf(row).map((m) => engine.idAt(m)),
        worstType: result.worstTypes ? result.worstTypes[row]! : engine.typeAt(index),
      }))
      const grouped = kind === 'listing' && query.view === 'grouped'
      expect(rows.map((r) => r.id)).toEqual(model.rows.map((r) => r.id))
      expect(rows.map((r) => r.count)).toEqual(model.rows.map((r) => r.count))
      expect(rows.map((r) => r.memberIds)).toEqual(model.rows.map((r) => r.memberIds))
      if (grouped) expect(rows.map((r) => r.worstType)).toEqual(model.rows.map((r) => r.worstType))
      expect(result.matched).toBe(model.matched)
      expect(result.shown).toBe(model.rows.length)
      expect(result.total).toBe(all.length)
      expect(result.typeCounts).toEqual(model.typeCounts)
      expect(result.histogram ? Array.from(result.histogram) : null).toEqual(model.histogram)
    }
  }
  for (const record of all) {
    const index = Array.from({ length: engine.size }, (_, i) => i).find((i) => engine.idAt(i) === record.id)!
    expect(engine.get(index)).toEqual(record)
  }
}

const runs = { numRuns: 400 }

describe('the engine agrees with the model', () => {
  it('on the listing log: random records, pages, filters, unique on/off, grouped view and sorts', () => {
    fc.assert(
      fc.property(
        withIdsAndPages(fc.array(listingRecord, { maxLength: 60 })),
        fc.array(options, { minLength: 1, maxLength: 4 }),
        (pages, queries) => {
          check('listing', pages as EngineRecordByKind['listing'][][], queries)
        },
      ),
      runs,
    )
  })

  it('on the order log', () => {
    fc.assert(
      fc.property(
        withIdsAndPages(fc.array(orderRecord, { maxLength: 60 })),
        fc.array(options, { minLength: 1, maxLength: 4 }),
        (pages, queries) => {
          check('order', pages as EngineRecordByKind['order'][][], queries)
        },
      ),
      runs,
    )
  })

  it('on the synchronization log', () => {
    fc.assert(
      fc.property(
        withIdsAndPages(fc.array(syncRecord, { maxLength: 60 })),
        fc.array(options, { minLength: 1, maxLength: 4 }),
        (pages, queries) => {
          check('synchronization', pages as EngineRecordByKind['synchronization'][][], queries)
        },
      ),
      runs,
    )
  })
})
