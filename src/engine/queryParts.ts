/** The query's parts around its one pass: working arrays, display order, rows' members, figures. */
import type { RecordKeys } from './keys'
import type { RecordLayout } from './layouts'
import type { RecordTables } from './tables'
import { CODE_MAX, TYPE_SLOT_TABLE } from '../api/codes'
import { TYPE_CODES, type EngineKind, type LogQueryOptions, type ProblemFigures, type QueryResult } from './types'

/**
 * Severity rank for the grouped view's worst type: Error > Warning > Success > Info, and a type
 * the lists do not know below them all (it says nothing of how bad it is).
 */
export const SEVERITY = new Uint8Array(CODE_MAX + 1)
TYPE_CODES.forEach((code, rank) => (SEVERITY[code] = rank + 1))

/** Slot of a type code in per-type counts and histograms (TYPE_CODES order, then the others'). */
export const TYPE_SLOT = TYPE_SLOT_TABLE

/** What a query's rows collapse on (LogEngine.rowKeysOf): a key per record, and how many keys. */
export interface RowKeys {
  view: 'grouped' | 'problems' | 'unique' | null
  keys: Uint32Array | null
  count: number
}

/**
 * One pass over the records: its rows unordered (row `r` is `rows[r]`, built newest first), with
 * their counts and, by view, worst types and Problems figures; then what the whole pass counted.
 * Its arrays may be longer than `shown`.
 *
 * Every pass is made as a whole literal, its fields in this order (LogEngine.aggregate, detach,
 * wholePass), never spread and overwritten: V8 takes an overwritten field for one written twice,
 * and drops the optimised code of the pass that made such objects (measured: the first search
 * after the unique checkbox was ticked off waited for it to be compiled again).
 */
export interface Pass {
  /**
   * Its per-row arrays are the engine's scratch arrays, which the next pass writes again: a
   * result, or a pass kept, copies them. Otherwise they are its own, or a view that is never
   * written again (the date order), and are shared as they are.
   */
  inScratch: boolean
  rows: Uint32Array
  /** Null when the pass collapses nothing (each row is one record). */
  counts: Uint32Array | null
  worst: Uint16Array | null
  owners: Uint32Array | null
  firstSeen: Float64Array | null
  /** Problems: the shops of each row's records, a bit per interned shop (bit 31: the 32nd on). */
  shopBits: Uint32Array | null
  /** Each member's next (record index + 1; 0 ends a row's chain). */
  nextMember: Uint32Array | null
  total: number
  matched: number
  shown: number
  newCount: number
  typeCounts: Record<number, number>
  histogram: Uint32Array | null
}

/** What a pass counts of the records it lets through, the same whatever its rows collapse on. */
export type PassFigures = Pick<Pass, 'total' | 'matched' | 'newCount' | 'typeCounts' | 'histogram'>

/**
 * What a Problems pass fills per row besides the counts: the distinct products (or orders) met,
 * via each record's (owner, shape) pair and a mark per pair; the oldest date met (the pass goes
 * newest first); the shops met, a bit per shop (bit 31: one of the 31st shop on, named then by
 * reading the row's records). All null in the other views.
 */
export function problemColumns(problems: boolean, keys: RecordKeys, scratch: QueryScratch, t: RecordTables) {
  const pairs = problems ? keys.ownerShapePairs() : null
  const figures = problems ? scratch.problemBuffers(t) : null
  return {
    pairKeys: pairs?.keys ?? null,
    pairSeen: pairs ? new Uint8Array(pairs.count) : null,
    owned: figures?.owners ?? null,
    oldest: figures?.oldest ?? null,
    shopBits: figures?.shopBits ?? null,
  }
}

/**
 * The pass of a view that collapses nothing over no filter, from the figures of an earlier pass
 * over no filter: every record a row, in the date order (`dateOrder`, a view never written again).
 */
export function wholePass(dateOrder: Uint32Array, n: number, figures: PassFigures): Pass {
  const { total, matched, newCount, typeCounts, histogram } = figures
  return {
    inScratch: false,
    rows: dateOrder,
    counts: null,
    worst: null,
    owners: null,
    firstSeen: null,
    shopBits: null,
    nextMember: null,
    total,
    matched,
    shown: n,
    newCount,
    typeCounts,
    histogram,
  }
}

