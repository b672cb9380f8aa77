import { describe, expect, it } from 'vitest'
import { LogEngine, TYPE_SLOTS, type EngineListingRecord, type EngineSynchronizationRecord } from '@/engine'
import { listingRecord } from '../../fixtures/records'

/** "New since the last visit": a record is new when its unique grouping first happened after it. */
let nextId = 1
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`
function listing(d: number, description: string, listingProductId: number | null, type = 4): EngineListingRecord {
  return listingRecord({
    id: nextId++,
    createDate: day(d),
    type,
    initiator: 2,
    description,
    accountId: 1,
    shopId: 1,
    listingId: 1,
    listingTitle: 'Summer Dresses',
    productId: listingProductId === null ? null : 1000 + listingProductId,
    productTitle: 'Maxi Dress',
    listingProductId,
    action: 15,
    actionId: 100 + nextId,
  })
}
const VISIT = Date.parse('2026-11-20T00:00:00.000Z')

function engineWith(records: EngineListingRecord[]) {
  const engine = new LogEngine('listing')
  engine.append(records)
  return engine
}

describe('new since the last visit', () => {
  // Product 1's "Stock low" began before the visit and goes on after it: not new.
  // Product 1's "Price 10" and product 2's "Stock low" first happened after it: new.
  // A record of no product is its own grouping: new when it is after the visit.
  const records = [
    listing(25, 'Price 10', 1, 1),
    listing(24, 'Stock low', 1),
    listing(23, 'Stock low', 2),
    listing(22, 'Stock low', 2),
    listing(21, 'Price 11', 1, 1),
    listing(20, 'Orphan', null, 3),
    listing(10, 'Stock low', 1),
    listing(9, 'Price 12', 1, 1),
    listing(8, 'Orphan', null, 3),
  ]

  it('counts the new records under the filters, and marks each row', () => {
    const engine = engineWith(records)
    const result = engine.query({ unique: true, newSince: VISIT })
    // Price 10, Stock low of 2 (twice), Price 11, the later Orphan.
    expect(result.newCount).toBe(5)
    const fresh = Array.from(result.rows, (index) => engine.get(index).description + ':' + engine.isNewAt(index, VISIT))
    expect(fresh).toEqual([
      'Price 10:true',
      'Stock low:false',
      'Stock low:true',
      'Price 11:true',
      'Orphan:true',
      'Price 12:false',
      'Orphan:false',
    ])
    expect(engine.query({ unique: true, newSince: VISIT, filter: { types: [4] } }).newCount).toBe(2)
  })

  it('onlyNew leaves the new records; the type counts and the histogram follow', () => {
    const engine = engineWith(records)
    const from = Date.parse(day(1))
    const result = engine.query({
      unique: true,
      newSince: VISIT,
      onlyNew: true,
      histogram: { from, to: from + 30 * 86_400_000 - 1, buckets: 30 },
    })
    expect(result.shown).toBe(4)
    expect(result.matched).toBe(5)
    expect(result.typeCounts).toMatchObject({ 1: 2, 3: 1, 4: 2 })
    const perDay = (d: number) =>
      result.histogram!.slice((d - 1) * TYPE_SLOTS, d * TYPE_SLOTS).reduce((a, b) => a + b, 0)
    expect([perDay(10), perDay(20), perDay(21), perDay(22), perDay(23), perDay(25)]).toEqual([0, 1, 1, 1, 1, 1])
  })

  it('without a last visit nothing is new: onlyNew leaves nothing', () => {
    const engine = engineWith(records)
    expect(engine.query({ unique: true, newSince: null }).newCount).toBe(0)
    expect(engine.query({ unique: true, newSince: null, onlyNew: true }).matched).toBe(0)
  })

  it('with numbers as equal, "Price 10" is the grouping of "Price 12", which is old', () => {
    const engine = engineWith(records)
    expect(engine.query({ unique: true, newSince: VISIT, numbersAsEqual: true }).newCount).toBe(3)
    const price10 = engine.query({ unique: false }).rows[0]!
    expect(engine.isNewAt(price10, VISIT, true)).toBe(false)
    expect(engine.isNewAt(price10, VISIT, false)).toBe(true)
  })

  it('an older record arriving later makes its grouping old (first happened is the earliest held)', () => {
    const engine = engineWith(records.slice(0, 4))
    expect(engine.query({ newSince: VISIT }).newCount).toBe(4)
    engine.append([listing(3, 'Stock low', 2)])
    expect(engine.query({ newSince: VISIT }).newCount).toBe(2)
  })

  it('a log with no unique grouping (synchronization) marks each record by its own date', () => {
    const engine = new LogEngine('synchronization')
    const sync = (d: number): EngineSynchronizationRecord => ({
      id: nextId++,
      createDate: day(d),
      type: 4,
      initiator: 2,
      description: 'Same message',
      task: 2,
      detailedDescription: null,
      operationHistoryId: null,
    })
    engine.append([sync(22), sync(5)])
    expect(engine.query({ newSince: VISIT }).newCount).toBe(1)
    expect(engine.query({ newSince: VISIT, onlyNew: true }).shown).toBe(1)
  })

  it('a grouping that first happened exactly at the last visit is not new: it was there to be seen', () => {
    const atVisit = (description: string, listingProductId: number | null) => ({
      ...listing(1, description, listingProductId),
      createDate: new Date(VISIT).toISOString(),
    })
    // Product 3's "Stock low" began at the visit's very millisecond and goes on after it; the
    // record of no product is its own grouping, at the visit too. Only the later "Price 13" is new.
    const engine = engineWith([
      listing(22, 'Price 13', 3, 1),
      listing(21, 'Stock low', 3),
      atVisit('Stock low', 3),
      atVisit('Orphan', null),
    ])
    expect(engine.query({ unique: false, newSince: VISIT }).newCount).toBe(1)
    expect(engine.query({ unique: true, newSince: VISIT, onlyNew: true }).shown).toBe(1)
    const rows = engine.query({ unique: false }).rows
    expect(Array.from(rows, (index) => engine.isNewAt(index, VISIT))).toEqual([true, false, false, false])
    // The same for a log without groupings: a record at the visit is not new.
    const sync = new LogEngine('synchronization')
    sync.append([
      {
        id: nextId++,
        createDate: new Date(VISIT).toISOString(),
        type: 4,
        initiator: 2,
        description: 'At the visit',
        task: 2,
        detailedDescription: null,
        operationHistoryId: null,
      },
    ])
    expect(sync.query({ newSince: VISIT }).newCount).toBe(0)
    expect(sync.isNewAt(sync.query({}).rows[0]!, VISIT)).toBe(false)
  })
})
