/**
 * The engine's key tables: what a query collapses, groups, marks new and sorts on. Per record
 * keys are built on first use and kept up to date from the records appended since, so a view
 * never used costs nothing and a page appended costs only its own records.
 */
import { PairDictionary } from './dictionary'
import type { RecordLayout } from './layouts'
import type { RecordTables } from './tables'
import { foldText } from './text'
import { CODE_MAX } from '../api/codes'
import { rankTexts, sortByRank } from './sorting'
import type { EngineKind, LogSort, SortField } from './types'

const NUMBER_RUN = /\d+(?:[.,]\d+)*/g

/** A text sort's key: the table each record points into, its size, and an entry's folded text. */
export interface SortKey {
  column: Uint32Array
  size: number
  text(entry: number): string
}

/** The sort keys of the fields sorted by text (`createDate` sorts by the date order itself). */
export function sortKeyOf(
  t: RecordTables,
  field: Exclude<SortField, 'createDate'>,
  foldedMessage: (message: number) => string,
): SortKey {
  return {
    message: { column: t.messages, size: t.messageTexts.size, text: foldedMessage },
    listingTitle: {
      column: t.listings,
      size: t.listingTable.size,
      text: (d: number) => foldText(t.listingTable.titles[d]!),
    },
    productTitle: {
      column: t.products,
      size: t.productTable.size,
      text: (d: number) => foldText(t.productTable.titles[d] ?? ''),
    },
  }[field]
}

/** Per record keys for collapsing (unique, numbers as equal), grouping and "new since". */
export class RecordKeys {
  /** Numbers-as-equal: message -> shape, and the per-record key built on first use. */
  private shapeOfMessage: number[] = [0]
  private readonly shapes = new Map<string, number>()
  private readonly shapePairs = new PairDictionary()
  private shapeKeys: Uint32Array | null = null
  private shapeKeysUpTo = 0
  /**
   * Grouped view: (owner, action run) per record, built on the view's first use and kept up to
   * date from then on. A merchant who never groups never pays for it (about 20 bytes a record).
   */
  private groupKeys: Uint32Array | null = null
  private groupKeysUpTo = 0
  private readonly groupPairs = new PairDictionary()
  /**
   * When each unique grouping's first record happened (UTC ms), per key: for "new since the last
   * visit". One table per grouping (plain, or numbers as equal), built on first use, then kept up
   * to date from the records appended since.
   */
  private readonly firstSeen = {
    plain: { dates: new Float64Array(0), upTo: 0 },
    shapes: { dates: new Float64Array(0), upTo: 0 },
  }

  constructor(
    private readonly t: RecordTables,
    private readonly layout: RecordLayout<EngineKind>,
    /** A message's text (parsed, not folded), for its shape. */
    private readonly messageText: (message: number) => string,
  ) {}

  /** The tables grew: the keys built so far move to arrays of the new capacity. */
  grow(): void {
    const { capacity, count } = this.t
    if (this.shapeKeys) {
      const keys = new Uint32Array(capacity)
      keys.set(this.shapeKeys.subarray(0, count))
      this.shapeKeys = keys
    }
    if (this.groupKeys) {
      const keys = new Uint32Array(capacity)
      keys.set(this.groupKeys.subarray(0, count))
      this.groupKeys = keys
    }
  }

  /** What the unique checkbox collapses on, per record (empty for a log that never collapses). */
  ownerColumn(): Uint32Array {
    return this.layout.owner ? this.t[this.layout.owner.slot] : new Uint32Array(0)
  }

  /** The unique grouping's key per record, and how many keys there are. */
  collapseKeys(numbersAsEqual: boolean): { keys: Uint32Array; count: number } {
    return numbersAsEqual
      ? { keys: this.numberShapeKeys(), count: this.shapePairs.size }
      : { keys: this.t.uniqueKeys, count: this.t.uniquePairs.size }
  }

  /** The grouped view's key of every record held, and how many keys there are. */
  groupingKeys(): { keys: Uint32Array; count: number } {
    return { keys: this.groupKeyColumn(), count: this.groupPairs.size }
  }

  /**
   * When the unique grouping of each key first happened: `keys` per record, `dates` per key. A
   * record without an owner never collapses (key 0): it is its own first record.
   */
  firstSeenOf(numbersAsEqual: boolean): { keys: Uint32Array; dates: Float64Array } {
    const t = this.t
    const { keys, count: size } = this.collapseKeys(numbersAsEqual)
    const table = numbersAsEqual ? this.firstSeen.shapes : this.firstSeen.plain
    if (table.dates.length < size) {
      const grown = new Float64Array(Math.max(size, table.dates.length * 2, 1024)).fill(Infinity)
      grown.set(table.dates)
      table.dates = grown
    }
    const { dates } = t
    const first = table.dates
    for (let i = table.upTo; i < t.count; i++) {
      const key = keys[i]!
      if (key !== 0 && dates[i]! < first[key]!) first[key] = dates[i]!
    }
    table.upTo = t.count
    return { keys, dates: first }
  }

