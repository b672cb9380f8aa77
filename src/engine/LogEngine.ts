import { RecordWriter } from './appending'
import { LAYOUTS, type RecordLayout } from './layouts'
import type { ColumnsPage } from './pageReads'
import { parseIsoUtc } from './isoDate'
import type { ParsedMessage } from './message'
import { MessageTexts, warmMask } from './messageTexts'
import { planFilter, type FilterPlan } from './plan'
import { RecordTables } from './tables'
import { actionRunOf, dateExtent, indexOfId, maxId, recordAt } from './recordReads'
import { OTHER_TYPE_SLOT, TYPE_SLOTS } from '../api/codes'
import { CodesHeld, RecordKeys, RowSorter, type CodeColumn } from './keys'
import {
  DEFAULT_SORT,
  type EngineKind,
  type EngineRecordByKind,
  type HistogramRequest,
  type LogQueryOptions,
  type LogSort,
  type QueryResult,
} from './types'
import { KeptPasses, WholeLogFigures } from './keptPasses'
import {
  QueryScratch,
  type WarmPass,
  SEVERITY,
  TYPE_SLOT,
  problemColumns,
  problemsKey,
  viewKey,
  resultOf,
  typeCountsOf,
  wholePass,
  newGrouping,
  type Pass,
  type RowKeys,
} from './queryParts'

export { parseIsoUtc }
export type { CodeColumn, ColumnsPage, QueryResult }

/**
 * Holds one log's records in typed-array columns with interned strings (tables.ts; each log's
 * mapping in layouts.ts), and answers queries: filter (planned in plan.ts), collapse (unique
 * messages, grouped view, Problems), sort (sorting.ts) and count, in one pass over typed arrays.
 * Appending a page only does work for the new records.
 */
export class LogEngine<K extends EngineKind = EngineKind> {
  readonly kind: K
  private readonly layout: RecordLayout<K>
  private readonly t: RecordTables
  /** Messages parsed and folded once each, and the search's mask (messageTexts.ts). */
  private readonly texts: MessageTexts
  /** What queries collapse, group and mark new on, sort by, and the codes held (keys.ts). */
  private readonly keys: RecordKeys
  private readonly sorter: RowSorter
  private readonly codes: CodesHeld
  private readonly writer: RecordWriter<K>
  private readonly scratch = new QueryScratch()

  constructor(kind: K) {
    this.kind = kind
    this.layout = LAYOUTS[kind] as RecordLayout<K>
    this.t = new RecordTables(this.layout.slots)
    this.texts = new MessageTexts(this.t.messageTexts)
    this.keys = new RecordKeys(this.t, this.layout, (message) => this.texts.parsed(message).text)
    this.sorter = new RowSorter(this.t, (message) => this.texts.folded(message))
    this.codes = new CodesHeld(this.t)
    this.writer = new RecordWriter(this.t, this.layout, (minimum) => this.grow(minimum))
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
    this.keys.grow()
  }

  /** Adds records (a page, newest first, or any order). Work is proportional to the page. */
  append(records: readonly EngineRecordByKind[K][]): void {
    this.writer.append(records)
  }

  /**
   * A columns page's appender, for a load that gives the browser a turn between slices:
   * `append(from, to)` adds the page's valid records `from..to-1` and returns how many.
   */
  columnsAppender(page: ColumnsPage): (from: number, to: number) => number {
    return this.writer.columnsAppender(page)
  }

  /**
   * The codes a column holds, ascending: for the filters to offer a newer M2E's codes beside the
   * known ones. Reads only the records appended since the last call (the first call reads all).
   */
  codesHeld(column: CodeColumn): readonly number[] {
    return this.codes.of(column)
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
    return this.texts.parsed(message)
  }

  /** The record as the API sent it. */
  get(index: number): EngineRecordByKind[K] {
    return recordAt(this.t, this.layout, index)
  }

  /** Record indices of the records of the same action run (itself included), newest first. */
  actionRunOf(index: number): number[] {
    return actionRunOf(this.t, index)
  }

  /** Runs a first search's code, keeping nothing: its keystroke then waits for no compiling (issue 28). */
  warmSearch(options: LogQueryOptions = {}): void {
    warmMask()
    // Every message let through, in working arrays of its own (the rows shown are in the engine's).
    const query = { ...options, filter: { ...options.filter, message: 'e' } }
    const everyMessage = new Uint8Array(this.t.messageTexts.size).fill(1)
    const warm = { scratch: new QueryScratch(true), everyMessage }
    this.aggregate(query, this.rowKeysOf(query), this.planOf(query, everyMessage), warm)
  }

