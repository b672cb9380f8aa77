import { PairDictionary } from './dictionary'
import { LAYOUTS, type RecordLayout } from './layouts'
import { parseIsoUtc } from './isoDate'
import { parseDescription, type ParsedMessage } from './message'
import { planFilter } from './plan'
import { rankTexts, sortByRank } from './sorting'
import { RecordTables } from './tables'
import { foldText } from './text'
import { CODE_MAX, OTHER_TYPE_SLOT, TYPE_SLOTS, TYPE_SLOT_TABLE } from '../api/codes'
import {
  DEFAULT_SORT,
  TYPE_CODES,
  type EngineKind,
  type EngineRecordByKind,
  type HistogramRequest,
  type LogQueryOptions,
  type LogSort,
  type QueryResult,
} from './types'

/**
 * Severity rank for the grouped view's worst type: Error > Warning > Success > Info, and a type
 * the lists do not know below them all (it says nothing of how bad it is).
 */
const SEVERITY = new Uint8Array(CODE_MAX + 1)
TYPE_CODES.forEach((code, rank) => (SEVERITY[code] = rank + 1))

/** Slot of a type code in per-type counts and histograms (TYPE_CODES order, then the others'). */
const TYPE_SLOT = TYPE_SLOT_TABLE

const NUMBER_RUN = /\d+(?:[.,]\d+)*/g

/**
 * Holds one log's records in typed-array columns with interned strings (tables.ts; each log's
 * mapping in layouts.ts), and answers queries: filter (planned in plan.ts), collapse (unique
 * messages or grouped view), sort (sorting.ts) and count, in one pass over typed arrays.
 * Appending a page only does work for the new records.
 */
export { parseIsoUtc }
export type { QueryResult }
/** The columns that hold codes. */
export type CodeColumn = 'types' | 'initiators' | 'actions' | 'tasks'

export class LogEngine<K extends EngineKind = EngineKind> {
  readonly kind: K
  private readonly layout: RecordLayout<K>
  private readonly t: RecordTables

  /** Per message: parsed message and folded text, filled lazily. */
  private parsed: (ParsedMessage | undefined)[] = []
  private folded: string[] = []
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

  private messageCache: { needle: string; size: number; mask: Uint8Array } | null = null
  private rankCache = new Map<string, { size: number; rank: Uint32Array }>()

  constructor(kind: K) {
    this.kind = kind
    this.layout = LAYOUTS[kind] as RecordLayout<K>
    this.t = new RecordTables(this.layout.slots)
  }

  /** Records held. */
  get size(): number {
    return this.t.count
  }

  /** Makes room for `total` records at once, so a load of known size never regrows. */
  reserve(total: number): void {
    if (total > this.t.capacity) this.grow(total)
  }

  private grow(minimum: number) {
    this.t.grow(minimum)
    if (this.shapeKeys) {
      const keys = new Uint32Array(this.t.capacity)
      keys.set(this.shapeKeys.subarray(0, this.t.count))
      this.shapeKeys = keys
    }
    if (this.groupKeys) {
      const keys = new Uint32Array(this.t.capacity)
      keys.set(this.groupKeys.subarray(0, this.t.count))
      this.groupKeys = keys
    }
  }

  /** Adds records (a page, newest first, or any order). Work is proportional to the page. */
  append(records: readonly EngineRecordByKind[K][]): void {
    const n = records.length
    if (n === 0) return
    const start = this.t.count
    if (start + n > this.t.capacity) this.grow(start + n)
    for (let k = 0; k < n; k++) this.write(start + k, records[k]!)
    this.t.count = start + n
    this.t.mergeDateOrder(start, n)
  }

  /**
   * Adds `n` records read one at a time by `fill` into a reused object (no object per record):
   * the columns page format. `createDate` may be given in ms. Records with `valid[k] === 0` are
   * skipped.
   */
  appendEach(n: number, fill: (k: number, target: Record<string, unknown>) => void, valid?: Uint8Array): number {
    let accepted = n
    if (valid) {
      accepted = 0
      for (let k = 0; k < n; k++) accepted += valid[k]!
    }
    if (accepted === 0) return 0
    const start = this.t.count
    if (start + accepted > this.t.capacity) this.grow(start + accepted)
    const target: Record<string, unknown> = {}
    let i = start
    for (let k = 0; k < n; k++) {
      if (valid && valid[k] === 0) continue
      fill(k, target)
      this.write(i++, target as unknown as EngineRecordByKind[K])
    }
    this.t.count = start + accepted
    this.t.mergeDateOrder(start, accepted)
    return accepted
  }

