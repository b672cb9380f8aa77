import { describe, expect, it, vi } from 'vitest'
import { decodeColumns, encodeColumns } from '@/api/columns'
import {
  LogEngine,
  type EngineListingRecord,
  type EngineOrderRecord,
  type LogFilter,
  type LogQueryOptions,
  type QueryResult,
} from '@/engine'
import { listingRecord, orderRecord, synchronizationRecord } from '../../fixtures/records'

let nextId = 1
function listing(overrides: Partial<EngineListingRecord> = {}): EngineListingRecord {
  return listingRecord({
    id: nextId++,
    createDate: '2026-11-10T10:00:00.000Z',
    type: 1,
    initiator: 2,
    description: 'Item was Revised.',
    accountId: 1,
    shopId: 1,
    listingId: 1,
    listingTitle: 'Summer Dresses 2026',
    productId: 1001,
    productTitle: 'Maxi Dress',
    listingProductId: 5001,
    action: 15,
    actionId: 100,
    ...overrides,
  })
}

function order(overrides: Partial<EngineOrderRecord> = {}): EngineOrderRecord {
  return orderRecord({
    id: nextId++,
    createDate: '2026-11-10T10:00:00.000Z',
    type: 4,
    initiator: 2,
    description: 'Magento Order was not created. Reason: Product "SKU-1" is out of stock.',
    accountId: 1,
    shopId: 1,
    orderId: 20001,
    ttsOrderId: '576461413577379981',
    magentoOrderId: null,
    magentoOrderNumber: null,
    ...overrides,
  })
}

const at = (hour: number) => new Date(Date.UTC(2026, 10, 10, hour)).toISOString()

/** A columns page of these records, as a stream's line brings it (the server's encoder, through JSON). */
function columnsPageOf(kind: 'listing' | 'order', records: readonly (EngineListingRecord | EngineOrderRecord)[]) {
  const rows = records.map((r) => ({ ...r, createDate: Date.parse(r.createDate) }))
  return decodeColumns(
    kind,
    JSON.parse(
      JSON.stringify({ format: 'columns', count: rows.length, columns: encodeColumns(kind, rows), nextCursor: null }),
    ),
  )
}

/** Two engines holding these records: appended as objects, and as a columns page. */
function bothWays<R extends EngineListingRecord | EngineOrderRecord>(kind: 'listing' | 'order', records: R[]) {
  const byObjects = new LogEngine(kind)
  byObjects.append(records as never)
  const byColumns = new LogEngine(kind)
  byColumns.columnsAppender(columnsPageOf(kind, records))(0, records.length)
  return [byObjects, byColumns]
}

function ids(engine: LogEngine, rows: Uint32Array) {
  return Array.from(rows, (index) => engine.idAt(index))
}

/** How many records each row stands for (a result that collapses nothing has no counts: 1 each). */
function countsOf(result: QueryResult) {
  return Array.from(result.rows, (_, row) => result.counts?.[row] ?? 1)
}