/**
 * What "new since the last visit" groups on: its product's message (numbers as equal or not); in
 * the Problems view its shape on any product. Null: no visit, or a log without owners.
 */
export function newGrouping(options: LogQueryOptions, layout: RecordLayout<EngineKind>, problems: boolean) {
  if ((options.newSince ?? null) === null || layout.owner === null) return null
  return problems ? 'problems' : (options.numbersAsEqual ?? false)
}

/** A pass of its own, off the scratch arrays (the next query reuses them). */
export function detach(pass: Pass): Pass {
  if (!pass.inScratch) return pass
  const own = <A extends Uint32Array | Uint16Array | Float64Array>(column: A | null): A | null =>
    column && (column.slice(0, pass.shown) as A)
  const { nextMember, total, matched, shown, newCount, typeCounts, histogram } = pass
  return {
    inScratch: false,
    rows: own(pass.rows)!,
    counts: own(pass.counts),
    worst: own(pass.worst),
    owners: own(pass.owners),
    firstSeen: own(pass.firstSeen),
    shopBits: own(pass.shopBits),
    nextMember,
    total,
    matched,
    shown,
    newCount,
    typeCounts,
    histogram,
  }
}

/**
 * A key of a query's parts: JSON, with numbers JSON cannot write (Infinity, -Infinity, NaN) as
 * text, not as null (a last visit of -Infinity is not no last visit).
 */
