import { Dictionary, PairDictionary } from './dictionary'
import { parseDescription, type ParsedMessage } from './message'
import { foldText } from './text'
import {
  DEFAULT_SORT,
  TYPE_CODES,
  type EngineKind,
  type EngineRecordByKind,
  type HistogramRequest,
  type LogFilter,
  type LogQueryOptions,
  type LogSort,
} from './types'

/** Severity rank for the grouped view's worst type: Error > Warning > Success > Info. */
const SEVERITY = new Uint8Array(256)
SEVERITY[1] = 1
SEVERITY[2] = 2
SEVERITY[3] = 3
SEVERITY[4] = 4
SEVERITY[100] = 5

/** Slot of a type code in per-type counts and histograms (order of TYPE_CODES). */
const TYPE_SLOT = new Uint8Array(256)
TYPE_CODES.forEach((code, slot) => (TYPE_SLOT[code] = slot))

const NUMBER_RUN = /\d+(?:[.,]\d+)*/g

const digit = (text: string, at: number) => text.charCodeAt(at) - 48

/**
 * Parses the API's `YYYY-MM-DDTHH:MM:SS(.sss)Z` quickly; anything else goes to Date.parse.
 */
export function parseIsoUtc(text: string): number {
  const length = text.length
  if ((length === 24 || length === 20) && text.charCodeAt(10) === 84 && text.charCodeAt(length - 1) === 90) {
    const ms = length === 24 ? digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22) : 0
    const value = Date.UTC(
      digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3),
      digit(text, 5) * 10 + digit(text, 6) - 1,
      digit(text, 8) * 10 + digit(text, 9),
      digit(text, 11) * 10 + digit(text, 12),
      digit(text, 14) * 10 + digit(text, 15),
      digit(text, 17) * 10 + digit(text, 18),
      ms,
    )
    if (!Number.isNaN(value)) return value
  }
  return Date.parse(text)
}

export interface QueryResult {
  /** Record index of each row, in display order (for a collapsed row: its latest member). */
  readonly rows: Uint32Array
  /** How many records each row stands for. */
  readonly counts: Uint32Array
  /** Grouped view: the worst type among each row's members; otherwise null. */
  readonly worstTypes: Uint8Array | null
  /** Records held. */
  readonly total: number
  /** Records that pass the filters (before collapsing). */
  readonly matched: number
  /** Rows shown. */
  readonly shown: number
  /** Matching records per type code. */
  readonly typeCounts: Readonly<Record<number, number>>
  /** `buckets * TYPE_CODES.length` counts, bucket-major, when a histogram was asked for. */
  readonly histogram: Uint32Array | null
  /** Record indices of every member of a row, newest first. */
  membersOf(row: number): number[]
}

type Mask = Uint8Array | null

function maskOf(codes: readonly number[] | undefined): Mask {
  if (!codes) return null
  const mask = new Uint8Array(256)
  for (const code of codes) if (code >= 0 && code < 256) mask[code] = 1
  return mask
}

/** "123" is an id; anything else is text. */
function asWholeNumber(text: string): number | null {
  return /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : null
}

/**
 * Holds one log's records in typed-array columns with interned strings, and answers queries:
 * filter, collapse (unique messages or grouped view), sort and count. Appending a page only
 * does work for the new records.
 */
export class LogEngine<K extends EngineKind = EngineKind> {
  readonly kind: K
  private count = 0
  private capacity = 0

  private ids = new Float64Array(0)
  private dates = new Float64Array(0)
  private types = new Uint8Array(0)
  private initiators = new Uint8Array(0)
  /** action (listing log) or task (synchronization log). */
  private codes = new Uint8Array(0)
  private descs = new Uint32Array(0)
  private accounts = new Uint32Array(0)
  private shops = new Uint32Array(0)
  /** listing log: (listingId, title); order log: (orderId, numbers) display tuple. */
  private places = new Uint32Array(0)
  /** listing log: (productId, title). */
  private products = new Uint32Array(0)
  /** What the unique checkbox collapses on: listing product (listing log) or order (order log). */
  private entities = new Uint32Array(0)
  /** listing log: action run (actionId). */
  private runs = new Uint32Array(0)
  /** synchronization log: detailed description; operation history id. */
  private details = new Uint32Array(0)
  private operations = new Float64Array(0)
  private uniqueKeys = new Uint32Array(0)
  private groupKeys = new Uint32Array(0)
  /** Record indices sorted newest first (date, then id). */
  private dateOrder = new Uint32Array(0)

