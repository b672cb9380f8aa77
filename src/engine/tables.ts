/**
 * Where the engine keeps records: one typed array per field (a "slot"), with strings and ids
 * interned into tables. Every log has the common slots; each log's layout (layouts.ts) says
 * which of the others it fills. A slot a log lacks stays empty and is never read.
 */
import { Dictionary, PairDictionary } from './dictionary'

/** The slots only some logs have. */
export type Slot =
  | 'accounts'
  | 'shops'
  | 'actions'
  | 'tasks'
  | 'listings'
  | 'products'
  | 'listingProducts'
  | 'actionRuns'
  | 'orders'
  | 'orderIds'
  | 'detailedMessages'
  | 'operationIds'

/** Titled things a record points at (listings, products): id and title, interned as a pair. */
export class TitleTable {
  private readonly keys = new Dictionary<string>()
  readonly ids: (number | null)[] = [null]
  readonly titles: (string | null)[] = [null]
  /** Last (title, index) per id: most records repeat them. */
  private readonly last = new Map<number, { title: string | null; index: number }>()

  get size(): number {
    return this.keys.size
  }

  intern(id: number | null, title: string | null): number {
    const last = id === null ? undefined : this.last.get(id)
    if (last && last.title === title) return last.index
    const size = this.keys.size
    const index = this.keys.intern(`${id ?? ''}\u0000${title ?? ''}`)
    if (index === size) {
      this.ids.push(id)
      this.titles.push(title)
    }
    if (id !== null) this.last.set(id, { title, index })
    return index
  }
}

/** Orders as the order log shows them: TikTok Shop number, Magento number and id. */
export class OrderTable {
  private readonly keys = new Dictionary<string>()
  readonly orderIds: number[] = [0]
  readonly ttsOrderIds: string[] = ['']
  readonly magentoNumbers: (string | null)[] = [null]
  readonly magentoIds: (number | null)[] = [null]
  private readonly last = new Map<number, number>()

  get size(): number {
    return this.keys.size
  }

  intern(orderId: number, tts: string, magentoNumber: string | null, magentoId: number | null): number {
    const last = this.last.get(orderId)
    if (
      last !== undefined &&
      this.ttsOrderIds[last] === tts &&
      this.magentoNumbers[last] === magentoNumber &&
      this.magentoIds[last] === magentoId
    ) {
      return last
    }
    const size = this.keys.size
    const index = this.keys.intern(`${orderId}\u0000${tts}\u0000${magentoNumber ?? '\u0001'}\u0000${magentoId ?? ''}`)
    if (index === size) {
      this.orderIds.push(orderId)
      this.ttsOrderIds.push(tts)
      this.magentoNumbers.push(magentoNumber)
      this.magentoIds.push(magentoId)
    }
    this.last.set(orderId, index)
    return index
  }
}

type Column = Float64Array | Uint32Array | Uint16Array

/**
 * A field no layout tunes by hand (layouts.ts), held as it comes, its texts interned: a new field
 * of the field list (src/api/fields.ts) is kept and given back without an engine change.
 */
export class PlainColumn {
  private readonly values: (string | number | null)[] = []
  private readonly texts = new Map<string, string>()

  write(i: number, value: string | number | null): void {
    if (typeof value !== 'string') this.values[i] = value
    else {
      let text = this.texts.get(value)
      if (text === undefined) this.texts.set(value, (text = value))
      this.values[i] = text
    }
  }

  read(i: number): string | number | null {
    return this.values[i] ?? null
  }
}

export class RecordTables {
  count = 0
  capacity = 0

  // Every log.
  ids = new Float64Array(0)
  /** UTC ms. */
  dates = new Float64Array(0)
  /** Codes as stored (0 to 65,535: a newer M2E's unknown codes are kept as they are). */
  types = new Uint16Array(0)
  initiators = new Uint16Array(0)
  /** Index into `messageTexts`. */
  messages = new Uint32Array(0)
  /** What the unique checkbox collapses on: (owner, message); 0 never collapses. */
  uniqueKeys = new Uint32Array(0)
  /** Record indices, newest first (date, then id). */
  dateOrder = new Uint32Array(0)
  /**
   * The date order has been handed out (sharedDateOrder): a merge that rewrites the records held
   * copies it first, so that what was handed out stays as it was. Appending older records writes
   * only past the records held, which no view handed out covers.
   */
  private dateOrderShared = false

