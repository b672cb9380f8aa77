/**
 * How each log's records map to the engine's slots, both ways: what is written on append, and
 * the record `get()` gives back. Everything else in the engine is the same for every log.
 */
import { internedTexts, type PageReads, type RecordWrite } from './pageReads'
import type { Dictionary } from './dictionary'
import type { RecordTables, Slot, TitleTable } from './tables'
import type { EngineKind, EngineRecordByKind, LogFilter } from './types'

/** The fields every log has, kept by the engine itself (appending.ts). */
type CommonField = 'id' | 'createDate' | 'type' | 'initiator' | 'description'
/** A log's own fields (its field list's, less the common ones). */
export type OwnField<K extends EngineKind> = Exclude<keyof EngineRecordByKind[K], CommonField> & string

export interface RecordLayout<K extends EngineKind> {
  slots: readonly Slot[]
  /**
   * Whether the log has the grouped view: its records grouped by (owner, action run). The keys
   * are built on the view's first use (LogEngine), not on append.
   */
  groups: boolean
  /**
   * The slot the unique checkbox collapses on (a listing product, an order) and the filter that
   * narrows to one of them; null: records never collapse.
   */
  owner: {
    slot: 'listingProducts' | 'orderIds'
    /** The interned ids the slot holds indices of. */
    ids: (tables: RecordTables) => Dictionary<number>
    narrowTo: (filter: LogFilter) => number | undefined
  } | null
  /** Fills the log's own slots of record `i` from a record object; returns its owner's index (0: none). */
  write(tables: RecordTables, i: number, record: EngineRecordByKind[K]): number
  /**
   * The same from a columns page: `write(i, k)` puts record k of the page into slot i and returns
   * its owner's index. Reads the page's columns once, up front. `write` and this agree (a property
   * test loads every log both ways against a model).
   */
  columns(tables: RecordTables, page: PageReads): RecordWrite
  /** The log's own fields of record `i`. */
  read(tables: RecordTables, i: number): Pick<EngineRecordByKind[K], OwnField<K>>
}

/**
 * A layout tuned by hand: the fields it stores in slots of its own (`fields`), read back with
 * exactly their types in the field list (a field added to the list, or changed there, fails to
 * compile here until the layout agrees or leaves it to the plain columns).
 */
interface TunedLayout<K extends EngineKind, F extends OwnField<K>> extends Omit<RecordLayout<K>, 'read'> {
  fields: readonly F[]
  read(tables: RecordTables, i: number): Pick<EngineRecordByKind[K], F>
}

/**
 * A tuned layout, plus a plain column (tables.ts) for each field of the list it does not tune:
 * the record's other fields, seen on its log's first write.
 */
const withPlainFields =
  <K extends EngineKind>() =>
  <F extends OwnField<K>>(tuned: TunedLayout<K, F>): RecordLayout<K> => {
    const handled: readonly string[] = [...COMMON_FIELDS, ...tuned.fields]
    return {
      ...tuned,
      write(t, i, record) {
        const owner = tuned.write(t, i, record)
        const plain = (t.plainFields ??= Object.keys(record).filter((name) => !handled.includes(name)))
        for (const name of plain)
          t.plainColumn(name).write(i, (record as Record<string, string | number | null>)[name] ?? null)
        return owner
      },
      columns(t, page) {
        const write = tuned.columns(t, page)
        const plain = (t.plainFields ??= page.fields.filter((name) => !handled.includes(name)))
        // A field of the first page that a later page lacks is null there.
        const readers = plain.map((name) => {
          const column = t.plainColumn(name)
          const value = page.fields.includes(name) ? page.values(name) : () => null
          return (i: number, k: number) => column.write(i, value(k))
        })
        if (readers.length === 0) return write
        return (i, k) => {
          const owner = write(i, k)
          for (const read of readers) read(i, k)
          return owner
        }
      },
      read(t, i) {
        const own: Record<string, unknown> = tuned.read(t, i)
        for (const name of t.plainFields ?? []) own[name] = t.plainColumn(name).read(i)
        return own as Pick<EngineRecordByKind[K], OwnField<K>>
      },
    }
  }

const COMMON_FIELDS = ['id', 'createDate', 'type', 'initiator', 'description'] as const satisfies CommonField[]