  /** The grouped view's key of every record held: (owner, action run), 0 without an owner's run. */
  private groupKeyColumn(): Uint32Array {
    const t = this.t
    if (!this.groupKeys) {
      this.groupKeys = new Uint32Array(t.capacity)
      this.groupKeysUpTo = 0
    }
    const keys = this.groupKeys
    const owners = this.ownerColumn()
    const runs = t.actionRuns
    // No action run (0): the record is a group of its own (key 0 never groups).
    for (let i = this.groupKeysUpTo; i < t.count; i++)
      keys[i] = runs[i] === 0 ? 0 : this.groupPairs.intern(owners[i]!, runs[i]!)
    this.groupKeysUpTo = t.count
    return keys
  }

  /** Per-record keys that treat messages differing only in numbers as one, built on first use. */
  private numberShapeKeys(): Uint32Array {
    const t = this.t
    if (!this.shapeKeys) {
      this.shapeKeys = new Uint32Array(t.capacity)
      this.shapeKeysUpTo = 0
    }
    const keys = this.shapeKeys
    const owners = this.ownerColumn()
    for (let i = this.shapeKeysUpTo; i < t.count; i++) {
      const owner = owners[i]!
      if (owner === 0) {
        keys[i] = 0
        continue
      }
      const message = t.messages[i]!
      let shape = this.shapeOfMessage[message]
      if (shape === undefined) {
        const text = this.messageText(message).replace(NUMBER_RUN, '#')
        shape = this.shapes.get(text)
        if (shape === undefined) {
          shape = this.shapes.size + 1
          this.shapes.set(text, shape)
        }
        this.shapeOfMessage[message] = shape
      }
      keys[i] = this.shapePairs.intern(owner, shape)
    }
    this.shapeKeysUpTo = t.count
    return keys
  }
}

/** Orders a query's rows by a field: text fields by each entry's rank, computed once per table size. */
export class RowSorter {
  private readonly rankCache = new Map<string, { size: number; rank: Uint32Array }>()

  constructor(
    private readonly t: RecordTables,
    private readonly foldedMessage: (message: number) => string,
  ) {}

  /**
   * Display order of rows `0..shown` (row numbers), or null when it is the date-desc order they
   * were built in. Stable: ties keep newest first.
   */
  sort(rows: Uint32Array, shown: number, sort: LogSort): Uint32Array | null {
    if (sort.field === 'createDate') {
      if (sort.direction === 'desc') return null
      const order = new Uint32Array(shown)
      for (let r = 0; r < shown; r++) order[r] = shown - 1 - r
      return order
    }
    const by = sortKeyOf(this.t, sort.field, this.foldedMessage)
    // A log without the field keeps the date order.
    if (by.column.length === 0) return null
    let cached = this.rankCache.get(sort.field)
    if (!cached || cached.size !== by.size) {
      cached = { size: by.size, rank: rankTexts(by.size, by.text) }
      this.rankCache.set(sort.field, cached)
    }
    return sortByRank(rows, shown, by.column, cached.rank, sort.direction)
  }

  /** Forgets the ranks (rebuilt on demand): for benchmarks. */
  dropRanks(): void {
    this.rankCache.clear()
  }
}

/** The columns that hold codes. */
export type CodeColumn = 'types' | 'initiators' | 'actions' | 'tasks'

/** Which codes each code column holds, read only from the records appended since the last look. */
export class CodesHeld {
  /** Per code column: which codes the records hold (1 each), read up to `upTo` records. */
  private readonly held: Partial<Record<CodeColumn, { seen: Uint8Array; list: number[]; upTo: number }>> = {}

  /**
   * The codes a column holds, ascending: for the filters to offer a newer M2E's codes beside the
   * known ones. Reads only the records appended since the last call (the first call reads all).
   */
  of(column: CodeColumn): readonly number[] {
    const t = this.t
    if ((column === 'actions' || column === 'tasks') && !t.has(column)) return []
    const held = (this.held[column] ??= { seen: new Uint8Array(CODE_MAX + 1), list: [], upTo: 0 })
    if (held.upTo < t.count) {
      const values = t[column]
      let added = false
      for (let i = held.upTo; i < t.count; i++) {
        const code = values[i]!
        if (held.seen[code] === 0) {
          held.seen[code] = 1
          held.list.push(code)
          added = true
        }
      }
      held.upTo = t.count
      if (added) held.list = [...held.list].sort((a, b) => a - b)
    }
    return held.list
  }

  constructor(private readonly t: RecordTables) {}
}