  /** Forgets cached filter masks and sort ranks (they are rebuilt on demand): for benchmarks. */
  dropCaches(): void {
    this.texts.dropMask()
    this.sorter.dropRanks()
    this.passes.clear()
    this.wholeLog.clear()
  }

  /** The record index of an id, or -1 when it is not held. */
  indexOfId(id: number): number {
    return indexOfId(this.t, id)
  }

  /** Oldest and newest record dates held (UTC ms), or null when empty. */
  dateExtent(): { min: number; max: number } | null {
    return dateExtent(this.t)
  }

  /** The newest record id held, or 0. */
  maxId(): number {
    return maxId(this.t)
  }

  /**
   * True when the record's message (under the unique grouping: its product or order and its
   * text, numbers as equal or not; under 'problems': its shape, on any product or order) first
   * happened after `since` (UTC ms).
   */
  isNewAt(index: number, since: number, numbersAsEqual: boolean | 'problems' = false): boolean {
    if (this.layout.owner === null) return this.t.dates[index]! > since
    const { keys, dates } = this.keys.firstSeenOf(numbersAsEqual)
    const key = keys[index]!
    return (key === 0 ? this.t.dates[index]! : dates[key]!) > since
  }

  /** The text of a message shape (numbers as `#`) by its URL key, or null when none held has it. */
  shapeText(key: string): string | null {
    return this.keys.shapeTextOf(key)
  }

  /** The dates of records (UTC ms), for a row's trend. */
  datesOf(indices: readonly number[]): Float64Array {
    const out = new Float64Array(indices.length)
    for (let k = 0; k < indices.length; k++) out[k] = this.t.dates[indices[k]!]!
    return out
  }

  // ---- the query -------------------------------------------------------------------------

  /**
   * What a query's rows collapse on: the grouped view's action runs, the Problems view's message
   * shapes, the unique checkbox's (owner, message), or nothing (a row per record).
   */
  private rowKeysOf(options: LogQueryOptions): RowKeys {
    const owned = this.layout.owner !== null
    if (this.layout.groups && options.view === 'grouped') return { view: 'grouped', ...this.keys.groupingKeys() }
    if (owned && options.view === 'problems') return { view: 'problems', ...this.keys.problemKeys() }
    if (owned && options.unique) return { view: 'unique', ...this.keys.collapseKeys(options.numbersAsEqual ?? false) }
    return { view: null, keys: null, count: 0 }
  }

  /** The query's filters as masks and interned values (plan.ts). */
  private planOf(options: LogQueryOptions, everyMessage?: Uint8Array) {
    return planFilter(
      this.t,
      this.layout,
      options.filter ?? {},
      (needle) => everyMessage ?? this.texts.mask(needle),
      (key) => this.keys.shapeMask(key, this.t.messageTexts.size),
    )
  }

  query(options: LogQueryOptions = {}): QueryResult {
    const rowKeys = this.rowKeysOf(options)
    const make = () => this.passOf(options, rowKeys)
    const pass =
      rowKeys.view === 'problems'
        ? this.passes.problemsPass(problemsKey(options, this.t.count), make)
        : this.passes.viewPass(viewKey(options, rowKeys.view, this.t.count), rowKeys.view, make)
    return this.finish(pass, options.sort)
  }

  /** What is kept of earlier queries, to be read again (keptPasses.ts). */
  private readonly passes = new KeptPasses()
  private readonly wholeLog = new WholeLogFigures()

  /**
   * A query's pass. Over no filter, a view that collapses nothing (the unique checkbox ticked off)
   * is read off the figures of an earlier pass over no filter: its rows are the date order.
   * Apart from the pass, so that its branches never reach the pass's optimised code.
   */
  private passOf(options: LogQueryOptions, rowKeys: RowKeys): Pass {
    const plan = this.planOf(options)
    const n = this.t.count
    const key = this.wholeLog.keyOf(plan, options, n, newGrouping(options, this.layout, rowKeys.view === 'problems'))
    const known = this.wholeLog.get(key)
    if (known && rowKeys.keys === null) return wholePass(this.t.sharedDateOrder(n), n, known)
    return this.wholeLog.kept(key, this.aggregate(options, rowKeys, plan))
  }