/**
 * Interns a page's number column through `keys`, remembering the last value's index (records come
 * in runs of one account, one shop, one action run). `run(k, none)`: a value equal to `none` is 0.
 */
function lastInterned(keys: Dictionary<number>, values: ArrayLike<number>) {
  let last = Number.NaN
  let index = 0
  return (k: number, none?: number) => {
    const value = values[k]!
    if (value === none) return 0
    if (value !== last) {
      last = value
      index = keys.intern(value)
    }
    return index
  }
}

/**
 * Interns a page's (id, title) pairs into a titled table; a record with neither is 0. The title
 * comes from the page's dictionary, so equal titles are one string.
 */
function titled(table: TitleTable, page: PageReads, idField: string, titleField: string) {
  const ids = page.numbers(idField)
  const noId = page.nulls(idField)
  const { dict, codes } = page.texts(titleField)
  // Per title of the page, the id it came with last and their index: most records repeat both.
  const lastIds = new Float64Array(dict.length).fill(Number.NaN)
  const lastIndices = new Uint32Array(dict.length)
  return (k: number) => {
    const code = codes[k]!
    const id = noId?.[k] === 1 ? null : ids[k]!
    if (id !== null && lastIds[code] === id) return lastIndices[code]!
    const title = dict[code] ?? null
    if (id === null && title === null) return 0
    const index = table.intern(id, title)
    if (id !== null) {
      lastIds[code] = id
      lastIndices[code] = index
    }
    return index
  }
}

const listing = withPlainFields<'listing'>()({
  fields: [
    'accountId',
    'shopId',
    'listingId',
    'listingTitle',
    'productId',
    'productTitle',
    'listingProductId',
    'action',
    'actionId',
  ],
  slots: ['accounts', 'shops', 'actions', 'listings', 'products', 'listingProducts', 'actionRuns'],
  groups: true,
  owner: { slot: 'listingProducts', ids: (t) => t.listingProductIds, narrowTo: (filter) => filter.listingProductId },
  write(t, i, r) {
    t.accounts[i] = t.accountIds.intern(r.accountId)
    t.shops[i] = t.shopIds.intern(r.shopId)
    t.actions[i] = r.action
    t.listings[i] = t.listingTable.intern(r.listingId, r.listingTitle)
    t.products[i] =
      r.productId === null && r.productTitle === null ? 0 : t.productTable.intern(r.productId, r.productTitle)
    const owner = r.listingProductId === null ? 0 : t.listingProductIds.intern(r.listingProductId)
    t.listingProducts[i] = owner
    // Action run 0 (old code's "none") is no run: its records are never grouped together.
    t.actionRuns[i] = r.actionId === 0 ? 0 : t.actionRunIds.intern(r.actionId)
    return owner
  },
  columns(t, page) {
    const account = lastInterned(t.accountIds, page.numbers('accountId'))
    const shop = lastInterned(t.shopIds, page.numbers('shopId'))
    const actions = page.numbers('action')
    const listing = titled(t.listingTable, page, 'listingId', 'listingTitle')
    const product = titled(t.productTable, page, 'productId', 'productTitle')
    const owners = page.numbers('listingProductId')
    const noOwner = page.nulls('listingProductId')
    const run = lastInterned(t.actionRunIds, page.numbers('actionId'))
    return (i, k) => {
      t.accounts[i] = account(k)
      t.shops[i] = shop(k)
      t.actions[i] = actions[k]!
      t.listings[i] = listing(k)
      t.products[i] = product(k)
      const owner = noOwner?.[k] === 1 ? 0 : t.listingProductIds.intern(owners[k]!)
      t.listingProducts[i] = owner
      // Action run 0 (old code's "none") is no run: its records are never grouped together.
      t.actionRuns[i] = run(k, 0)
      return owner
    }
  },
  read(t, i) {
    const listing = t.listings[i]!
    const product = t.products[i]!
    const owner = t.listingProducts[i]!
    return {
      accountId: t.accountIds.keys[t.accounts[i]!]!,
      shopId: t.shopIds.keys[t.shops[i]!]!,
      listingId: t.listingTable.ids[listing]!,
      listingTitle: t.listingTable.titles[listing]!,
      productId: product === 0 ? null : (t.productTable.ids[product] ?? null),
      productTitle: product === 0 ? null : (t.productTable.titles[product] ?? null),
      listingProductId: owner === 0 ? null : t.listingProductIds.keys[owner]!,
      action: t.actions[i]!,
      actionId: t.actionRuns[i] === 0 ? 0 : t.actionRunIds.keys[t.actionRuns[i]!]!,
    }
  },
})