describe('LogEngine', () => {
  it('gives back each record its own listing and product when titles repeat, renamed ids included', () => {
    // Two listings of one title, two products of one title, and a listing renamed half way:
    // a page reads each title once, so its id must still be each record's own.
    const records = [
      listing({ listingId: 1, listingTitle: 'Dresses', productId: 11, productTitle: 'Red dress' }),
      listing({ listingId: 2, listingTitle: 'Dresses', productId: 12, productTitle: 'Red dress' }),
      listing({ listingId: 1, listingTitle: 'Dresses', productId: 12, productTitle: 'Red dress' }),
      listing({ listingId: 1, listingTitle: 'Dresses 2027', productId: 11, productTitle: null }),
      listing({ listingId: 2, listingTitle: 'Dresses', productId: null, productTitle: 'Red dress' }),
    ]
    const want = records.map((r) => [r.listingId, r.listingTitle, r.productId, r.productTitle])
    for (const engine of bothWays('listing', records)) {
      const held = records.map((_, i) => engine.get(i) as EngineListingRecord)
      expect(held.map((r) => [r.listingId, r.listingTitle, r.productId, r.productTitle])).toEqual(want)
    }
  })

  it('reads a columns page whole: ids of 0, and fields no layout tunes set by the first page', () => {
    // As a load starts: the first page is a columns page, with two fields the layouts do not
    // know (a text and a nullable number); the next page lacks them.
    const engine = new LogEngine('listing')
    const first = columnsPageOf('listing', [
      listing({ accountId: 0, shopId: 0, listingId: 0, actionId: 0 }),
      listing({ accountId: 0, shopId: 0, listingId: 0, actionId: 0 }),
    ])
    engine.columnsAppender({
      ...first,
      columns: {
        ...first.columns,
        sku: { dict: ['SKU-1', null], codes: [0, 1] },
        weight: { numbers: Float64Array.of(250, 0), nulls: Uint8Array.of(0, 1) },
      },
    })(0, 2)
    engine.columnsAppender(columnsPageOf('listing', [listing()]))(0, 1)
    const held = [0, 1, 2].map((index) => engine.get(index) as Record<string, unknown>)
    expect(held.map(({ accountId, shopId, listingId, actionId }) => [accountId, shopId, listingId, actionId])).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [1, 1, 1, 100],
    ])
    expect(held.map(({ sku, weight }) => [sku, weight])).toEqual([
      ['SKU-1', 250],
      [null, null],
      [null, null],
    ])
  })

  it('keeps and gives back a field of the field list that no layout tunes', () => {
    // A field added to src/api/fields.ts reaches the engine without an engine change.
    const engine = new LogEngine('listing')
    const records = [listing({ description: 'A' }), listing({ description: 'B' })].map((record, k) => ({
      ...record,
      sku: k === 0 ? 'SKU-1' : null,
    }))
    engine.append(records)
    // A columns page, as the stream's lines bring it.
    const page = decodeColumns('listing', {
      format: 'columns',
      count: 1,
      columns: encodeColumns('listing', [{ ...listing(), createDate: Date.parse(at(8)) }]),
      nextCursor: null,
    })
    engine.columnsAppender({ ...page, columns: { ...page.columns, sku: { dict: ['SKU-2'], codes: [0] } } })(0, 1)
    // A page of objects without the field holds null for it.
    engine.append([listing()])
    expect([0, 1, 2, 3].map((index) => (engine.get(index) as Record<string, unknown>).sku)).toEqual([
      'SKU-1',
      null,
      'SKU-2',
      null,
    ])
    expect(engine.get(0).listingTitle).toBe('Summer Dresses 2026')
  })

  it('shows a repeated message once with its count and the latest date', () => {
    const engine = new LogEngine('listing')
    const records = [listing({ createDate: at(9) }), listing({ createDate: at(12) }), listing({ createDate: at(10) })]
    engine.append(records)
    const result = engine.query({ unique: true })
    expect(result.shown).toBe(1)
    expect(countsOf(result)).toEqual([3])
    expect(engine.get(result.rows[0]!).createDate).toBe(new Date(at(12)).toISOString())
    expect(result.matched).toBe(3)
  })

  it('takes type, action and initiator from the latest member, not an arbitrary one', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ createDate: at(14), type: 4, action: 13, initiator: 1, description: 'Same text' }),
      listing({ createDate: at(9), type: 2, action: 15, initiator: 2, description: 'Same text' }),
    ])
    const row = engine.get(engine.query({ unique: true }).rows[0]!)
    expect([row.type, row.action, row.initiator]).toEqual([4, 13, 1])
  })

  it('never collapses records with no product id', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({
        listingProductId: null,
        productId: null,
        productTitle: null,
        description: 'Listing settings were edited.',
      }),
      listing({
        listingProductId: null,
        productId: null,
        productTitle: null,
        description: 'Listing settings were edited.',
      }),
    ])
    const result = engine.query({ unique: true })
    expect(result.shown).toBe(2)
    expect(countsOf(result)).toEqual([1, 1])
  })

  it('collapses the order log on the order id', () => {
    const engine = new LogEngine('order')
    engine.append([order(), order(), order({ orderId: 20002 }), order({ description: 'Invoice was created.' })])
    const result = engine.query({ unique: true })
    expect(result.shown).toBe(3)
    expect(countsOf(result).sort()).toEqual([1, 1, 2])
  })

  it('breaks ties between equal dates by id, newest first', () => {
    const engine = new LogEngine('listing')
    const [a, b, c] = [listing({ id: 10 }), listing({ id: 30 }), listing({ id: 20 })]
    engine.append([a!, b!, c!])
    expect(ids(engine, engine.query().rows)).toEqual([30, 20, 10])
    expect(ids(engine, engine.query({ sort: { field: 'createDate', direction: 'asc' } }).rows)).toEqual([10, 20, 30])
  })

  it('gives one product with many actions one grouped row per action run, with the worst type', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ actionId: 1, type: 2, createDate: at(8) }),
      listing({ actionId: 1, type: 3, createDate: at(9), description: 'Image was not uploaded.' }),
      listing({ actionId: 2, type: 1, createDate: at(10) }),
      listing({ actionId: 3, type: 4, createDate: at(11), action: 13 }),
      listing({ actionId: 3, type: 2, createDate: at(12), action: 13 }),
    ])
    const result = engine.query({ view: 'grouped' })
    expect(result.shown).toBe(3)
    expect(countsOf(result)).toEqual([2, 1, 2])
    expect(Array.from(result.worstTypes!)).toEqual([4, 1, 3])
    expect(result.membersOf(2).map((i) => engine.get(i).description)).toEqual([
      'Image was not uploaded.',
      'Item was Revised.',
    ])
  })

  it('returns an empty result when nothing matches', () => {
    const engine = new LogEngine('listing')
    engine.append([listing(), listing()])
    const result = engine.query({ filter: { types: [4] }, unique: true })
    expect(result.shown).toBe(0)
    expect(result.matched).toBe(0)
    expect(result.rows).toHaveLength(0)
    expect(result.typeCounts[4]).toBe(0)
    expect(result.membersOf(0)).toEqual([])
    expect(new LogEngine('order').query({ unique: true }).shown).toBe(0)
  })

  it('shows the latest matching member when a filter excludes the latest of the group', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ id: 501, createDate: at(15), initiator: 1 }),
      listing({ id: 502, createDate: at(11), initiator: 2 }),
      listing({ id: 503, createDate: at(9), initiator: 2 }),
    ])
    const result = engine.query({ unique: true, filter: { initiators: [2] } })
    expect(ids(engine, result.rows)).toEqual([502])
    expect(countsOf(result)).toEqual([2])
  })

  it('finds "błąd" when the merchant types "blad", in any case', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ description: 'Błąd: wartość atrybutu jest nieprawidłowa.' }),
      listing({ description: 'Item was Listed.' }),
    ])
    expect(engine.query({ filter: { message: 'BLAD' } }).shown).toBe(1)
    expect(engine.query({ filter: { message: 'wartosc atrybutu' } }).shown).toBe(1)
  })

  it('treats dashes, curly quotes and no-break spaces as the plain ones a merchant types, in every text filter', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ productTitle: 'Waterproof LED Bulb – Olive', description: 'Price “12\u00a0000” wasn’t set.' }),
      listing({ productTitle: 'Waterproof LED Bulb - Olive' }),
      listing({ productTitle: 'Waterproof LED Bulb Olive', listingTitle: 'Akcesoria — Wyprzedaż' }),
    ])
    expect(engine.query({ filter: { product: 'waterproof led bulb - olive' } }).matched).toBe(2)
    expect(engine.query({ filter: { product: 'Bulb – Olive' } }).matched).toBe(2)
    expect(engine.query({ filter: { message: 'price "12 000" wasn\'t' } }).matched).toBe(1)
    expect(engine.query({ filter: { listing: 'akcesoria - wyprzedaz' } }).matched).toBe(1)
    const orders = new LogEngine('order')
    orders.append([order({ ttsOrderId: '5764‑6141', magentoOrderNumber: '000–120' }), order()])
    expect(orders.query({ filter: { ttsOrder: '5764-61', magentoOrder: '000-1' } }).matched).toBe(1)
  })

  it('counts each type under every filter but the type filter, and still filters rows by type', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ createDate: at(0), type: 4 }),
      listing({ createDate: at(1), type: 4 }),
      listing({ createDate: at(2), type: 1 }),
      listing({ createDate: at(3), type: 2, description: 'Item was Listed.' }),
      listing({ createDate: at(4), type: 3, initiator: 1 }),
    ])
    const filter = { initiators: [2] }
    const histogram = { from: Date.parse(at(0)), to: Date.parse(at(24)) - 1, buckets: 1 }
    const anyType = engine.query({ unique: true, filter, histogram })
    const errors = engine.query({ unique: true, filter: { ...filter, types: [4] }, histogram })
    expect(anyType.typeCounts).toEqual({ 1: 1, 2: 1, 3: 0, 4: 2, 100: 0 })
    expect(errors.typeCounts).toEqual(anyType.typeCounts)
    expect(engine.query({ filter: { ...filter, types: [1, 2] } }).typeCounts).toEqual(anyType.typeCounts)
    // The rows, the matched records and the chart keep the type filter.
    expect(errors.matched).toBe(2)
    expect(errors.shown).toBe(1)
    expect(Array.from(errors.rows, (index) => engine.typeAt(index))).toEqual([4])
    // A slot per known type, then one for the types the app does not know.
    expect(Array.from(errors.histogram!)).toEqual([0, 0, 0, 2, 0, 0])
  })

  it('matches the message as shown, with params filled in', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({
        description: JSON.stringify({ string: 'Attribute "%a%" is required.', params: { a: 'Brand' }, links: [] }),
      }),
    ])
    expect(engine.query({ filter: { message: '"brand" is required' } }).shown).toBe(1)
    expect(engine.query({ filter: { message: '%a%' } }).shown).toBe(0)
  })

  it('matches a listing by title text or by its id', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ listingId: 7, listingTitle: 'Phone Cases' }),
      listing({ listingId: 8, listingTitle: 'Boots 7' }),
    ])
    expect(engine.query({ filter: { listing: '7' } }).shown).toBe(2)
    expect(engine.query({ filter: { listing: 'phone' } }).shown).toBe(1)
    expect(engine.query({ filter: { product: '1001' } }).shown).toBe(2)
  })

  it('matches order numbers of TikTok Shop and Magento', () => {
    const engine = new LogEngine('order')
    engine.append([
      order(),
      order({ orderId: 2, ttsOrderId: '111222', magentoOrderId: 9, magentoOrderNumber: '000000009' }),
    ])
    expect(engine.query({ filter: { ttsOrder: '7379' } }).shown).toBe(1)
    expect(engine.query({ filter: { magentoOrder: '0009' } }).shown).toBe(1)
  })

  it('keeps newest first when a refresh appends newer records', () => {
    const engine = new LogEngine('listing')
    engine.append([listing({ id: 2, createDate: at(10) }), listing({ id: 1, createDate: at(9) })])
    engine.append([listing({ id: 4, createDate: at(12) }), listing({ id: 3, createDate: at(11) })])
    engine.append([listing({ id: 5, createDate: at(10) })])
    expect(ids(engine, engine.query().rows)).toEqual([4, 3, 5, 2, 1])
    expect(engine.maxId()).toBe(5)
  })

  it('treats numbers as equal when asked: price revisions collapse together', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ description: 'Price was revised from 10.00 to 12.50.' }),
      listing({ description: 'Price was revised from 12.50 to 11.00.' }),
      listing({ description: 'QTY was revised from 5 to 4.' }),
    ])
    expect(engine.query({ unique: true }).shown).toBe(3)
    const equal = engine.query({ unique: true, numbersAsEqual: true })
    expect(equal.shown).toBe(2)
    // Same date: the QTY message (the newest id) comes first.
    expect(countsOf(equal)).toEqual([1, 2])
  })

  it('gives one Problems row per message shape across products, with its products, first seen, shops and worst type', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({
        createDate: at(9),
        description: "Attribute 'Brand' is invalid for 3 values.",
        listingProductId: 1,
        type: 3,
      }),
      listing({
        createDate: at(10),
        description: "Attribute 'Brand' is invalid for 7 values.",
        listingProductId: 2,
        type: 4,
        shopId: 2,
      }),
      listing({
        createDate: at(11),
        description: "Attribute 'Brand' is invalid for 3 values.",
        listingProductId: 1,
        type: 3,
      }),
      listing({ createDate: at(8), description: 'Item was Revised.', listingProductId: null }),
      listing({ createDate: at(12), description: 'Item was Revised.', listingProductId: 3 }),
    ])
    const problems = engine.query({ view: 'problems' })
    expect(problems.shown).toBe(2)
    // Newest last seen first: "Item was Revised." (12:00), then the Brand problem (11:00).
    expect(ids(engine, problems.rows)).toEqual([5, 3].map((k) => nextId - 6 + k))
    expect(countsOf(problems)).toEqual([2, 3])
    // A record without a product counts as a record, not as a product.
    expect(Array.from(problems.problems!.owners)).toEqual([1, 2])
    expect(Array.from(problems.problems!.firstSeen)).toEqual([Date.parse(at(8)), Date.parse(at(9))])
    expect(Array.from(problems.worstTypes!)).toEqual([1, 4])
    expect(problems.problems!.shopsOf(1)).toEqual([1, 2])
    // Sorted by products, most first; by count, fewest first.
    expect(countsOf(engine.query({ view: 'problems', sort: { field: 'owners', direction: 'desc' } }))).toEqual([3, 2])
    expect(countsOf(engine.query({ view: 'problems', sort: { field: 'count', direction: 'asc' } }))).toEqual([2, 3])
    // Drilling into the Brand problem: its records only, whatever their numbers.
    const key = problems.problems!.shapeKey(1)
    expect(key).toMatch(/^[0-9a-f]{8}$/)
    const drilled = engine.query({ filter: { shape: key }, unique: true, numbersAsEqual: true })
    expect(countsOf(drilled)).toEqual([2, 1])
    // New since 10:30: only the problem first seen after it (on any product) is new.
    expect(engine.query({ view: 'problems', newSince: Date.parse(at(10)) + 1, onlyNew: true }).shown).toBe(0)
    expect(engine.query({ view: 'problems', newSince: Date.parse(at(7)), onlyNew: true }).shown).toBe(2)
    const revised = problems.rows[0]!
    expect(engine.isNewAt(revised, Date.parse(at(7)), 'problems')).toBe(true)
    expect(engine.isNewAt(revised, Date.parse(at(8)), 'problems')).toBe(false)
  })

  it("names a problem's shops past the 31st too", () => {
    const engine = new LogEngine('listing')
    const shops = Array.from({ length: 40 }, (_, k) => 100 + k)
    engine.append(
      shops.map((shopId, k) =>
        listing({ createDate: at(k % 20), description: 'Stock is low.', shopId, listingProductId: k }),
      ),
    )
    expect([...engine.query({ view: 'problems' }).problems!.shopsOf(0)].sort((a, b) => a - b)).toEqual(shops)
    const few = new LogEngine('listing')
    few.append([listing({ shopId: 7 }), listing({ shopId: 9 }), listing({ shopId: 7 })])
    expect(few.query({ view: 'problems' }).problems!.shopsOf(0)).toEqual([7, 9])
  })

  it('keeps the Problems pass for a re-sort, and passes again when records come or the filters change', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ createDate: at(9), description: 'Stock is 3.', listingProductId: 1 }),
      listing({ createDate: at(10), description: 'Stock is 4.', listingProductId: 2 }),
      listing({ createDate: at(11), description: 'Title was revised.', listingProductId: 1, type: 4 }),
    ])
    expect(countsOf(engine.query({ view: 'problems' }))).toEqual([1, 2])
    expect(countsOf(engine.query({ view: 'problems', sort: { field: 'count', direction: 'desc' } }))).toEqual([2, 1])
    expect(engine.query({ view: 'problems', filter: { types: [4] } }).shown).toBe(1)
    engine.append([listing({ createDate: at(12), description: 'Stock is 9.', listingProductId: 3 })])
    const after = engine.query({ view: 'problems', sort: { field: 'count', direction: 'desc' } })
    expect(countsOf(after)).toEqual([3, 1])
    expect(Array.from(after.problems!.owners)).toEqual([3, 1])
    expect(after.membersOf(0)).toHaveLength(3)
  })

  it('sorts by product title, stable, newest first among equals', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ id: 1, createDate: at(1), productTitle: 'b' }),
      listing({ id: 2, createDate: at(2), productTitle: 'A' }),
      listing({ id: 3, createDate: at(3), productTitle: 'b' }),
    ])
    expect(ids(engine, engine.query({ sort: { field: 'productTitle', direction: 'asc' } }).rows)).toEqual([2, 3, 1])
    expect(ids(engine, engine.query({ sort: { field: 'productTitle', direction: 'desc' } }).rows)).toEqual([3, 1, 2])
  })

  it('counts per type and per time bucket over the filtered records', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ createDate: at(0), type: 4 }),
      listing({ createDate: at(1), type: 4 }),
      listing({ createDate: at(13), type: 2 }),
      listing({ createDate: at(23), type: 3, initiator: 1 }),
    ])
    const from = Date.parse(at(0))
    const to = Date.parse(at(24)) - 1
    const result = engine.query({ unique: true, filter: { initiators: [2] }, histogram: { from, to, buckets: 2 } })
    expect(result.typeCounts).toEqual({ 1: 0, 2: 1, 3: 0, 4: 2, 100: 0 })
    // bucket 0: two errors; bucket 1: one success. Slots: Info, Success, Warning, Error, Fatal, others.
    expect(Array.from(result.histogram!)).toEqual([0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0])
  })

  it('reads an order or an action run of 0 as none: such records never collapse or group together', () => {
    for (const orders of bothWays('order', [
      order({ id: 1, orderId: 0, description: 'Order import failed.' }),
      order({ id: 2, orderId: 0, description: 'Order import failed.' }),
      order({ id: 3, orderId: 7, description: 'Order import failed.' }),
      order({ id: 4, orderId: 7, description: 'Order import failed.' }),
    ])) {
      expect(orders.query({ unique: true }).shown).toBe(3)
      expect(orders.get(0)).toMatchObject({ orderId: 0 })
    }
    for (const runs of bothWays('listing', [
      listing({ id: 1, actionId: 0, listingProductId: 5001, description: 'A' }),
      listing({ id: 2, actionId: 0, listingProductId: 5001, description: 'B' }),
      listing({ id: 3, actionId: 9, listingProductId: 5001, description: 'C' }),
      listing({ id: 4, actionId: 9, listingProductId: 5001, description: 'D' }),
    ])) {
      expect(runs.query({ view: 'grouped' }).shown).toBe(3)
      expect(runs.get(0)).toMatchObject({ actionId: 0 })
      expect(runs.actionRunOf(0)).toEqual([0])
      expect(runs.actionRunOf(2)).toHaveLength(2)
    }
  })

  it('keeps codes a newer M2E writes: shows, filters and counts them apart, by their own number', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ createDate: at(0), type: 5, action: 97, initiator: 7 }),
      listing({ createDate: at(1), type: 5, action: 97 }),
      listing({ createDate: at(2), type: 60_000, action: 4 }),
      listing({ createDate: at(3), type: 4, action: 4 }),
    ])
    expect(engine.query().total).toBe(4)
    expect(engine.get(0)).toMatchObject({ type: 5, action: 97, initiator: 7 })
    expect(engine.codesHeld('types')).toEqual([4, 5, 60_000])
    expect(engine.codesHeld('actions')).toEqual([4, 97])
    expect(engine.codesHeld('initiators')).toEqual([2, 7])
    expect(engine.codesHeld('tasks')).toEqual([])
    // Each unknown type is counted by its code, apart from the known ones.
    const from = Date.parse(at(0))
    const all = engine.query({ histogram: { from, to: from + 4 * 3_600_000 - 1, buckets: 1 } })
    expect(all.typeCounts).toEqual({ 1: 0, 2: 0, 3: 0, 4: 1, 100: 0, 5: 2, 60_000: 1 })
    expect(Array.from(all.histogram!)).toEqual([0, 0, 0, 1, 0, 3])
    // Filtered by an unknown code like any other.
    expect(engine.query({ filter: { actions: [97] } }).matched).toBe(2)
    expect(engine.query({ filter: { types: [60_000] } }).matched).toBe(1)
    expect(engine.query({ filter: { initiators: [7] } }).matched).toBe(1)
    // An unknown type ranks below every known one in the grouped view's worst type.
    const grouped = new LogEngine('listing')
    grouped.append([
      listing({ id: 1, createDate: at(0), type: 5, actionId: 9 }),
      listing({ id: 2, createDate: at(1), type: 1, actionId: 9 }),
    ])
    expect(Array.from(grouped.query({ view: 'grouped' }).worstTypes!)).toEqual([1])
    // Codes held are read again after an append.
    engine.append([listing({ createDate: at(4), action: 120 })])
    expect(engine.codesHeld('actions')).toEqual([4, 97, 120])
  })

  it('returns each record as the API sent it', () => {
    const engine = new LogEngine('listing')
    const record = listing({ productId: null, productTitle: null, listingProductId: null })
    engine.append([record])
    expect(engine.get(0)).toEqual(record)
  })
})