  private write(i: number, record: EngineRecordByKind[K]) {
    const t = this.t
    t.ids[i] = record.id
    const date = record.createDate as string | number
    t.dates[i] = typeof date === 'number' ? date : parseIsoUtc(date)
    t.types[i] = record.type
    t.initiators[i] = record.initiator
    const message = t.messageTexts.intern(record.description)
    t.messages[i] = message
    const owner = this.layout.write(t, i, record)
    // 0 = never collapses (no product / no order).
    t.uniqueKeys[i] = owner === 0 ? 0 : t.uniquePairs.intern(owner, message)
  }

  /** Per code column: which codes the records hold (1 each), read up to `upTo` records. */
  private readonly held: Partial<Record<CodeColumn, { seen: Uint8Array; list: number[]; upTo: number }>> = {}

  /**
   * The codes a column holds, ascending: for the filters to offer a newer M2E's codes beside the
   * known ones. Reads only the records appended since the last call (the first call reads all).
   */
  codesHeld(column: CodeColumn): readonly number[] {
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

  // ---- reading records -------------------------------------------------------------------

  idAt(index: number): number {
    return this.t.ids[index]!
  }

  dateAt(index: number): number {
    return this.t.dates[index]!
  }

  typeAt(index: number): number {
    return this.t.types[index]!
  }

  /** The message of a record, parsed once per distinct description. */
  messageAt(index: number): ParsedMessage {
    return this.parsedMessage(this.t.messages[index]!)
  }

  private parsedMessage(message: number): ParsedMessage {
    let parsed = this.parsed[message]
    if (!parsed) {
      parsed = parseDescription(this.t.messageTexts.keys[message]!)
      this.parsed[message] = parsed
    }
    return parsed
  }

  private foldedMessage(message: number): string {
    let folded = this.folded[message]
    if (folded === undefined) {
      folded = foldText(this.parsedMessage(message).text)
      this.folded[message] = folded
    }
    return folded
  }

  /** The record as the API sent it. */
  get(index: number): EngineRecordByKind[K] {
    const t = this.t
    return {
      id: t.ids[index]!,
      createDate: new Date(t.dates[index]!).toISOString(),
      type: t.types[index]!,
      initiator: t.initiators[index]!,
      description: t.messageTexts.keys[t.messages[index]!]!,
      ...this.layout.read(t, index),
    } as EngineRecordByKind[K]
  }

  /** Record indices of the records of the same action run (itself included), newest first. */
  actionRunOf(index: number): number[] {
    const { actionRuns, dateOrder, count } = this.t
    if (!this.t.has('actionRuns')) return []
    const run = actionRuns[index]!
    // No run (0): the record stands alone.
    if (run === 0) return [index]
    const members: number[] = []
    for (let k = 0; k < count; k++) {
      const i = dateOrder[k]!
      if (actionRuns[i] === run) members.push(i)
    }
    return members
  }

  /** Forgets cached filter masks and sort ranks (they are rebuilt on demand): for benchmarks. */
  dropCaches(): void {
    this.messageCache = null
    this.rankCache.clear()
  }

  /** The record index of an id, or -1 when it is not held. */
  indexOfId(id: number): number {
    const { ids, count } = this.t
    for (let i = 0; i < count; i++) if (ids[i] === id) return i
    return -1
  }

  /** Oldest and newest record dates held (UTC ms), or null when empty. */
  dateExtent(): { min: number; max: number } | null {
    const { count, dates, dateOrder } = this.t
    if (count === 0) return null
    return { min: dates[dateOrder[count - 1]!]!, max: dates[dateOrder[0]!]! }
  }

  /** The newest record id held, or 0. */
  maxId(): number {
    const { ids, count } = this.t
    let max = 0
    for (let i = 0; i < count; i++) if (ids[i]! > max) max = ids[i]!
    return max
  }

  /** 1 for each message containing `needle` (folded). */
  private messageMask(needle: string): Uint8Array {
    const size = this.t.messageTexts.size
    const cache = this.messageCache
    if (cache && cache.needle === needle && cache.size === size) return cache.mask
    const mask = new Uint8Array(size)
    // Typing one more letter: only what matched before can match now.
    const narrowing = cache !== null && cache.size === size && needle.includes(cache.needle)
    for (let d = 1; d < size; d++) {
      if (narrowing && cache.mask[d] === 0) continue
      if (this.foldedMessage(d).includes(needle)) mask[d] = 1
    }
    this.messageCache = { needle, size, mask }
    return mask
  }

  /**
   * When the unique grouping of each key first happened: `keys` per record, `keyCount` keys. A
   * record without an owner never collapses (key 0): it is its own first record.
   */
  private firstSeenOf(numbersAsEqual: boolean): { keys: Uint32Array; dates: Float64Array } {
    const t = this.t
    const keys = numbersAsEqual ? this.numberShapeKeys() : t.uniqueKeys
    const size = numbersAsEqual ? this.shapePairs.size : t.uniquePairs.size
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

  /**
   * True when the record's message (under the unique grouping: its product or order and its
   * text, numbers as equal or not) first happened after `since` (UTC ms).
   */
  isNewAt(index: number, since: number, numbersAsEqual = false): boolean {
    if (this.layout.owner === null) return this.t.dates[index]! > since
    const { keys, dates } = this.firstSeenOf(numbersAsEqual)
    const key = keys[index]!
    return (key === 0 ? this.t.dates[index]! : dates[key]!) > since
  }

  /** The dates of records (UTC ms), for a row's trend. */
  datesOf(indices: readonly number[]): Float64Array {
    const out = new Float64Array(indices.length)
    for (let k = 0; k < indices.length; k++) out[k] = this.t.dates[indices[k]!]!
    return out
  }

  // ---- the query -------------------------------------------------------------------------

  query(options: LogQueryOptions = {}): QueryResult {
    const t = this.t
    const grouped = this.layout.groups && options.view === 'grouped'
    const collapse = !grouped && (options.unique ?? false) && this.layout.owner !== null
    const n = t.count
    const plan = planFilter(t, this.layout, options.filter ?? {}, (needle) => this.messageMask(needle))
    const { typeMask, initiatorMask, actionMask, taskMask, checkDates, from, to } = plan
    const { messageMask, listingMask, productMask, orderMask, account, shop, owner } = plan
    // New since the last visit: a record is new when its unique grouping first happened after it.
    const since = options.newSince ?? null
    // Without a last visit nothing is new: "only new" leaves nothing.
    const onlyNew = options.onlyNew ?? false
    const nothingNew = onlyNew && since === null
    const withOwners = this.layout.owner !== null
    const firstSeen = since !== null && withOwners ? this.firstSeenOf(options.numbersAsEqual ?? false) : null
    const firstKeys = firstSeen?.keys ?? null
    const firstDates = firstSeen?.dates ?? null
    let newCount = 0

    let keys: Uint32Array | null = null
    let keyCount = 0
    if (grouped) {
      keys = this.groupKeyColumn()
      keyCount = this.groupPairs.size
    } else if (collapse) {
      keys = options.numbersAsEqual ? this.numberShapeKeys() : t.uniqueKeys
      keyCount = options.numbersAsEqual ? this.shapePairs.size : t.uniquePairs.size
    }
    const rowOfKey = keys ? new Int32Array(keyCount).fill(-1) : null
    const scratch = this.scratchBuffers()
    const rows = scratch.rows
    const counts = scratch.counts
    const worst = grouped ? scratch.worst : null
    const lastMember = scratch.lastMember
    // The member chains outlive the query (membersOf); 0 ends a chain, so links store index + 1.
    const nextMember = keys ? new Uint32Array(n) : null
    const typeCounts = new Float64Array(TYPE_SLOTS)
    /** Types the lists do not know, counted each by its code (rare: a newer M2E's). */
    const otherTypeCounts = new Map<number, number>()
    const histogram = options.histogram ? new Uint32Array(options.histogram.buckets * TYPE_SLOTS) : null
    const h: HistogramRequest = options.histogram ?? { from: 0, to: 0, buckets: 0 }
    const bucketWidth = (h.to - h.from + 1) / Math.max(1, h.buckets)
    const owners = this.ownerColumn()

    const { dateOrder, dates, types, initiators, actions, tasks, messages, accounts, shops } = t
    const { listings, products, orders } = t
    let matched = 0
    let shown = 0
    for (let k = 0; k < n; k++) {
      const i = dateOrder[k]!
      if (checkDates) {
        const date = dates[i]!
        if (date < from || date > to) continue
      }
      if (initiatorMask !== null && initiatorMask[initiators[i]!] === 0) continue
      if (actionMask !== null && actionMask[actions[i]!] === 0) continue
      if (taskMask !== null && taskMask[tasks[i]!] === 0) continue
      if (account !== 0 && accounts[i] !== account) continue
      if (shop !== 0 && shops[i] !== shop) continue
      if (owner !== 0 && owners[i] !== owner) continue
      if (listingMask !== null && listingMask[listings[i]!] === 0) continue
      if (productMask !== null && productMask[products[i]!] === 0) continue
      if (orderMask !== null && orderMask[orders[i]!] === 0) continue
      if (messageMask !== null && messageMask[messages[i]!] === 0) continue
      if (nothingNew) continue
      let fresh = false
      if (since !== null) {
        const key = firstKeys === null ? 0 : firstKeys[i]!
        fresh = (key === 0 ? dates[i]! : firstDates![key]!) > since
        if (onlyNew && !fresh) continue
      }
      // The type chips are facets: they count under every filter but the type filter, so the
      // type is tested last, after the count.
      const type = types[i]!
      const slot = TYPE_SLOT[type]!
      typeCounts[slot]!++
      if (slot === OTHER_TYPE_SLOT) otherTypeCounts.set(type, (otherTypeCounts.get(type) ?? 0) + 1)
      if (typeMask !== null && typeMask[type] === 0) continue

      matched++
      if (fresh) newCount++
      if (histogram !== null) {
        const bucket = Math.floor((dates[i]! - h.from) / bucketWidth)
        if (bucket >= 0 && bucket < h.buckets) histogram[bucket * TYPE_SLOTS + slot]!++
      }
      if (keys !== null) {
        const key = keys[i]!
        if (key !== 0) {
          const row = rowOfKey![key]!
          if (row >= 0) {
            counts[row]!++
            nextMember![lastMember[row]!] = i + 1
            lastMember[row] = i
            if (worst !== null && SEVERITY[type]! > SEVERITY[worst[row]!]!) worst[row] = type
            continue
          }
          rowOfKey![key] = shown
        }
        lastMember[shown] = i
      }
      if (worst !== null) worst[shown] = type
      rows[shown] = i
      counts[shown] = 1
      shown++
    }

    const order = this.sortRows(rows, shown, options.sort ?? DEFAULT_SORT)
    const finalRows = order ? order.map((r) => rows[r]!) : rows.slice(0, shown)
    const finalCounts = order ? order.map((r) => counts[r]!) : counts.slice(0, shown)
    const finalWorst = worst ? (order ? Uint16Array.from(order, (r) => worst[r]!) : worst.slice(0, shown)) : null
    const perType: Record<number, number> = {}
    TYPE_CODES.forEach((code, slot) => (perType[code] = typeCounts[slot]!))
    for (const [code, count] of otherTypeCounts) perType[code] = count
    return {
      rows: finalRows,
      counts: finalCounts,
      worstTypes: finalWorst,
      total: n,
      matched,
      shown,
      newCount,
      typeCounts: perType,
      histogram,
      membersOf: (row: number) => {
        const first = finalRows[row]
        if (first === undefined) return []
        if (!nextMember) return [first]
        const members: number[] = []
        for (let i = first as number; ;) {
          members.push(i)
          const next = nextMember[i]!
          if (next === 0) break
          i = next - 1
        }
        return members
      },
    }
  }

  private scratch: { rows: Uint32Array; counts: Uint32Array; lastMember: Uint32Array; worst: Uint16Array } | null = null

  /** Working arrays reused by every query, so a query allocates only what its result keeps. */
  private scratchBuffers() {
    if (!this.scratch || this.scratch.rows.length < this.t.count) {
      const size = Math.max(this.t.capacity, this.t.count)
      this.scratch = {
        rows: new Uint32Array(size),
        counts: new Uint32Array(size),
        lastMember: new Uint32Array(size),
        worst: new Uint16Array(size),
      }
    }
    return this.scratch
  }

  /**
   * Display order of rows `0..shown` (row numbers), or null when it is the date-desc order they
   * were built in. Stable: ties keep newest first.
   */
  private sortRows(rows: Uint32Array, shown: number, sort: LogSort): Uint32Array | null {
    if (sort.field === 'createDate') {
      if (sort.direction === 'desc') return null
      const order = new Uint32Array(shown)
      for (let r = 0; r < shown; r++) order[r] = shown - 1 - r
      return order
    }
    const t = this.t
    const by = {
      message: { column: t.messages, size: t.messageTexts.size, text: (d: number) => this.foldedMessage(d) },
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
    }[sort.field]
    // A log without the field keeps the date order.
    if (by.column.length === 0) return null
    let cached = this.rankCache.get(sort.field)
    if (!cached || cached.size !== by.size) {
      cached = { size: by.size, rank: rankTexts(by.size, by.text) }
      this.rankCache.set(sort.field, cached)
    }
    return sortByRank(rows, shown, by.column, cached.rank, sort.direction)
  }

  /** What the unique checkbox collapses on, per record (empty for a log that never collapses). */
  private ownerColumn(): Uint32Array {
    return this.layout.owner ? this.t[this.layout.owner.slot] : new Uint32Array(0)
  }

  /** Per-record keys that treat messages differing only in numbers as one, built on first use. */
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
        const text = this.parsedMessage(message).text.replace(NUMBER_RUN, '#')
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
