/** The query's parts around its one pass: working arrays, display order, rows' members, figures. */
import type { RecordKeys } from './keys'
import type { RecordTables } from './tables'
import { TYPE_CODES, type ProblemFigures } from './types'

/** Working arrays reused by every query, so a query allocates only what its result keeps. */
export class QueryScratch {
  private held: {
    rows: Uint32Array
    counts: Uint32Array
    lastMember: Uint32Array
    worst: Uint16Array
    owners: Uint32Array
    oldest: Float64Array
  } | null = null

  buffers(t: RecordTables) {
    if (!this.held || this.held.rows.length < t.count) {
      const size = Math.max(t.capacity, t.count)
      this.held = {
        rows: new Uint32Array(size),
        counts: new Uint32Array(size),
        lastMember: new Uint32Array(size),
        worst: new Uint16Array(size),
        owners: new Uint32Array(size),
        oldest: new Float64Array(size),
      }
    }
    return this.held
  }
}

/** Rows `0..shown` of a per-row column in display order (a copy: the scratch arrays are reused). */
export function inOrder<A extends Uint32Array | Uint16Array | Float64Array>(
  column: A,
  order: Uint32Array | null,
  shown: number,
): A {
  if (!order) return column.slice(0, shown) as A
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
  rows: { rows: Uint32Array; owners: Uint32Array; firstSeen: Float64Array; nextMember: Uint32Array },
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
        const seen = new Set<number>()
        for (const i of membersFrom(rows.rows[row], rows.nextMember)) seen.add(t.shopIds.keys[t.shops[i]!]!)
        shops.set(row, (list = [...seen]))
      }
      return list
    },
  }
}