describe('"#id" in the listing and product filters (the drawer’s "Filter")', () => {
  it('matches that id only, not titles holding its digits', () => {
    const engine = new LogEngine('listing')
    engine.append([
      listing({ listingId: 7, listingTitle: 'Summer', productId: 1001, productTitle: 'Dress' }),
      listing({ listingId: 8, listingTitle: 'Pack of 7 bulbs', productId: 1002, productTitle: 'Cable 1001' }),
    ])
    const ids = (filter: Parameters<typeof engine.query>[0]) =>
      Array.from(engine.query(filter).rows, (i) => engine.get(i).listingId)
    expect(ids({ filter: { listing: '#7' } })).toEqual([7])
    expect(ids({ filter: { product: '#1001' } })).toEqual([7])
    // A plain number still matches the id or a title holding it.
    expect(ids({ filter: { listing: '7' } }).sort()).toEqual([7, 8])
    expect(ids({ filter: { product: '1001' } }).sort()).toEqual([7, 8])
  })
})

describe('memory held', () => {
  /** Bytes of every typed array reachable from the engine (each buffer once). */
  function typedBytes(root: object): number {
    const buffers = new Set<ArrayBufferLike>()
    const seen = new Set<object>()
    const walk = (value: unknown) => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return
      seen.add(value)
      if (ArrayBuffer.isView(value)) return void buffers.add(value.buffer)
      const entries = value instanceof Map ? [...value.values()] : Object.values(value)
      for (const entry of entries) walk(entry)
    }
    walk(root)
    return [...buffers].reduce((sum, buffer) => sum + buffer.byteLength, 0)
  }

  it('the Problems view’s working arrays are made on its first use, not for every query', () => {
    const engine = new LogEngine('listing')
    const n = 20_000
    engine.reserve(n)
    engine.append(Array.from({ length: n }, (_, i) => listing({ listingProductId: 5001 + (i % 500) })))
    const before = typedBytes(engine)
    engine.query({ unique: true })
    const separated = typedBytes(engine)
    engine.query({ view: 'problems' })
    // The working arrays of any view (rows, counts, last member, worst type): 14 bytes a record;
    // and the pass kept for the next query (sorted again, or the view come back to): its member
    // chains, 4 more.
    expect(separated - before).toBeLessThan(20 * n)
    // The Problems figures (products, first seen, shops) come with the view: 16 bytes a record more.
    expect(typedBytes(engine) - separated).toBeGreaterThanOrEqual(16 * n)
  })
})

