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
import type { EngineKind, LogSort, ProblemSortField, SortField } from './types'
import { isProblemSort, sortFigures } from './problems'

const NUMBER_RUN = /\d+(?:[.,]\d+)*/g

/**
 * The URL key of a message shape: FNV-1a (32 bits) of its text, as 8 hex digits. Short enough
 * for a URL, the same in every session, and it says nothing of the message itself.
 */
export function shapeKeyOf(text: string): string {
  let hash = 0x811c9dc5
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** A text sort's key: the table each record points into, its size, and an entry's folded text. */
export interface SortKey {
  column: Uint32Array
  size: number
  text(entry: number): string
}

/** The sort keys of the fields sorted by text (`createDate` sorts by the date order itself). */
export function sortKeyOf(
  t: RecordTables,
  field: Exclude<SortField, 'createDate' | ProblemSortField>,
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
  /** Each shape's text (numbers as `#`) and its key in URLs (`shapeKeyOf`), by shape. */
  private readonly shapeTexts: string[] = ['']
  private readonly shapeUrlKeys: string[] = ['']
  private readonly shapePairs = new PairDictionary()
  private shapeKeys: Uint32Array | null = null
  private shapeKeysUpTo = 0
  /** Problems view: each record's shape (never 0), built on the view's first use. */
  private shapeColumn: Uint32Array | null = null
  private shapeColumnUpTo = 0
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
    problems: { dates: new Float64Array(0), upTo: 0 },
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
    if (this.shapeColumn) {
      const keys = new Uint32Array(capacity)
      keys.set(this.shapeColumn.subarray(0, count))
      this.shapeColumn = keys
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
  firstSeenOf(numbersAsEqual: boolean | 'problems'): { keys: Uint32Array; dates: Float64Array } {
    const t = this.t
    const { keys, count: size } = numbersAsEqual === 'problems' ? this.problemKeys() : this.collapseKeys(numbersAsEqual)
    const table =
      numbersAsEqual === 'problems'
        ? this.firstSeen.problems
        : numbersAsEqual
          ? this.firstSeen.shapes
          : this.firstSeen.plain
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
      keys[i] = this.shapePairs.intern(owner, this.shapeOf(t.messages[i]!))
    }
    this.shapeKeysUpTo = t.count
    return keys
  }

  /**
   * A message's shape: its text with every run of digits as `#` ("numbers as equal"). Shapes
   * are numbered from 1 in the order first seen.
   */
  shapeOf(message: number): number {
    let shape = this.shapeOfMessage[message]
    if (shape === undefined) {
      const text = this.messageText(message).replace(NUMBER_RUN, '#')
      shape = this.shapes.get(text)
      if (shape === undefined) {
        shape = this.shapes.size + 1
        this.shapes.set(text, shape)
        this.shapeTexts[shape] = text
        this.shapeUrlKeys[shape] = shapeKeyOf(text)
      }
      this.shapeOfMessage[message] = shape
    }
    return shape
  }

  /** The text of the shape with URL key `key` (numbers as `#`), or null when no message held has it. */
  shapeTextOf(key: string): string | null {
    const shape = this.shapeUrlKeys.indexOf(key)
    if (shape > 0) return this.shapeTexts[shape]!
    // Shapes are named on first use: name those of every message held, then look again.
    for (let d = 1; d < this.t.messageTexts.size; d++) this.shapeOf(d)
    const named = this.shapeUrlKeys.indexOf(key)
    return named > 0 ? this.shapeTexts[named]! : null
  }

  /** A shape's key in URLs (`?shape=`), stable across loads and sessions. */
  shapeUrlKey(shape: number): string {
    return this.shapeUrlKeys[shape] ?? ''
  }

  /** 1 for each message (of `size`) whose shape has the URL key `key`. */
  shapeMask(key: string, size: number): Uint8Array {
    const mask = new Uint8Array(size)
    for (let d = 1; d < size; d++) if (this.shapeUrlKeys[this.shapeOf(d)] === key) mask[d] = 1
    return mask
  }

  /** The Problems view's key: each record's shape, and how many shapes there are (plus the unused 0). */
  problemKeys(): { keys: Uint32Array; count: number } {
    const t = this.t
    if (!this.shapeColumn) {
      this.shapeColumn = new Uint32Array(t.capacity)
      this.shapeColumnUpTo = 0
    }
    const keys = this.shapeColumn
    for (let i = this.shapeColumnUpTo; i < t.count; i++) keys[i] = this.shapeOf(t.messages[i]!)
    this.shapeColumnUpTo = t.count
    return { keys, count: this.shapes.size + 1 }
  }

  /**
   * Per record, its (owner, shape) pair: distinct pairs of a shape are the products (or orders)
   * it touched. 0: a record without an owner. Kept up to date like the other keys.
   */
  ownerShapePairs(): { keys: Uint32Array; count: number } {
    return { keys: this.numberShapeKeys(), count: this.shapePairs.size }
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
   * were built in. Stable: ties keep newest first. The Problems view's sorts read its `figures`
   * (only it has them: null elsewhere, and the rows keep their order).
   */
  sort(
    rows: Uint32Array,
    shown: number,
    sort: LogSort,
    figures: Record<ProblemSortField, Uint32Array | Float64Array> | null,
  ): Uint32Array | null {
    if (sort.field === 'createDate') {
      if (sort.direction === 'desc') return null
      const order = new Uint32Array(shown)
      for (let r = 0; r < shown; r++) order[r] = shown - 1 - r
      return order
    }
    if (isProblemSort(sort.field)) return figures && sortFigures(sort.field, sort.direction, shown, figures)
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