  /** One pass over the records held, newest first: filter, count, collapse into rows (unordered). */
  private aggregate(options: LogQueryOptions, rowKeys: RowKeys, plan: FilterPlan, warm?: WarmPass): Pass {
    const t = this.t
    const grouped = rowKeys.view === 'grouped'
    const problems = rowKeys.view === 'problems'
    const n = t.count
    const scratch = warm?.scratch ?? this.scratch
    const { typeMask, initiatorMask, actionMask, taskMask, checkDates, from, to } = plan
    const { messageMask, listingMask, productMask, orderMask, account, shop, owner } = plan
    // New since the last visit: a record is new when its unique grouping first happened after it.
    const since = options.newSince ?? null
    // Without a last visit nothing is new: "only new" leaves nothing.
    const onlyNew = options.onlyNew ?? false
    const nothingNew = onlyNew && since === null
    const grouping = newGrouping(options, this.layout, problems)
    const firstSeen = grouping === null ? null : this.keys.firstSeenOf(grouping)
    const firstKeys = firstSeen?.keys ?? null
    const firstDates = firstSeen?.dates ?? null
    let newCount = 0

    const keys = rowKeys.keys
    const rowOfKey = keys ? new Int32Array(rowKeys.count).fill(-1) : null
    const buffers = scratch.buffers(t)
    const { rows, counts, lastMember } = buffers
    const worst = grouped || problems ? buffers.worst : null
    const { pairKeys, pairSeen, owned, oldest, shopBits } = problemColumns(problems, this.keys, scratch, t)
    // The member chains outlive the query (membersOf); 0 ends a chain, so links store index + 1.
    const nextMember = keys ? new Uint32Array(n) : null
    const typeCounts = new Float64Array(TYPE_SLOTS)
    /** Types the lists do not know, counted each by its code (rare: a newer M2E's). */
    const otherTypeCounts = new Map<number, number>()
    const histogram = options.histogram ? new Uint32Array(options.histogram.buckets * TYPE_SLOTS) : null
    const h: HistogramRequest = options.histogram ?? { from: 0, to: 0, buckets: 0 }
    const bucketWidth = (h.to - h.from + 1) / Math.max(1, h.buckets)
    const owners = this.keys.ownerColumn()

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
            if (pairKeys !== null) {
              oldest![row] = dates[i]!
              shopBits![row]! |= 1 << Math.min(shops[i]!, 31)
              const pair = pairKeys[i]!
              if (pair !== 0 && pairSeen![pair] === 0) {
                pairSeen![pair] = 1
                owned![row]!++
              }
            }
            continue
          }
          rowOfKey![key] = shown
        }
        lastMember[shown] = i
      }
      if (worst !== null) worst[shown] = type
      if (pairKeys !== null) {
        oldest![shown] = dates[i]!
        shopBits![shown] = 1 << Math.min(shops[i]!, 31)
        const pair = pairKeys[i]!
        owned![shown] = pair === 0 ? 0 : 1
        if (pair !== 0) pairSeen![pair] = 1
      }
      rows[shown] = i
      // Written in every view alike, as a precaution: a branch here that only some views take
      // could leave the loop's optimised code when another view's pass first takes it.
      counts[shown] = 1
      shown++
    }

    // Nothing collapsed and every record shown (the unique checkbox off, no filter): the rows are
    // the date order itself, handed out as a view instead of copied for the result and for keeping
    // the pass (at a million records, 4 MB each time).
    const whole = keys === null && shown === n && warm === undefined
    return {
      inScratch: !whole,
      rows: whole ? t.sharedDateOrder(n) : rows,
      // A pass that collapses nothing has no counts to hand out: each row is one record.
      counts: keys !== null ? counts : null,
      worst,
      owners: owned,
      firstSeen: oldest,
      shopBits,
      nextMember,
      total: n,
      matched,
      shown,
      newCount,
      typeCounts: typeCountsOf(typeCounts, otherTypeCounts),
      histogram,
    }
  }

  /** A pass's rows in display order, as the query's result. */
  private finish(pass: Pass, sort: LogSort = DEFAULT_SORT): QueryResult {
    const figures =
      pass.owners && pass.firstSeen && pass.counts
        ? { count: pass.counts, owners: pass.owners, firstSeen: pass.firstSeen }
        : null
    return resultOf(this.t, this.keys, pass, this.sorter.sort(pass.rows, pass.shown, sort, figures))
  }
}