const order = withPlainFields<'order'>()({
  fields: ['accountId', 'shopId', 'orderId', 'ttsOrderId', 'magentoOrderId', 'magentoOrderNumber'],
  slots: ['accounts', 'shops', 'orders', 'orderIds'],
  groups: false,
  owner: { slot: 'orderIds', ids: (t) => t.orderIdKeys, narrowTo: (filter) => filter.orderId },
  write(t, i, r) {
    t.accounts[i] = t.accountIds.intern(r.accountId)
    t.shops[i] = t.shopIds.intern(r.shopId)
    t.orders[i] = t.orderTable.intern(r.orderId, r.ttsOrderId, r.magentoOrderNumber, r.magentoOrderId)
    // Order 0 (old code's "none") is no order: its records never collapse together.
    const owner = r.orderId === 0 ? 0 : t.orderIdKeys.intern(r.orderId)
    t.orderIds[i] = owner
    return owner
  },
  columns(t, page) {
    const account = lastInterned(t.accountIds, page.numbers('accountId'))
    const shop = lastInterned(t.shopIds, page.numbers('shopId'))
    const orderIds = page.numbers('orderId')
    const tts = page.texts('ttsOrderId')
    const magentoNumbers = page.texts('magentoOrderNumber')
    const magentoIds = page.numbers('magentoOrderId')
    const noMagentoId = page.nulls('magentoOrderId')
    return (i, k) => {
      t.accounts[i] = account(k)
      t.shops[i] = shop(k)
      const orderId = orderIds[k]!
      t.orders[i] = t.orderTable.intern(
        orderId,
        tts.dict[tts.codes[k]!] ?? '',
        magentoNumbers.dict[magentoNumbers.codes[k]!] ?? null,
        noMagentoId?.[k] === 1 ? null : magentoIds[k]!,
      )
      // Order 0 (old code's "none") is no order: its records never collapse together.
      const owner = orderId === 0 ? 0 : t.orderIdKeys.intern(orderId)
      t.orderIds[i] = owner
      return owner
    }
  },
  read(t, i) {
    const o = t.orders[i]!
    return {
      accountId: t.accountIds.keys[t.accounts[i]!]!,
      shopId: t.shopIds.keys[t.shops[i]!]!,
      orderId: t.orderTable.orderIds[o]!,
      ttsOrderId: t.orderTable.ttsOrderIds[o]!,
      magentoOrderId: t.orderTable.magentoIds[o] ?? null,
      magentoOrderNumber: t.orderTable.magentoNumbers[o] ?? null,
    }
  },
})

const synchronization = withPlainFields<'synchronization'>()({
  fields: ['task', 'detailedDescription', 'operationHistoryId'],
  slots: ['tasks', 'detailedMessages', 'operationIds'],
  groups: false,
  owner: null,
  write(t, i, r) {
    t.tasks[i] = r.task
    t.detailedMessages[i] = r.detailedDescription === null ? 0 : t.detailTexts.intern(r.detailedDescription)
    t.operationIds[i] = r.operationHistoryId ?? Number.NaN
    return 0
  },
  columns(t, page) {
    const tasks = page.numbers('task')
    const detail = internedTexts(page.texts('detailedDescription'), (text) => t.detailTexts.intern(text))
    const operations = page.numbers('operationHistoryId')
    const noOperation = page.nulls('operationHistoryId')
    return (i, k) => {
      t.tasks[i] = tasks[k]!
      t.detailedMessages[i] = detail(k)
      t.operationIds[i] = noOperation?.[k] === 1 ? Number.NaN : operations[k]!
      return 0
    }
  },
  read(t, i) {
    const detail = t.detailedMessages[i]!
    const operation = t.operationIds[i]!
    return {
      task: t.tasks[i]!,
      detailedDescription: detail === 0 ? null : t.detailTexts.keys[detail]!,
      operationHistoryId: Number.isNaN(operation) ? null : operation,
    }
  },
})

export const LAYOUTS: { [K in EngineKind]: RecordLayout<K> } = { listing, order, synchronization }