  // Some logs (see Slot).
  accounts = new Uint32Array(0)
  shops = new Uint32Array(0)
  actions = new Uint16Array(0)
  tasks = new Uint16Array(0)
  listings = new Uint32Array(0)
  products = new Uint32Array(0)
  listingProducts = new Uint32Array(0)
  actionRuns = new Uint32Array(0)
  orders = new Uint32Array(0)
  orderIds = new Uint32Array(0)
  detailedMessages = new Uint32Array(0)
  /** NaN: none. */
  operationIds = new Float64Array(0)

  readonly messageTexts = new Dictionary<string>()
  readonly accountIds = new Dictionary<number>()
  readonly shopIds = new Dictionary<number>()
  readonly listingTable = new TitleTable()
  readonly productTable = new TitleTable()
  readonly listingProductIds = new Dictionary<number>()
  readonly actionRunIds = new Dictionary<number>()
  readonly orderTable = new OrderTable()
  readonly orderIdKeys = new Dictionary<number>()
  readonly detailTexts = new Dictionary<string>()
  readonly uniquePairs = new PairDictionary()
  /** The fields without a slot of their own (see PlainColumn): named on the first write. */
  plainFields: string[] | null = null
  readonly plain = new Map<string, PlainColumn>()

  constructor(readonly slots: readonly Slot[]) {}

  /** The column of a plain field, made on its first use. */
  plainColumn(field: string): PlainColumn {
    let column = this.plain.get(field)
    if (!column) this.plain.set(field, (column = new PlainColumn()))
    return column
  }

  has(slot: Slot): boolean {
    return this.slots.includes(slot)
  }

  /** Makes room for at least `minimum` records, keeping what is held. */
  grow(minimum: number): void {
    const capacity = Math.max(minimum, Math.ceil(this.capacity * 1.5), 1024)
    const resize = <T extends Column>(old: T): T => {
      const next = new (old.constructor as new (n: number) => T)(capacity)
      next.set(old.subarray(0, this.count) as never)
      return next
    }
    this.ids = resize(this.ids)
    this.dates = resize(this.dates)
    this.types = resize(this.types)
    this.initiators = resize(this.initiators)
    this.messages = resize(this.messages)
    this.uniqueKeys = resize(this.uniqueKeys)
    this.dateOrder = resize(this.dateOrder)
    this.dateOrderShared = false
    for (const slot of this.slots) (this as unknown as Record<Slot, Column>)[slot] = resize(this[slot])
    this.capacity = capacity
  }

  /** True when record a comes before record b newest first (date desc, then id desc). */
  private newer(a: number, b: number) {
    const { dates, ids } = this
    const da = dates[a]!
    const db = dates[b]!
    return da > db || (da === db && ids[a]! > ids[b]!)
  }

  /**
   * The first `n` records newest first, as a view that is never written again (a result's rows
   * when every record is shown): the records held are merged into a copy from then on.
   */
  sharedDateOrder(n: number): Uint32Array {
    this.dateOrderShared = true
    return this.dateOrder.subarray(0, n)
  }

  /** Puts records `start..start+n` into the newest-first order. */
  mergeDateOrder(start: number, n: number) {
    const batch = new Uint32Array(n)
    let sorted = true
    for (let k = 0; k < n; k++) {
      batch[k] = start + k
      if (k > 0 && this.newer(start + k, start + k - 1)) sorted = false
    }
    if (!sorted) batch.sort((a, b) => (this.newer(a, b) ? -1 : this.newer(b, a) ? 1 : 0))
    const held = this.dateOrder
    if (start === 0 || this.newer(held[start - 1]!, batch[0]!)) {
      // The usual case while loading: every new record is older than all held.
      held.set(batch, start)
      return
    }
    // The records held move. A view of them handed out keeps its array as it is: the new order
    // is written into an array of its own, read from the old one.
    let order = held
    if (this.dateOrderShared) {
      order = this.dateOrder = new Uint32Array(held.length)
      this.dateOrderShared = false
    }
    if (this.newer(batch[n - 1]!, held[0]!)) {
      // Live refresh: every new record is newer than all held.
      if (order === held) order.copyWithin(n, 0, start)
      else order.set(held.subarray(0, start), n)
      order.set(batch, 0)
      return
    }
    const old = order === held ? held.slice(0, start) : held
    let a = 0
    let b = 0
    let out = 0
    while (a < start && b < n) order[out++] = this.newer(batch[b]!, old[a]!) ? batch[b++]! : old[a++]!
    while (a < start) order[out++] = old[a++]!
    while (b < n) order[out++] = batch[b++]!
  }
}