  private readonly descriptions = new Dictionary<string>()
  private readonly accountIds = new Dictionary<number>()
  private readonly shopIds = new Dictionary<number>()
  private readonly placeKeys = new Dictionary<string>()
  private placeId: number[] = [0]
  private placeTitle: string[] = ['']
  private placeExtra: (string | null)[] = [null]
  private placeExtraId: (number | null)[] = [null]
  private readonly productKeys = new Dictionary<string>()
  private productId: (number | null)[] = [null]
  private productTitle: (string | null)[] = [null]
  private readonly entityIds = new Dictionary<number>()
  private readonly runIds = new Dictionary<number>()
  private readonly detailTexts = new Dictionary<string>()
  private readonly uniquePairs = new PairDictionary()
  private readonly groupPairs = new PairDictionary()

  /** Per description: parsed message and folded text, filled lazily. */
  private parsed: (ParsedMessage | undefined)[] = []
  private folded: string[] = []
  /** Numbers-as-equal: description -> shape, and the per-record key built on first use. */
  private shapeOfDesc: number[] = [0]
  private readonly shapes = new Dictionary<string>()
  private readonly shapePairs = new PairDictionary()
  private shapeKeys: Uint32Array | null = null
  private shapeKeysUpTo = 0

  /** Last (title, index) seen per listing / product id: most records repeat them. */
  private lastPlace = new Map<number, { title: string; extra: string | null; extraId: number | null; index: number }>()
  private lastProduct = new Map<number, { title: string | null; index: number }>()

  private messageCache: { needle: string; size: number; mask: Uint8Array } | null = null
  private rankCache = new Map<string, { size: number; rank: Uint32Array }>()

  constructor(kind: K) {
    this.kind = kind
  }

  /** Records held. */
  get size(): number {
    return this.count
  }

  /** Makes room for `total` records at once, so a load of known size never regrows. */
  reserve(total: number): void {
    if (total > this.capacity) this.grow(total)
  }