describe('the passes a LogEngine keeps', () => {
  /** What a result shows: its rows (ids, counts, members) and its figures. */
  const shown = (engine: LogEngine, result: QueryResult) => ({
    rows: ids(engine, result.rows),
    counts: countsOf(result),
    members: Array.from(result.rows, (_, row) => ids(engine, Uint32Array.from(result.membersOf(row)))),
    total: result.total,
    matched: result.matched,
    newCount: result.newCount,
    typeCounts: result.typeCounts,
    histogram: result.histogram && Array.from(result.histogram),
  })
  const records = () =>
    Array.from({ length: 60 }, (_, i) =>
      listing({
        createDate: new Date(Date.UTC(2026, 10, 10, i % 24, i)).toISOString(),
        description: ['Item was Revised.', 'Price was revised from 3 to 4.', 'Item was Listed.'][i % 3],
        listingProductId: 1 + (i % 7),
        type: 1 + (i % 4),
      }),
    )
  const histogram = { from: Date.UTC(2026, 10, 10), to: Date.UTC(2026, 10, 11), buckets: 4 }
  /** An engine holding the records, and what a fresh engine with the same records shows for a query. */
  const heldAndFresh = () => {
    const all = records()
    const engine = new LogEngine('listing')
    engine.append(all)
    const fresh = (options: LogQueryOptions) => {
      const other = new LogEngine('listing')
      other.append(all)
      return shown(other, other.query(options))
    }
    return { engine, fresh }
  }

  it('gives the unique checkbox ticked off and on again the rows of a fresh pass, without passing again', () => {
    // Under a filter, each view is a pass. Over no filter, the view ticked off is none either: it
    // is read off the unique pass's figures, its rows the date order.
    const filters: [LogFilter, number][] = [
      [{ types: [1, 4] }, 2],
      [{}, 1],
    ]
    for (const [filter, made] of filters) {
      const { engine, fresh } = heldAndFresh()
      const passes = vi.spyOn(engine as unknown as { aggregate: () => unknown }, 'aggregate')
      try {
        const unique = { unique: true, histogram, newSince: Date.UTC(2026, 10, 10, 12), filter }
        const plain = { ...unique, unique: false }
        expect(shown(engine, engine.query(unique))).toEqual(fresh(unique))
        expect(shown(engine, engine.query(plain))).toEqual(fresh(plain))
        expect(passes).toHaveBeenCalledTimes(made)
        // Back and forth: each view read from what was kept, as a fresh pass gives it.
        for (let i = 0; i < 3; i++) {
          expect(shown(engine, engine.query(unique))).toEqual(fresh(unique))
          expect(shown(engine, engine.query(plain))).toEqual(fresh(plain))
        }
        // Sorted again: the same pass, in the new order.
        const byProduct = { ...unique, sort: { field: 'productTitle', direction: 'asc' } } as const
        expect(shown(engine, engine.query(byProduct))).toEqual(fresh(byProduct))
        expect(passes).toHaveBeenCalledTimes(made)
      } finally {
        passes.mockRestore()
      }
    }
  })

  it('readying the search (warmSearch) keeps nothing: the rows kept, the texts not folded, the next search as fresh', () => {
    const { engine, fresh } = heldAndFresh()
    const errors = { unique: true, histogram, filter: { types: [4] } }
    const kept = engine.query(errors)
    const before = shown(engine, kept)
    const texts = (engine as unknown as { texts: { foldedOf: string[] } }).texts
    // Another view's pass, with every message let through: none of it may reach the rows held.
    const passes = vi.spyOn(engine as unknown as { aggregate: (...args: unknown[]) => unknown }, 'aggregate')
    engine.warmSearch(errors)
    engine.warmSearch({ unique: false, histogram })
    // Each a pass with a message filter, in working arrays of its own, sized to the records held.
    expect(passes).toHaveBeenCalledTimes(2)
    for (const [query, , warm] of passes.mock.calls as [LogQueryOptions, unknown, { scratch: object }][]) {
      expect(query.filter?.message).toBe('e')
      expect(warm.scratch).not.toBe((engine as unknown as { scratch: object }).scratch)
    }
    passes.mockRestore()
    expect(shown(engine, kept)).toEqual(before)
    expect(shown(engine, engine.query(errors))).toEqual(fresh(errors))
    expect(texts.foldedOf).toHaveLength(0)
    const searched = { ...errors, filter: { types: [4], message: 'revised' } }
    expect(shown(engine, engine.query(searched))).toEqual(fresh(searched))
  })

  it('hands out the date order itself when nothing is collapsed or filtered out, and it stays as it was when records merge in', () => {
    const all = records()
    // The records held run to 23:47 on the 10th: these are newer than all of them (a live refresh).
    const newer = [
      listing({ createDate: new Date(Date.UTC(2026, 10, 11, 1)).toISOString() }),
      listing({ createDate: new Date(Date.UTC(2026, 10, 11, 0)).toISOString() }),
    ]
    const among = [listing({ createDate: new Date(Date.UTC(2026, 10, 10, 5, 30)).toISOString() })]
    const engine = new LogEngine('listing')
    engine.append(all)
    const tables = (engine as unknown as { t: { dateOrder: Uint32Array } }).t
    const plain = { unique: false, histogram }
    const whole = engine.query(plain)
    // Shared, not copied: the rows are a view of the engine's own date order.
    expect(whole.rows.buffer).toBe(tables.dateOrder.buffer)
    const before = shown(engine, whole)
    expect(before.rows).toHaveLength(all.length)
    // Nothing collapses: no counts are made (each row is one record).
    expect(whole.counts).toBeNull()
    // The view of the unique checkbox, then back: what was handed out was not written.
    engine.query({ unique: true, histogram })
    expect(shown(engine, engine.query(plain))).toEqual(before)
    // A live refresh (records newer than all held), then a record dated among those held: the
    // records held move in the date order, and what was handed out keeps its own.
    engine.append(newer)
    expect(shown(engine, whole)).toEqual(before)
    const refreshed = engine.query(plain)
    expect(refreshed.rows.buffer).toBe(tables.dateOrder.buffer)
    const afterRefresh = shown(engine, refreshed)
    expect(afterRefresh.rows.slice(2)).toEqual(before.rows)
    engine.append(among)
    expect(shown(engine, whole)).toEqual(before)
    expect(shown(engine, refreshed)).toEqual(afterRefresh)
    const other = new LogEngine('listing')
    other.append(all)
    other.append(newer)
    other.append(among)
    expect(shown(engine, engine.query(plain))).toEqual(shown(other, other.query(plain)))
  })

  it('copies the rows of a pass that filtered some out: the next pass writes its working arrays again', () => {
    const { engine, fresh } = heldAndFresh()
    const errors = { unique: false, filter: { types: [4] } }
    const result = engine.query(errors)
    const before = shown(engine, result)
    expect(before).toEqual(fresh(errors))
    engine.query({ unique: false, filter: { types: [1] } })
    engine.query({ unique: false, filter: { types: [2, 3] } })
    expect(shown(engine, result)).toEqual(before)
  })

  it('ticks the unique checkbox off over no filter from the figures of the pass before, and only when nothing else changed', () => {
    const at = (hour: number) => new Date(Date.UTC(2026, 10, 10, hour)).toISOString()
    // Newest first. Product 1's two prices differ only in their numbers, so "new since 05:00" is
    // one message of its own, or not, by numbers as equal; product 2's message repeats.
    const all = [
      listing({ createDate: at(12), listingProductId: 3, type: 3, description: 'Item was Revised.' }),
      listing({ createDate: at(11), listingProductId: 2, type: 4, description: 'Item was Listed.' }),
      listing({ createDate: at(10), listingProductId: 1, type: 1, description: 'Price was revised from 5 to 6.' }),
      listing({ createDate: at(2), listingProductId: 2, type: 4, description: 'Item was Listed.' }),
      listing({ createDate: at(1), listingProductId: 1, type: 1, description: 'Price was revised from 3 to 4.' }),
    ]
    const later = [listing({ createDate: at(13), listingProductId: 1, type: 4, description: 'Item was Listed.' })]
    const since = Date.UTC(2026, 10, 10, 5)
    const halves = { from: Date.UTC(2026, 10, 10), to: Date.UTC(2026, 10, 11), buckets: 2 }
    const engineOf = (held: EngineListingRecord[]) => {
      const engine = new LogEngine('listing')
      engine.append(held)
      return engine
    }
    /** What a fresh engine holding `held` shows for `options`. */
    const fresh = (held: EngineListingRecord[], options: LogQueryOptions) => {
      const engine = engineOf(held)
      return shown(engine, engine.query(options))
    }
    const off = { unique: false, histogram, newSince: since }
    // The figures are read, not counted again: the pass before's own histogram.
    const engine = engineOf(all)
    const before = engine.query({ ...off, unique: true })
    const result = engine.query(off)
    expect(result.histogram).toBe(before.histogram)
    expect(shown(engine, result)).toEqual(fresh(all, off))
    expect(result.newCount).toBe(2)
    // After each first query, the second shows what a fresh engine shows: every part of the query
    // the figures depend on changed in turn.
    const cases: [LogQueryOptions, LogQueryOptions][] = [
      [{ ...off, unique: true, newSince: Date.UTC(2026, 10, 10, 11, 30) }, off],
      [{ ...off, unique: true, numbersAsEqual: true }, off],
      [{ ...off, view: 'problems' }, off],
      [{ ...off, unique: true, histogram: halves }, off],
      [
        { ...off, unique: true },
        { ...off, onlyNew: true },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { types: [4] } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { from: Date.UTC(2026, 10, 10, 9) } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { message: 'listed' } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { listingProductId: 2 } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { accountId: 2 } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { shopId: 2 } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { initiators: [1] } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { actions: [1] } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { listing: 'winter' } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { product: 'shirt' } },
      ],
      [
        { ...off, unique: true },
        { ...off, filter: { shape: 'no-such-shape' } },
      ],
      // From other views' passes over no filter: the grouped view, and Problems with no last visit
      // (their figures then share the key of the view ticked off).
      [{ ...off, view: 'grouped' }, off],
      [
        { unique: false, histogram, view: 'problems' },
        { unique: false, histogram },
      ],
    ]
    for (const [first, second] of cases) {
      const engine = engineOf(all)
      engine.query(first)
      expect(shown(engine, engine.query(second)), JSON.stringify([first, second])).toEqual(fresh(all, second))
    }
    // The order log: the same on orders.
    const orders = [
      order({ createDate: at(12), orderId: 1, type: 4 }),
      order({ createDate: at(3), orderId: 1, type: 4 }),
      order({ createDate: at(2), orderId: 2, type: 1, description: 'Order was imported.' }),
    ]
    const orderEngine = new LogEngine('order')
    orderEngine.append(orders)
    orderEngine.query({ ...off, unique: true })
    const freshOrders = new LogEngine('order')
    freshOrders.append(orders)
    expect(shown(orderEngine, orderEngine.query(off))).toEqual(shown(freshOrders, freshOrders.query(off)))
    // The synchronization log, where nothing collapses: a last visit JSON would write as null
    // (-Infinity) is not taken for none.
    const syncs = [3, 2, 1].map((hour) => synchronizationRecord({ id: nextId++, createDate: at(hour) }))
    const syncEngine = new LogEngine('synchronization')
    syncEngine.append(syncs)
    syncEngine.query({ histogram })
    const sinceEver = { histogram, newSince: -Infinity }
    expect(syncEngine.query(sinceEver).newCount).toBe(3)
    // Records appended between the two.
    const grown = engineOf(all)
    grown.query({ ...off, unique: true })
    grown.append(later)
    expect(shown(grown, grown.query(off))).toEqual(
      shown(engineOf([...later, ...all]), engineOf([...later, ...all]).query(off)),
    )
  })

  it('passes again when anything but the sort changed: a filter, numbers as equal, new records, another view between', () => {
    const all = records()
    const engine = new LogEngine('listing')
    engine.append(all.slice(0, 50))
    const passes = vi.spyOn(engine as unknown as { aggregate: () => unknown }, 'aggregate')
    try {
      const expectFresh = (options: LogQueryOptions, held: number) => {
        const other = new LogEngine('listing')
        other.append(all.slice(0, held))
        expect(shown(engine, engine.query(options))).toEqual(shown(other, other.query(options)))
      }
      expectFresh({ unique: true }, 50)
      expectFresh({ unique: false }, 50)
      expectFresh({ unique: true, numbersAsEqual: true }, 50)
      expectFresh({ unique: true, filter: { types: [4] } }, 50)
      expectFresh({ unique: false, filter: { types: [4] } }, 50)
      expectFresh({ view: 'problems', filter: { types: [4] } }, 50)
      expectFresh({ unique: true, filter: { types: [4] } }, 50)
      engine.append(all.slice(50))
      expectFresh({ unique: false, filter: { types: [4] } }, 60)
      expectFresh({ unique: true, filter: { types: [4] } }, 60)
      // Each query above changed something: each is a pass of its own, but for the checkbox ticked
      // off over no filter, read off the figures of the unique pass before it.
      expect(passes).toHaveBeenCalledTimes(8)
    } finally {
      passes.mockRestore()
    }
  })
})