export const partsKey = (parts: unknown[]): string =>
  JSON.stringify(parts, (_, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  )

/**
 * What a pass of the other views depends on besides the records held (`count` of them): the
 * view, and all of the query but the sort.
 */
export function viewKey(options: LogQueryOptions, view: RowKeys['view'], count: number): string {
  const { filter, newSince, onlyNew, histogram, numbersAsEqual } = options
  return partsKey([
    view,
    numbersAsEqual ?? false,
    count,
    filter ?? {},
    newSince ?? null,
    onlyNew ?? false,
    histogram ?? null,
  ])
}

/** What a Problems pass depends on besides the records held (`count` of them): all but the sort. */
export function problemsKey(options: LogQueryOptions, count: number): string {
  const { filter, newSince, onlyNew, histogram } = options
  return partsKey([count, filter ?? {}, newSince ?? null, onlyNew ?? false, histogram ?? null])
}

/** A set of per-record arrays, made again only when the records outgrow it. */
function refitted<T extends Record<string, { length: number }>>(
  held: T | null,
  t: RecordTables,
  make: (size: number) => T,
  exact: boolean,
): T {
  const first = held && Object.values(held)[0]!
  return first && first.length >= t.count ? held : make(exact ? t.count : Math.max(t.capacity, t.count))
}

/** A pass of LogEngine.warmSearch: its own working arrays, and every message let through unsearched. */
export interface WarmPass {
  scratch: QueryScratch
  everyMessage: Uint8Array
}

/** Working arrays reused by every query, so a query allocates only what its result keeps. */
export class QueryScratch {
  /**
   * @param exact arrays for the records held, not the room reserved for a whole load (a pass of
   * its own, made once: a loading log's room may be millions of records)
   */
  constructor(private readonly exact = false) {}

  private held: { rows: Uint32Array; counts: Uint32Array; lastMember: Uint32Array; worst: Uint16Array } | null = null
  /**
   * The Problems view's per-row figures, made on its first use: 16 bytes a record that a log
   * never looked at as problems does not hold.
   */
  private problemsHeld: { owners: Uint32Array; oldest: Float64Array; shopBits: Uint32Array } | null = null

  buffers(t: RecordTables) {
    return (this.held = refitted(
      this.held,
      t,
      (size) => ({
        rows: new Uint32Array(size),
        counts: new Uint32Array(size),
        lastMember: new Uint32Array(size),
        worst: new Uint16Array(size),
      }),
      this.exact,
    ))
  }

  problemBuffers(t: RecordTables) {
    return (this.problemsHeld = refitted(
      this.problemsHeld,
      t,
      (size) => ({
        owners: new Uint32Array(size),
        oldest: new Float64Array(size),
        shopBits: new Uint32Array(size),
      }),
      this.exact,
    ))
  }
}

/**
 * Rows `0..shown` of a per-row column in display order: a copy, or in the order they were built a
 * view when the column is not in the scratch arrays (which the next query writes again).
 */
export function inOrder<A extends Uint32Array | Uint16Array | Float64Array>(
  column: A,
  order: Uint32Array | null,
  shown: number,
  inScratch: boolean,
): A {
  if (!order) return (inScratch ? column.slice(0, shown) : column.subarray(0, shown)) as A
  const out = new (column.constructor as new (length: number) => A)(shown)
  for (let k = 0; k < shown; k++) out[k] = column[order[k]!]!
  return out
}

/** A row's members, newest first, from its newest record along the query's member chain. */
export function membersFrom(first: number | undefined, nextMember: Uint32Array | null): number[] {
  if (first === undefined) return []
  if (!nextMember) return [first]
  const members: number[] = []
  for (let i = first; ;) {
    members.push(i)
    const next = nextMember[i]!
    if (next === 0) break
    i = next - 1
  }
  return members
}

/** Records per type code, from the per-slot counts and the counts of types the lists do not know. */
export function typeCountsOf(perSlot: Float64Array, others: Map<number, number>): Record<number, number> {
  const perType: Record<number, number> = {}
  TYPE_CODES.forEach((code, slot) => (perType[code] = perSlot[slot]!))
  for (const [code, count] of others) perType[code] = count
  return perType
}

/** The Problems rows' figures, with their shapes' keys and shops read when asked for. */
export function problemFigures(
  t: RecordTables,
  keys: RecordKeys,
  rows: {
    rows: Uint32Array
    owners: Uint32Array
    firstSeen: Float64Array
    shopBits: Uint32Array
    nextMember: Uint32Array
  },
): ProblemFigures {
  const shops = new Map<number, number[]>()
  return {
    owners: rows.owners,
    firstSeen: rows.firstSeen,
    shapeKey: (row) => {
      const index = rows.rows[row]
      return index === undefined ? '' : keys.shapeUrlKey(keys.shapeOf(t.messages[index]!))
    },
    shopsOf: (row) => {
      let list = shops.get(row)
      if (!list) {
        const bits = rows.shopBits[row] ?? 0
        const seen = new Set<number>()
        // The usual case, a few shops: named from the row's bits, no record read.
        for (let shop = 1; shop < 31; shop++) if (bits & (1 << shop)) seen.add(t.shopIds.keys[shop]!)
        // The 31st shop on: named by reading the row's records.
        if (bits & (1 << 31))
          for (const i of membersFrom(rows.rows[row], rows.nextMember)) seen.add(t.shopIds.keys[t.shops[i]!]!)
        shops.set(row, (list = [...seen]))
      }
      return list
    },
  }
}

/** A pass's rows in `order` (null: as built), as a query's result. */
export function resultOf(t: RecordTables, keys: RecordKeys, pass: Pass, order: Uint32Array | null): QueryResult {
  const { rows, counts, worst, owners, firstSeen, shopBits, nextMember, shown } = pass
  const pick = <A extends Uint32Array | Uint16Array | Float64Array>(column: A): A =>
    inOrder(column, order, shown, pass.inScratch)
  const finalRows = pick(rows)
  const figures =
    owners && firstSeen && shopBits
      ? problemFigures(t, keys, {
          rows: finalRows,
          owners: pick(owners),
          firstSeen: pick(firstSeen),
          shopBits: pick(shopBits),
          nextMember: nextMember!,
        })
      : null
  return {
    rows: finalRows,
    counts: counts && pick(counts),
    worstTypes: worst ? pick(worst) : null,
    total: pass.total,
    matched: pass.matched,
    shown,
    newCount: pass.newCount,
    typeCounts: pass.typeCounts,
    histogram: pass.histogram,
    problems: figures,
    membersOf: (row: number) => membersFrom(finalRows[row], nextMember),
  }
}