  private grow(minimum: number) {
    const capacity = Math.max(minimum, Math.ceil(this.capacity * 1.5), 1024)
    const resize = <T extends Float64Array | Uint32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity)
      next.set(old.subarray(0, this.count))
      return next
    }
    const f64 = (n: number) => new Float64Array(n)
    const u32 = (n: number) => new Uint32Array(n)
    const u8 = (n: number) => new Uint8Array(n)
    this.ids = resize(this.ids, f64)
    this.dates = resize(this.dates, f64)
    this.types = resize(this.types, u8)
    this.initiators = resize(this.initiators, u8)
    this.descs = resize(this.descs, u32)
    this.uniqueKeys = resize(this.uniqueKeys, u32)
    this.dateOrder = resize(this.dateOrder, u32)
    if (this.kind !== 'order') this.codes = resize(this.codes, u8)
    if (this.kind !== 'synchronization') {
      this.accounts = resize(this.accounts, u32)
      this.shops = resize(this.shops, u32)
      this.places = resize(this.places, u32)
      this.entities = resize(this.entities, u32)
    }
    if (this.kind === 'listing') {
      this.products = resize(this.products, u32)
      this.runs = resize(this.runs, u32)
      this.groupKeys = resize(this.groupKeys, u32)
    }
    if (this.kind === 'synchronization') {
      this.details = resize(this.details, u32)
      this.operations = resize(this.operations, f64)
    }
    if (this.shapeKeys) this.shapeKeys = resize(this.shapeKeys, u32)
    this.capacity = capacity
  }

  /** Adds records (a page, newest first, or any order). Work is proportional to the page. */
  append(records: readonly EngineRecordByKind[K][]): void {
    const n = records.length
    if (n === 0) return
    const start = this.count
    if (start + n > this.capacity) this.grow(start + n)
    for (let k = 0; k < n; k++) this.write(start + k, records[k]!)
    this.count = start + n
    this.mergeDateOrder(start, n)
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
    const start = this.count
    if (start + accepted > this.capacity) this.grow(start + accepted)
    const target: Record<string, unknown> = {}
    let i = start
    for (let k = 0; k < n; k++) {
      if (valid && valid[k] === 0) continue
      fill(k, target)
      this.write(i++, target as unknown as EngineRecordByKind[K])
    }
    this.count = start + accepted
    this.mergeDateOrder(start, accepted)
    return accepted
  }

  private write(i: number, record: EngineRecordByKind[K]) {
    this.ids[i] = record.id
    const date = record.createDate as string | number
    this.dates[i] = typeof date === 'number' ? date : parseIsoUtc(date)
    this.types[i] = record.type
    this.initiators[i] = record.initiator
    const desc = this.descriptions.intern(record.description)
    this.descs[i] = desc
    if (this.kind === 'synchronization') {
      const r = record as EngineRecordByKind['synchronization']
      this.codes[i] = r.task
      this.details[i] = r.detailedDescription === null ? 0 : this.detailTexts.intern(r.detailedDescription)
      this.operations[i] = r.operationHistoryId ?? Number.NaN
      return
    }
    const r = record as EngineRecordByKind['listing'] | EngineRecordByKind['order']
    this.accounts[i] = this.accountIds.intern(r.accountId)
    this.shops[i] = this.shopIds.intern(r.shopId)
    let entity: number
    if (this.kind === 'listing') {
      const l = r as EngineRecordByKind['listing']
      this.codes[i] = l.action
      this.places[i] = this.internPlace(l.listingId, l.listingTitle, null, null)
      this.products[i] =
        l.productId === null && l.productTitle === null ? 0 : this.internProduct(l.productId, l.productTitle)
      entity = l.listingProductId === null ? 0 : this.entityIds.intern(l.listingProductId)
      const run = this.runIds.intern(l.actionId)
      this.runs[i] = run
      this.groupKeys[i] = this.groupPairs.intern(entity, run)
    } else {
      const o = r as EngineRecordByKind['order']
      this.places[i] = this.internPlace(o.orderId, o.ttsOrderId, o.magentoOrderNumber, o.magentoOrderId)
      entity = this.entityIds.intern(o.orderId)
    }
    this.entities[i] = entity
    // 0 = never collapses (no product / no order).
    this.uniqueKeys[i] = entity === 0 ? 0 : this.uniquePairs.intern(entity, desc)
  }

  /** Listing (id, title) or order (id, TikTok Shop number, Magento number and id), interned. */
  private internPlace(id: number, title: string, extra: string | null, extraId: number | null) {
    const last = this.lastPlace.get(id)
    if (last && last.title === title && last.extra === extra && last.extraId === extraId) return last.index
    const index = this.internPlaceKey(id, title, extra, extraId)
    this.lastPlace.set(id, { title, extra, extraId, index })
    return index
  }

  private internPlaceKey(id: number, title: string, extra: string | null, extraId: number | null) {
    const size = this.placeKeys.size
    const index = this.placeKeys.intern(`${id}\u0000${title}\u0000${extra ?? '\u0001'}\u0000${extraId ?? ''}`)
    if (index === size) {
      this.placeId.push(id)
      this.placeTitle.push(title)
      this.placeExtra.push(extra)
      this.placeExtraId.push(extraId)
    }
    return index
  }

  private internProduct(id: number | null, title: string | null) {
    const last = id === null ? undefined : this.lastProduct.get(id)
    if (last && last.title === title) return last.index
    const index = this.internProductKey(id, title)
    if (id !== null) this.lastProduct.set(id, { title, index })
    return index
  }

  private internProductKey(id: number | null, title: string | null) {
    const size = this.productKeys.size
    const index = this.productKeys.intern(`${id ?? ''}\u0000${title ?? ''}`)
    if (index === size) {
      this.productId.push(id)
      this.productTitle.push(title)
    }
    return index
  }

  /** True when record a comes before record b newest first (date desc, then id desc). */
  private newer(a: number, b: number) {
    const da = this.dates[a]!
    const db = this.dates[b]!
    return da > db || (da === db && this.ids[a]! > this.ids[b]!)
  }

  private mergeDateOrder(start: number, n: number) {
    const batch = new Uint32Array(n)
    let sorted = true
    for (let k = 0; k < n; k++) {
      batch[k] = start + k
      if (k > 0 && this.newer(start + k, start + k - 1)) sorted = false
    }
    if (!sorted) batch.sort((a, b) => (this.newer(a, b) ? -1 : this.newer(b, a) ? 1 : 0))
    const order = this.dateOrder
    if (start === 0 || this.newer(order[start - 1]!, batch[0]!)) {
      // The usual case while loading: every new record is older than all held.
      order.set(batch, start)
      return
    }
    if (this.newer(batch[n - 1]!, order[0]!)) {
      // Live refresh: every new record is newer than all held.
      order.copyWithin(n, 0, start)
      order.set(batch, 0)
      return
    }
    const old = order.slice(0, start)
    let a = 0
    let b = 0
    let out = 0
    while (a < start && b < n) order[out++] = this.newer(batch[b]!, old[a]!) ? batch[b++]! : old[a++]!
    while (a < start) order[out++] = old[a++]!
    while (b < n) order[out++] = batch[b++]!
  }

  // ---- reading records -------------------------------------------------------------------

  idAt(index: number): number {
    return this.ids[index]!
  }

  dateAt(index: number): number {
    return this.dates[index]!
  }

  typeAt(index: number): number {
    return this.types[index]!
  }

  /** The message of a record, parsed once per distinct description. */
  messageAt(index: number): ParsedMessage {
    return this.parsedDescription(this.descs[index]!)
  }

  private parsedDescription(desc: number): ParsedMessage {
    let parsed = this.parsed[desc]
    if (!parsed) {
      parsed = parseDescription(this.descriptions.keys[desc]!)
      this.parsed[desc] = parsed
    }
    return parsed
  }

  private foldedDescription(desc: number): string {
    let folded = this.folded[desc]
    if (folded === undefined) {
      folded = foldText(this.parsedDescription(desc).text)
      this.folded[desc] = folded
    }
    return folded
  }

  /** The record as the API sent it. */
  get(index: number): EngineRecordByKind[K] {
    const base = {
      id: this.ids[index]!,
      createDate: new Date(this.dates[index]!).toISOString(),
      type: this.types[index]!,
      initiator: this.initiators[index]!,
      description: this.descriptions.keys[this.descs[index]!]!,
    }
    if (this.kind === 'synchronization') {
      const detail = this.details[index]!
      const operation = this.operations[index]!
      return {
        ...base,
        task: this.codes[index]!,
        detailedDescription: detail === 0 ? null : this.detailTexts.keys[detail]!,
        operationHistoryId: Number.isNaN(operation) ? null : operation,
      } as EngineRecordByKind[K]
    }
    const place = this.places[index]!
    const common = {
      ...base,
      accountId: this.accountIds.keys[this.accounts[index]!]!,
      shopId: this.shopIds.keys[this.shops[index]!]!,
    }
    const entity = this.entities[index]!
    if (this.kind === 'order') {
      return {
        ...common,
        orderId: this.placeId[place]!,
        ttsOrderId: this.placeTitle[place]!,
        magentoOrderId: this.placeExtraId[place] ?? null,
        magentoOrderNumber: this.placeExtra[place] ?? null,
      } as EngineRecordByKind[K]
    }
    const product = this.products[index]!
    return {
      ...common,
      listingId: this.placeId[place]!,
      listingTitle: this.placeTitle[place]!,
      productId: product === 0 ? null : (this.productId[product] ?? null),
      productTitle: product === 0 ? null : (this.productTitle[product] ?? null),
      listingProductId: entity === 0 ? null : this.entityIds.keys[entity]!,
      action: this.codes[index]!,
      actionId: this.runIds.keys[this.runs[index]!]!,
    } as EngineRecordByKind[K]
  }

  /** Record indices of the other records of the same action run (listing log), newest first. */
  actionRunOf(index: number): number[] {
    if (this.kind !== 'listing') return []
    const run = this.runs[index]!
    const members: number[] = []
    for (let k = 0; k < this.count; k++) {
      const i = this.dateOrder[k]!
      if (this.runs[i] === run) members.push(i)
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
    for (let i = 0; i < this.count; i++) if (this.ids[i] === id) return i
    return -1
  }

  /** Oldest and newest record dates held (UTC ms), or null when empty. */
  dateExtent(): { min: number; max: number } | null {
    if (this.count === 0) return null
    return { min: this.dates[this.dateOrder[this.count - 1]!]!, max: this.dates[this.dateOrder[0]!]! }
  }

  /** The newest record id held, or 0. */
  maxId(): number {
    let max = 0
    for (let i = 0; i < this.count; i++) if (this.ids[i]! > max) max = this.ids[i]!
    return max
  }

  // ---- masks over dictionaries -----------------------------------------------------------

  private messageMask(needle: string): Uint8Array {
    const size = this.descriptions.size
    const cache = this.messageCache
    if (cache && cache.needle === needle && cache.size === size) return cache.mask
    const mask = new Uint8Array(size)
    // Typing one more letter: only what matched before can match now.
    const narrowing = cache !== null && cache.size === size && needle.includes(cache.needle)
    for (let d = 1; d < size; d++) {
      if (narrowing && cache.mask[d] === 0) continue
      if (this.foldedDescription(d).includes(needle)) mask[d] = 1
    }
    this.messageCache = { needle, size, mask }
    return mask
  }

  private placeMask(filter: LogFilter): Uint8Array | null {
    const narrowTo = this.kind === 'listing' ? filter.listingId : undefined
    const text = this.kind === 'listing' ? filter.listing?.trim() : undefined
    const tts = this.kind === 'order' ? filter.ttsOrder?.trim() : undefined
    const magento = this.kind === 'order' ? filter.magentoOrder?.trim() : undefined
    if (narrowTo === undefined && !text && !tts && !magento) return null
    const size = this.placeKeys.size
    const mask = new Uint8Array(size)
    const textNumber = text ? asWholeNumber(text) : null
    const folded = text ? foldText(text) : ''
    const ttsFolded = tts ? foldText(tts) : ''
    const magentoFolded = magento ? foldText(magento) : ''
    for (let p = 1; p < size; p++) {
      if (narrowTo !== undefined && this.placeId[p] !== narrowTo) continue
      if (text && this.placeId[p] !== textNumber && !foldText(this.placeTitle[p]!).includes(folded)) continue
      if (tts && !foldText(this.placeTitle[p]!).includes(ttsFolded)) continue
      if (magento && !foldText(this.placeExtra[p] ?? '').includes(magentoFolded)) continue
      mask[p] = 1
    }
    return mask
  }

  private productMask(filter: LogFilter): Uint8Array | null {
    const text = this.kind === 'listing' ? filter.product?.trim() : undefined
    if (!text) return null
    const size = this.productKeys.size
    const mask = new Uint8Array(size)
    const number = asWholeNumber(text)
    const folded = foldText(text)
    for (let p = 1; p < size; p++) {
      if ((number !== null && this.productId[p] === number) || foldText(this.productTitle[p] ?? '').includes(folded)) {
        mask[p] = 1
      }
    }
    return mask
  }

  // ---- sorting ---------------------------------------------------------------------------

  /** Rank of each dictionary entry by its folded text; equal texts share a rank. */
  private ranks(field: LogSort['field']): Uint32Array {
    const size =
      field === 'message'
        ? this.descriptions.size
        : field === 'listingTitle'
          ? this.placeKeys.size
          : this.productKeys.size
    const cached = this.rankCache.get(field)
    if (cached && cached.size === size) return cached.rank
    const textOf = (d: number) =>
      field === 'message'
        ? this.foldedDescription(d)
        : field === 'listingTitle'
          ? foldText(this.placeTitle[d]!)
          : foldText(this.productTitle[d] ?? '')
    const texts: string[] = new Array<string>(size)
    texts[0] = ''
    for (let d = 1; d < size; d++) texts[d] = textOf(d)
    const order = Array.from({ length: size }, (_, d) => d).sort((a, b) =>
      texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0,
    )
    const rank = new Uint32Array(size)
    let current = 0
    for (let k = 0; k < size; k++) {
      if (k > 0 && texts[order[k]!] !== texts[order[k - 1]!]) current = k
      rank[order[k]!] = current
    }
    this.rankCache.set(field, { size, rank })
    return rank
  }

  // ---- the query -------------------------------------------------------------------------

  query(options: LogQueryOptions = {}): QueryResult {
    const filter = options.filter ?? {}
    const view = this.kind === 'listing' ? (options.view ?? 'separated') : 'separated'
    const grouped = view === 'grouped'
    const collapse = !grouped && (options.unique ?? false) && this.kind !== 'synchronization'
    const sort = options.sort ?? DEFAULT_SORT
    const n = this.count

    const typeMask = maskOf(filter.types)
    const initiatorMask = maskOf(filter.initiators)
    const codeMask = maskOf(
      this.kind === 'listing' ? filter.actions : this.kind === 'synchronization' ? filter.tasks : undefined,
    )
    const from = filter.from ?? -Infinity
    const to = filter.to ?? Infinity
    const checkDates = filter.from !== undefined || filter.to !== undefined
    const needle = filter.message ? foldText(filter.message.trim()) : ''
    const descMask = needle ? this.messageMask(needle) : null
    const placeMask = this.placeMask(filter)
    const productMask = this.productMask(filter)
    const hasOwnerFilters = this.kind !== 'synchronization'
    // An id never seen means nothing can match: index -1 never equals a column value.
    const account = hasOwnerFilters && filter.accountId !== undefined ? this.accountIds.find(filter.accountId) || -1 : 0
    const shop = hasOwnerFilters && filter.shopId !== undefined ? this.shopIds.find(filter.shopId) || -1 : 0
    const narrowId =
      this.kind === 'listing' ? filter.listingProductId : this.kind === 'order' ? filter.orderId : undefined
    const entity = narrowId !== undefined ? this.entityIds.find(narrowId) || -1 : 0

    let keys: Uint32Array | null = null
    let keyCount = 0
    if (grouped) {
      keys = this.groupKeys
      keyCount = this.groupPairs.size
    } else if (collapse) {
      if (options.numbersAsEqual) {
        keys = this.numberShapeKeys()
        keyCount = this.shapePairs.size
      } else {
        keys = this.uniqueKeys
        keyCount = this.uniquePairs.size
      }
    }
    const rowOfKey = keys ? new Int32Array(keyCount).fill(-1) : null
    const scratch = this.scratchBuffers()
    const rows = scratch.rows
    const counts = scratch.counts
    const worst = grouped ? scratch.worst : null
    const lastMember = scratch.lastMember
    // The member chains outlive the query (membersOf); 0 ends a chain, so links store index + 1.
    const nextMember = keys ? new Uint32Array(n) : null
    const typeCounts = new Float64Array(TYPE_CODES.length)
    const histogram = options.histogram ? new Uint32Array(options.histogram.buckets * TYPE_CODES.length) : null
    const h: HistogramRequest = options.histogram ?? { from: 0, to: 0, buckets: 0 }
    const bucketWidth = (h.to - h.from + 1) / Math.max(1, h.buckets)

    const { dateOrder, dates, types, initiators, codes, descs, accounts, shops, places, products, entities } = this
    let matched = 0
    let shown = 0
    for (let k = 0; k < n; k++) {
      const i = dateOrder[k]!
      const type = types[i]!
      if (typeMask !== null && typeMask[type] === 0) continue
      if (checkDates) {
        const date = dates[i]!
        if (date < from || date > to) continue
      }
      if (initiatorMask !== null && initiatorMask[initiators[i]!] === 0) continue
      if (codeMask !== null && codeMask[codes[i]!] === 0) continue
      if (account !== 0 && accounts[i] !== account) continue
      if (shop !== 0 && shops[i] !== shop) continue
      if (entity !== 0 && entities[i] !== entity) continue
      if (placeMask !== null && placeMask[places[i]!] === 0) continue
      if (productMask !== null && productMask[products[i]!] === 0) continue
      if (descMask !== null && descMask[descs[i]!] === 0) continue

      matched++
      typeCounts[TYPE_SLOT[type]!]!++
      if (histogram !== null) {
        const bucket = Math.floor((dates[i]! - h.from) / bucketWidth)
        if (bucket >= 0 && bucket < h.buckets) histogram[bucket * TYPE_CODES.length + TYPE_SLOT[type]!]!++
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

    const order = this.sortRows(rows, shown, sort)
    const finalRows = order ? order.map((r) => rows[r]!) : rows.slice(0, shown)
    const finalCounts = order ? order.map((r) => counts[r]!) : counts.slice(0, shown)
    const finalWorst = worst ? (order ? Uint8Array.from(order, (r) => worst[r]!) : worst.slice(0, shown)) : null
    const perType: Record<number, number> = {}
    TYPE_CODES.forEach((code, slot) => (perType[code] = typeCounts[slot]!))
    return {
      rows: finalRows,
      counts: finalCounts,
      worstTypes: finalWorst,
      total: n,
      matched,
      shown,
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

  private scratch: { rows: Uint32Array; counts: Uint32Array; lastMember: Uint32Array; worst: Uint8Array } | null = null

  /** Working arrays reused by every query, so a query allocates only what its result keeps. */
  private scratchBuffers() {
    if (!this.scratch || this.scratch.rows.length < this.count) {
      const size = Math.max(this.capacity, this.count)
      this.scratch = {
        rows: new Uint32Array(size),
        counts: new Uint32Array(size),
        lastMember: new Uint32Array(size),
        worst: new Uint8Array(size),
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
    if (this.kind !== 'listing' && sort.field !== 'message') return null
    const rank = this.ranks(sort.field)
    const column = sort.field === 'message' ? this.descs : sort.field === 'listingTitle' ? this.places : this.products
    // Counting sort by rank: linear and stable.
    const buckets = new Uint32Array(rank.length + 1)
    const keyOf = new Uint32Array(shown)
    const top = rank.length - 1
    for (let r = 0; r < shown; r++) {
      const value = rank[column[rows[r]!]!]!
      const key = sort.direction === 'asc' ? value : top - value
      keyOf[r] = key
      buckets[key + 1]!++
    }
    for (let b = 1; b < buckets.length; b++) buckets[b]! += buckets[b - 1]!
    const order = new Uint32Array(shown)
    for (let r = 0; r < shown; r++) order[buckets[keyOf[r]!]!++] = r
    return order
  }

  /** Per-record keys that treat messages differing only in numbers as one, built on first use. */
  private numberShapeKeys(): Uint32Array {
    if (!this.shapeKeys) {
      this.shapeKeys = new Uint32Array(this.capacity)
      this.shapeKeysUpTo = 0
    }
    const keys = this.shapeKeys
    for (let i = this.shapeKeysUpTo; i < this.count; i++) {
      const entity = this.entities[i]!
      if (entity === 0) {
        keys[i] = 0
        continue
      }
      const desc = this.descs[i]!
      let shape = this.shapeOfDesc[desc]
      if (shape === undefined) {
        shape = this.shapes.intern(this.parsedDescription(desc).text.replace(NUMBER_RUN, '#'))
        this.shapeOfDesc[desc] = shape
      }
      keys[i] = this.shapePairs.intern(entity, shape)
    }
    this.shapeKeysUpTo = this.count
    return keys
  }
}
