/**
 * The fast engine against the slow model (./model.ts), on cases built to bite: at least 20
 * records from small pools of products, listings, orders and messages (so repeats collapse and
 * texts collide), ids shuffled and repeated, equal dates, pages appended one after another, and
 * queries of one or two filters taken from values the records hold, in other cases and without
 * diacritics. Every page goes into two engines: one by `append(records)`, one the way the store
 * loads a log (the compact columns format, encoded, sent as JSON, decoded, `columnsAppender`, in slices), with
 * malformed records the decoder must leave out. Both must agree with the model after every page.
 *
 * The cases are only worth something if queries find rows, rows collapse and the text filters
 * decide something: the run counts that and asserts floors at the end of each property.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeColumns, encodeColumns, type ColumnsPageBody } from '@/api/columns'
import {
  LogEngine,
  type EngineKind,
  type EngineListingRecord,
  type EngineOrderRecord,
  type EngineRecordByKind,
  type EngineSynchronizationRecord,
  type LogFilter,
  type LogQueryOptions,
  type LogSort,
} from '@/engine'
import { modelActionRun, modelMessageText, modelQuery, modelShapeKey, type ModelResult } from './model'
import { listingRecord as wholeListingRecord } from '../../fixtures/records'

type AnyRecord = EngineRecordByKind[EngineKind]

const HOUR = 3_600_000
const BASE = Date.UTC(2026, 10, 1)
const HOURS = 10
const TYPES = [1, 2, 3, 4, 100]

// ---- records ---------------------------------------------------------------------------------

/** Ten hours, a few with a quarter second: equal dates are common. Both forms the API may send. */
const createDate = fc
  .tuple(fc.integer({ min: 0, max: HOURS - 1 }), fc.integer({ min: 0, max: 2 }))
  .map(([hour, form]) => {
    const iso = new Date(BASE + hour * HOUR + (form === 2 ? 250 : 0)).toISOString()
    return form === 0 ? iso.replace('.000Z', 'Z') : iso
  })

/** Small ids repeat and come in any order; large ones are realistic. */
const recordId = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2 ** 40 }))

const json = (string: string, params: Record<string, unknown>, links: string[]) =>
  JSON.stringify({ string, params, links })

const LISTING_MESSAGES = [
  'Item was Revised.',
  'Item was Revised.',
  'Price was revised from 10.00 to 12.50.',
  'Price was revised from 11.00 to 9.99.',
  'Price was revised from 12.50 to 13.00.',
  // Whole and decimal numbers: all one shape when numbers count as equal.
  'Price was revised from 9 to 12.50.',
  // Another message (another case), so another shape when numbers count as equal.
  'price was revised from 11.00 to 9.99.',
  'QTY was revised from 5 to 4.',
  // The same text as the line above, stored as JSON: a different stored message.
  json('QTY was revised from %from% to %to%.', { from: 5, to: 4 }, []),
  'Błąd: produkt nie został wystawiony.',
  'BŁĄD: Produkt nie został wystawiony.',
  'Żółw: cena zmieniona z 10,50 na 12,00.',
  'Żółw: cena zmieniona z 9 na 12,00.',
  'Product was not Listed.\nReason: Brand is required.',
  json('Category attribute "%attr%" is required. !x_start!How to map it!x_end!', { attr: 'Marka' }, [
    'https://example.com/help',
  ]),
  json('Image %n% was not uploaded.', { n: 2 }, ['https://example.com/images']),
  json('Zdjęcie !l_start!nie zostało przesłane!l_end!.', {}, ['javascript:alert(1)']),
  '<script>alert(1)</script> & "quotes"',
  // Typographic punctuation a merchant types plainly: curly quotes, dashes, no-break spaces.
  'Product “Maxi Dress – 2026” wasn’t listed: price 1\u00a0000,00\u202fzł.',
]

const LISTINGS = [
  { listingId: 1, listingTitle: 'Summer Dresses 2026' },
  { listingId: 2, listingTitle: 'Akcesoria – Wyprzedaż' },
  // The same listing renamed.
  { listingId: 2, listingTitle: 'AKCESORIA (stara nazwa)' },
  { listingId: 3, listingTitle: 'Łódź Phone Cases <Clearance>' },
]

const PRODUCTS = [
  { productId: 1001, productTitle: 'Żółw pluszowy', listingProductId: 5001 },
  { productId: 1002, productTitle: 'ŻÓŁW Pluszowy XL', listingProductId: 5002 },
  { productId: 1003, productTitle: 'Maxi Dress', listingProductId: 5003 },
  // The same product renamed.
  { productId: 1003, productTitle: 'Maxi Dress – edycja 2026', listingProductId: 5003 },
  // Its title holds another product's id.
  { productId: 1006, productTitle: 'Etui 1002 Pro', listingProductId: 5006 },
  { productId: 1007, productTitle: 'Kids’ «Rock» T\u2011Shirt — Olive', listingProductId: 5007 },
  { productId: 1004, productTitle: null, listingProductId: 5004 },
  { productId: null, productTitle: 'Usunięty produkt', listingProductId: 5005 },
  { productId: null, productTitle: null, listingProductId: null },
]

const listingRecord: fc.Arbitrary<EngineListingRecord> = fc
  .record({
    id: recordId,
    createDate,
    // With codes a newer M2E writes (type 5, run mode 7): kept and counted apart.
    type: fc.constantFrom(1, 2, 3, 4, 5),
    initiator: fc.constantFrom(0, 1, 2, 3, 7),
    description: fc.constantFrom(...LISTING_MESSAGES),
    accountId: fc.constantFrom(1, 2),
    shopId: fc.constantFrom(11, 12, 13),
    listing: fc.constantFrom(...LISTINGS),
    product: fc.constantFrom(...PRODUCTS),
    action: fc.constantFrom(4, 13, 15, 25, 97),
    actionId: fc.constantFrom(100, 101, 102),
  })
  .map(({ listing, product, ...rest }) => wholeListingRecord({ ...rest, ...listing, ...product }))

const ORDER_MESSAGES = [
  'Magento Order #001000120 was created.',
  'Magento Order was not created. Reason: Product "SKU-1" is out of stock.',
  'Magento Order was not created. Reason: Product "SKU-2" is out of stock.',
  'Invoice was created.',
  'Invoice was created.',
  'Zamówienie Magento nie zostało utworzone: brak produktu „Żółw”.',
  'ZAMÓWIENIE utworzone',
  'Tracking number 1Z999 was sent to TikTok Shop.',
  json('Refund of %amount% was made.', { amount: '12.50' }, []),
  json('Cancellation failed.', {}, ['https://seller.example.com/order/1']),
  '<img src=x onerror=alert(1)>',
]

const ORDERS = [
  { orderId: 20001, ttsOrderId: '576461413577379981', magentoOrderId: 1000120, magentoOrderNumber: '001000120' },
  { orderId: 20002, ttsOrderId: '576461413577312345', magentoOrderId: null, magentoOrderNumber: null },
  // One order before and after its Magento order was created.
  { orderId: 20003, ttsOrderId: '576461413500000001', magentoOrderId: null, magentoOrderNumber: null },
  { orderId: 20003, ttsOrderId: '576461413500000001', magentoOrderId: 1000121, magentoOrderNumber: '001000121' },
]

const orderRecord: fc.Arbitrary<EngineOrderRecord> = fc
  .record({
    id: recordId,
    createDate,
    // With codes a newer M2E writes (type 5, run mode 7): kept and counted apart.
    type: fc.constantFrom(1, 2, 3, 4, 5),
    initiator: fc.constantFrom(0, 1, 2, 3, 7),
    description: fc.constantFrom(...ORDER_MESSAGES),
    accountId: fc.constantFrom(1, 2),
    shopId: fc.constantFrom(11, 12, 13),
    order: fc.constantFrom(...ORDERS),
  })
  .map(({ order, ...rest }) => ({ ...rest, ...order }))

const SYNC_MESSAGES = [
  'Listings synchronization failed: HTTP 503.',
  'Connection to TikTok Shop was lost.',
  'Connection to TikTok Shop was lost.',
  'Nie udało się zsynchronizować zamówień.',
  'NIE UDAŁO SIĘ zsynchronizować ofert.',
  'Unmanaged listings: 12 found, 3 imported.',
  json('Shop %shop% token expired. !x_start!Reconnect!x_end!', { shop: 'Łódź (PL)' }, ['https://example.com/auth']),
  'Błąd krytyczny & <b>stack</b>',
  'Shop „Łódź” — token expired: it can’t sign requests.',
]

const syncRecord: fc.Arbitrary<EngineSynchronizationRecord> = fc.record({
  id: recordId,
  createDate,
  type: fc.constantFrom(1, 2, 3, 4, 100, 5),
  initiator: fc.constantFrom(0, 1, 2, 3),
  description: fc.constantFrom(...SYNC_MESSAGES),
  task: fc.constantFrom(0, 2, 3, 5, 11),
  detailedDescription: fc.constantFrom(null, 'HTTP 503 Service Unavailable', 'Stack trace:\n#0 Sync.php(12)'),
  operationHistoryId: fc.constantFrom(null, 900001, 900002),
})

// ---- queries ---------------------------------------------------------------------------------

/** One filter, resolved against the records held when the query runs. */
interface FilterPick {
  field: string
  /** Which held record the value comes from (modulo their number). */
  anchor: number
  /** Another code or offset, where the filter takes one. */
  other: number
  start: number
  length: number
  variant: number
}

interface QueryRecipe {
  filters: FilterPick[]
  /** Second filter from the same record as the first (so the two can both match), unless 0. */
  sameAnchor: number
  unique: boolean
  numbersAsEqual: boolean
  view: 'separated' | 'grouped' | 'problems'
  sort: LogSort
  /** Narrow to the shape of a held record's message (a Problems row drilled into), unless null. */
  shapeOf: number | null
  /** Hours from BASE; `to` lands on record dates, a millisecond before or a quarter second after. */
  histogram: { buckets: number; fromHour: number; toHour: number; toEdge: number } | null
}

/** Text filters come up more often than the rest: they are where folding can go wrong. */
const FILTER_FIELDS: Record<EngineKind, string[]> = {
  listing: [
    'message',
    'message',
    'message',
    'product',
    'product',
    'product',
    'listing',
    'listing',
    'types',
    'actions',
    'initiators',
    'account',
    'shop',
    'dates',
    'listingId',
    'listingProductId',
  ],
  order: [
    'message',
    'message',
    'message',
    'ttsOrder',
    'magentoOrder',
    'orderId',
    'types',
    'initiators',
    'account',
    'shop',
    'dates',
  ],
  synchronization: ['message', 'message', 'message', 'types', 'tasks', 'initiators', 'dates'],
}

const filterPick = (kind: EngineKind): fc.Arbitrary<FilterPick> =>
  fc.record({
    field: fc.constantFrom(...FILTER_FIELDS[kind]),
    anchor: fc.nat(),
    other: fc.nat(),
    start: fc.nat(),
    length: fc.nat(),
    variant: fc.nat(),
  })

const queryRecipe = (kind: EngineKind): fc.Arbitrary<QueryRecipe> =>
  fc.record({
    filters: fc.array(filterPick(kind), { minLength: 1, maxLength: 2 }),
    sameAnchor: fc.integer({ min: 0, max: 2 }),
    unique: fc.boolean(),
    numbersAsEqual: fc.boolean(),
    view: fc.constantFrom('separated', 'grouped', 'problems'),
    sort: fc.record({
      field: fc.constantFrom('createDate', 'listingTitle', 'productTitle', 'message', 'count', 'owners', 'firstSeen'),
      direction: fc.constantFrom('asc', 'desc'),
    }),
    // One query in five narrowed to a shape: enough to test it, not so many the others thin out.
    shapeOf: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }),
    histogram: fc.option(
      fc.record({
        buckets: fc.integer({ min: 1, max: 12 }),
        fromHour: fc.integer({ min: 0, max: 3 }),
        toHour: fc.integer({ min: 4, max: HOURS }),
        toEdge: fc.constantFrom(0, -1, 250),
      }),
      { nil: null },
    ),
  })

/** Letters without their marks, case kept: what a merchant with a plain keyboard types. */
const withoutMarks = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L')

/** Typographic dashes, quotes and spaces as a plain keyboard types them. */
const plainPunctuation = (text: string) =>
  text
    .replace(/[‐‑‒–—―−﹘﹣－]/g, '-')
    .replace(/[‘’‚‛′＇]/g, "'")
    .replace(/[“”„‟″＂«»]/g, '"')
    .replace(/[\u00a0\u202f]/g, ' ')

/** Plain punctuation as a word processor writes it (pasted from one): the other way round. */
const typographicPunctuation = (text: string) =>
  text.replace(/-/g, '–').replace(/'/g, '’').replace(/"/g, '“').replace(/ /g, '\u00a0')

/** A dash, quote or space, plain or typographic. */
const PUNCTUATION = /[-‐‑‒–—―−﹘﹣－'‘’‚‛′＇"“”„‟″＂«» \u00a0\u202f]/

/**
 * A piece of `text` as a merchant might type it: another case, no diacritics, spaces around,
 * plain or typographic punctuation.
 */
function typed(text: string, pick: FilterPick): string {
  // The punctuation variants start at a dash, quote or space of the text when it has one, so
  // that folding punctuation decides the match often enough to be tested (not by chance alone).
  const mark = pick.variant % 8 === 5 || pick.variant % 8 === 6 ? text.search(PUNCTUATION) : -1
  const at = mark > 0 ? mark - 1 : pick.start % Math.max(1, text.length)
  const piece = text.slice(at, at + 3 + (pick.length % 10))
  switch (pick.variant % 8) {
    case 0:
      return piece
    case 1:
      return piece.toUpperCase()
    case 2:
      return piece.toLowerCase()
    case 3:
      return withoutMarks(piece)
    case 4:
      return withoutMarks(piece).toUpperCase()
    case 5:
      return withoutMarks(plainPunctuation(piece))
    case 6:
      return typographicPunctuation(piece)
    default:
      return `  ${piece} `
  }
}

const codes = (own: number, pool: readonly number[], pick: FilterPick) =>
  pick.variant % 2 === 0 ? [own] : [...new Set([own, pool[pick.other % pool.length]!])]

function resolveFilter(pick: FilterPick, record: AnyRecord): LogFilter {
  const listing = record as EngineListingRecord
  const order = record as EngineOrderRecord
  const sync = record as EngineSynchronizationRecord
  const date = Date.parse(record.createDate)
  switch (pick.field) {
    case 'message':
      return { message: typed(modelMessageText(record.description), pick) }
    case 'types':
      return { types: codes(record.type, TYPES, pick) }
    case 'initiators':
      return { initiators: codes(record.initiator, [0, 1, 2, 3], pick) }
    case 'actions':
      return { actions: codes(listing.action, [4, 13, 15, 25], pick) }
    case 'tasks':
      return { tasks: codes(sync.task, [0, 2, 3, 5], pick) }
    case 'account':
      return { accountId: pick.variant % 5 === 0 ? 9 : listing.accountId }
    case 'shop':
      return { shopId: listing.shopId }
    case 'dates': {
      const before = (pick.start % 3) * HOUR
      const after = (pick.length % 3) * HOUR
      if (pick.variant % 4 === 0) return { from: date - before }
      if (pick.variant % 4 === 1) return { to: date + after }
      if (pick.variant % 4 === 2) return { from: date, to: date }
      return { from: date - before, to: date + after }
    }
    case 'listing':
      return {
        listing: pick.variant % 3 === 0 ? ` ${String(listing.listingId)}` : typed(listing.listingTitle, pick),
      }
    case 'product':
      return {
        product:
          pick.variant % 3 === 0 && listing.productId !== null
            ? String(listing.productId)
            : typed(listing.productTitle ?? 'Maxi Dress', pick),
      }
    case 'listingId':
      return { listingId: listing.listingId }
    case 'listingProductId':
      return { listingProductId: listing.listingProductId ?? 5001 }
    case 'ttsOrder':
      return { ttsOrder: typed(order.ttsOrderId, pick) }
    case 'magentoOrder':
      return { magentoOrder: typed(order.magentoOrderNumber ?? '00100012', pick) }
    case 'orderId':
      return { orderId: order.orderId }
    default:
      throw new Error(`no filter ${pick.field}`)
  }
}

function resolveQuery(recipe: QueryRecipe, held: readonly AnyRecord[]): LogQueryOptions {
  let filter: LogFilter = {}
  recipe.filters.forEach((pick, k) => {
    const anchor = k > 0 && recipe.sameAnchor > 0 ? recipe.filters[0]!.anchor : pick.anchor
    filter = { ...filter, ...resolveFilter(pick, held[anchor % held.length]!) }
  })
  if (recipe.shapeOf !== null)
    filter = { ...filter, shape: modelShapeKey(held[recipe.shapeOf % held.length]!.description) }
  return {
    filter,
    unique: recipe.unique,
    numbersAsEqual: recipe.numbersAsEqual,
    view: recipe.view,
    sort: recipe.sort,
    ...(recipe.histogram !== null && {
      histogram: {
        from: BASE + recipe.histogram.fromHour * HOUR,
        to: BASE + recipe.histogram.toHour * HOUR + recipe.histogram.toEdge,
        buckets: recipe.histogram.buckets,
      },
    }),
  }
}

// ---- loading ---------------------------------------------------------------------------------

/** A malformed copy of a record that the columns decoder must reject. */
interface Junk {
  page: number
  at: number
  source: number
  flaw: number
}

const FLAWS: Record<EngineKind, ((r: Record<string, unknown>) => void)[]> = {
  // Any code in 0-65535 is a record to show (a newer M2E's): a flaw is a code outside it, or none.
  listing: [
    (r) => (r.type = 65_536),
    (r) => (r.action = -1),
    (r) => (r.listingTitle = 'x'.repeat(256)),
    (r) => (r.id = 0),
    (r) => (r.initiator = 1.5),
  ],
  order: [(r) => (r.type = null), (r) => (r.ttsOrderId = '9'.repeat(65)), (r) => (r.shopId = -3)],
  synchronization: [(r) => (r.task = 70_000), (r) => (r.type = '5'), (r) => (r.description = null)],
}

interface LoadPlan {
  /** newestFirst: the usual load; oldestFirst: every page newer than the last (live refresh). */
  arrangement: 'asGenerated' | 'newestFirst' | 'oldestFirst'
  pageSizes: number[]
  junk: Junk[]
  /** Reserve room up front, as the store does with the server's estimate. */
  reserve: boolean
}

const loadPlan: fc.Arbitrary<LoadPlan> = fc.record({
  arrangement: fc.constantFrom('asGenerated', 'newestFirst', 'oldestFirst'),
  pageSizes: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 }),
  junk: fc.array(fc.record({ page: fc.nat(), at: fc.nat(), source: fc.nat(), flaw: fc.nat() }), { maxLength: 4 }),
  reserve: fc.boolean(),
})

const newer = (a: AnyRecord, b: AnyRecord) => Date.parse(b.createDate) - Date.parse(a.createDate)

function pagesOf<R extends AnyRecord>(records: R[], plan: LoadPlan): R[][] {
  const arranged =
    plan.arrangement === 'newestFirst'
      ? [...records].sort(newer)
      : plan.arrangement === 'oldestFirst'
        ? [...records].sort((a, b) => -newer(a, b))
        : records
  const pages: R[][] = []
  for (let at = 0, s = 0; at < arranged.length; s++) {
    const size = plan.pageSizes[s % plan.pageSizes.length]!
    const page = arranged.slice(at, at + size)
    // Live refresh receives newest first too: each page is newer than what is held.
    pages.push(plan.arrangement === 'oldestFirst' ? page.reverse() : page)
    at += size
  }
  return pages
}

/** The page as the store receives it: columns, encoded by the server's code, through JSON. */
function appendAsColumns(kind: EngineKind, engine: LogEngine, page: AnyRecord[], junk: Junk[]): number {
  const rows: Record<string, unknown>[] = page.map((r) => ({ ...r, createDate: Date.parse(r.createDate) }))
  for (const j of junk) {
    const bad: Record<string, unknown> = { ...rows[j.source % rows.length]! }
    FLAWS[kind][j.flaw % FLAWS[kind].length]!(bad)
    rows.splice(j.at % (rows.length + 1), 0, bad)
  }
  const body = JSON.parse(
    JSON.stringify({ format: 'columns', count: rows.length, columns: encodeColumns(kind, rows), nextCursor: null }),
  ) as ColumnsPageBody
  const columns = decodeColumns(kind, body)
  expect(columns.rejectedCount).toBe(junk.length)
  // In slices, as the app appends a line: the slices' edges fall anywhere in the page.
  const append = engine.columnsAppender(columns)
  const edge = Math.floor(columns.count / 3)
  return append(0, edge) + append(edge, columns.count)
}

// ---- agreement -------------------------------------------------------------------------------

/** Which of the engine's views a query asks for, as far as its rows go. */
type RowsOf = 'plain' | 'grouped' | 'problems'

function resultOf(engine: LogEngine, options: LogQueryOptions, view: RowsOf) {
  const result = engine.query(options)
  return {
    rows: Array.from(result.rows, (index, row) => ({
      index,
      count: result.counts?.[row] ?? 1,
      members: result.membersOf(row),
      ...(view !== 'plain' && { worstType: result.worstTypes?.[row] }),
      ...(view === 'problems' && {
        owners: result.problems?.owners[row],
        firstSeen: result.problems?.firstSeen[row],
        shapeKey: result.problems?.shapeKey(row),
      }),
    })),
    hasWorstTypes: result.worstTypes !== null,
    matched: result.matched,
    shown: result.shown,
    total: result.total,
    typeCounts: result.typeCounts,
    histogram: result.histogram ? Array.from(result.histogram) : null,
  }
}

function expected(model: ModelResult, held: readonly AnyRecord[], view: RowsOf) {
  const total = held.length
  return {
    rows: model.rows.map(({ index, count, members, worstType, owners, firstSeen }) => ({
      index,
      count,
      members,
      ...(view !== 'plain' && { worstType }),
      ...(view === 'problems' && { owners, firstSeen, shapeKey: modelShapeKey(held[index]!.description) }),
    })),
    hasWorstTypes: view !== 'plain',
    matched: model.matched,
    shown: model.rows.length,
    total,
    typeCounts: model.typeCounts,
    histogram: model.histogram,
  }
}

/** What the run covered; floors are asserted on it after each property. */
interface Coverage {
  queries: number
  withRows: number
  withCollapsedRows: number
  /** Unique queries with numbers as equal, and those where it collapsed more than plain unique. */
  numbersAsEqual: { used: number; changed: number }
  /** Problems queries, those with a row across several products or orders, and those narrowed to a shape that kept rows. */
  problems: { used: number; acrossOwners: number; shaped: number }
  /**
   * Per text filter: queries holding it, those whose result it changed, those folding decided,
   * and those folding punctuation (dashes, quotes, spaces) decided.
   */
  text: Record<string, { used: number; changed: number; folded: number; punctuation: number }>
}

const newCoverage = (): Coverage => ({
  queries: 0,
  withRows: 0,
  withCollapsedRows: 0,
  problems: { used: 0, acrossOwners: 0, shaped: 0 },
  numbersAsEqual: { used: 0, changed: 0 },
  text: {},
})

/** Case and diacritics folded, punctuation left as it is. */
const caseAndMarksFolded = (text: string) => withoutMarks(text).toLowerCase()

const TEXT_FILTERS = ['message', 'product', 'listing', 'ttsOrder', 'magentoOrder'] as const

function textOf(record: AnyRecord, field: (typeof TEXT_FILTERS)[number]): string {
  if (field === 'message') return modelMessageText(record.description)
  if (field === 'product') return (record as EngineListingRecord).productTitle ?? ''
  if (field === 'listing') return (record as EngineListingRecord).listingTitle
  if (field === 'ttsOrder') return (record as EngineOrderRecord).ttsOrderId
  return (record as EngineOrderRecord).magentoOrderNumber ?? ''
}

function cover(
  coverage: Coverage,
  kind: EngineKind,
  held: readonly AnyRecord[],
  options: LogQueryOptions,
  model: ModelResult,
) {
  coverage.queries++
  if (model.rows.length > 0) coverage.withRows++
  if (model.rows.some((row) => row.count > 1)) coverage.withCollapsedRows++
  if (options.view === 'problems' && kind !== 'synchronization') {
    coverage.problems.used++
    if (model.rows.some((row) => row.owners > 1)) coverage.problems.acrossOwners++
  }
  if (options.filter?.shape !== undefined && model.rows.length > 0) coverage.problems.shaped++
  if (options.unique && options.numbersAsEqual && options.view === 'separated' && kind !== 'synchronization') {
    coverage.numbersAsEqual.used++
    if (modelQuery(kind, held, { ...options, numbersAsEqual: false }).rows.length !== model.rows.length) {
      coverage.numbersAsEqual.changed++
    }
  }
  for (const field of TEXT_FILTERS) {
    const needle = options.filter?.[field]?.trim()
    if (!needle) continue
    const tally = (coverage.text[field] ??= { used: 0, changed: 0, folded: 0, punctuation: 0 })
    tally.used++
    const without = modelQuery(kind, held, { ...options, filter: { ...options.filter, [field]: undefined } })
    if (without.matched !== model.matched) tally.changed++
    // A record found only because case and diacritics were folded: a case-sensitive or
    // diacritic-sensitive engine would miss it.
    const members = model.rows.flatMap((row) => row.members)
    if (members.some((index) => !textOf(held[index]!, field).includes(needle) && !/^\d+$/.test(needle))) {
      tally.folded++
    }
    // Found only because punctuation was folded: an engine folding case and diacritics alone
    // would miss it.
    const plainNeedle = caseAndMarksFolded(needle)
    if (
      !/^\d+$/.test(needle) &&
      members.some((index) => !caseAndMarksFolded(textOf(held[index]!, field)).includes(plainNeedle))
    ) {
      tally.punctuation++
    }
  }
}

function agree<K extends EngineKind>(
  kind: K,
  records: EngineRecordByKind[K][],
  plan: LoadPlan,
  recipes: QueryRecipe[],
  coverage: Coverage,
) {
  const pages = pagesOf(records, plan)
  const byRecords = new LogEngine(kind)
  const byColumns = new LogEngine(kind)
  if (plan.reserve) byColumns.reserve(records.length)
  const held: EngineRecordByKind[K][] = []
  pages.forEach((page, p) => {
    byRecords.append(page)
    const junk = plan.junk.filter((j) => j.page % pages.length === p)
    expect(appendAsColumns(kind, byColumns as LogEngine, page, junk)).toBe(page.length)
    held.push(...page)
    for (const recipe of recipes) {
      const options = resolveQuery(recipe, held)
      const model = modelQuery(kind, held, options)
      cover(coverage, kind, held, options, model)
      const view: RowsOf =
        kind === 'listing' && options.view === 'grouped'
          ? 'grouped'
          : kind !== 'synchronization' && options.view === 'problems'
            ? 'problems'
            : 'plain'
      const want = expected(model, held, view)
      expect(resultOf(byRecords as LogEngine, options, view), 'append').toEqual(want)
      expect(resultOf(byColumns as LogEngine, options, view), 'columnsAppender (columns)').toEqual(want)
    }
  })
  for (const engine of [byRecords, byColumns]) expectRecordsHeld(kind, engine as LogEngine, held)
}

/** Every record reads back as it was sent, with its message as the model reads it. */
function expectRecordsHeld(kind: EngineKind, engine: LogEngine, held: readonly AnyRecord[]) {
  expect(engine.size).toBe(held.length)
  held.forEach((record, index) => {
    expect(engine.get(index)).toEqual({ ...record, createDate: new Date(record.createDate).toISOString() })
    expect(engine.idAt(index)).toBe(record.id)
    expect(engine.dateAt(index)).toBe(Date.parse(record.createDate))
    expect(engine.typeAt(index)).toBe(record.type)
    expect(engine.messageAt(index).text).toBe(modelMessageText(record.description))
    expect(engine.indexOfId(record.id)).toBe(held.findIndex((r) => r.id === record.id))
    if (kind === 'listing') {
      expect(engine.actionRunOf(index)).toEqual(modelActionRun(held, (record as EngineListingRecord).actionId))
    }
  })
  const dates = held.map((r) => Date.parse(r.createDate))
  expect(engine.maxId()).toBe(Math.max(...held.map((r) => r.id)))
  expect(engine.dateExtent()).toEqual({ min: Math.min(...dates), max: Math.max(...dates) })
}

// ---- the properties --------------------------------------------------------------------------

const RUNS = 150
/** Large cases: fast-check keeps arrays short unless told otherwise. */
const manyRecords = <R>(record: fc.Arbitrary<R>) => fc.array(record, { minLength: 20, maxLength: 80, size: 'max' })

function property<K extends EngineKind>(kind: K, record: fc.Arbitrary<EngineRecordByKind[K]>, coverage: Coverage) {
  fc.assert(
    fc.property(
      manyRecords(record),
      loadPlan,
      fc.array(queryRecipe(kind), { minLength: 2, maxLength: 4 }),
      (records, plan, recipes) => agree(kind, records, plan, recipes, coverage),
    ),
    // A failure shrinks for as long as this, then reports the smallest case found so far.
    { numRuns: RUNS, plugins: [fc.interruptAfterTimeLimit(20_000)] },
  )
}

/** Batches of RUNS cases the coverage floors may take (see coveredProperty). */
const MAX_BATCHES = 3
/** Each batch may take 20 s (its time limit above): room for all three, beyond the 30 s default. */
const BATCHES_TIMEOUT_MS = MAX_BATCHES * 20_000 + 30_000

/**
 * The property, in batches of RUNS cases until the cases together reach the coverage floors, at
 * most MAX_BATCHES. Some cases come in clumps (a case's records decide whether numbers as equal
 * can collapse anything, say): over 14 quiet runs of one batch the listing log's share of unique
 * queries that numbers as equal changed went from 0.11 to 0.26, and one run in a full suite had
 * 0.046 against its floor of 0.05, a red main by chance. A further batch evens a clump out; a
 * generator that stops making such cases still fails, after the last batch.
 */
function coveredProperty<K extends EngineKind>(kind: K, record: fc.Arbitrary<EngineRecordByKind[K]>, floors: Floors) {
  const coverage = newCoverage()
  for (let batch = 1; batch < MAX_BATCHES; batch++) {
    property(kind, record, coverage)
    try {
      expectCoverage(coverage, floors)
      return
    } catch {
      // Short of a floor after this batch: another batch.
    }
  }
  property(kind, record, coverage)
  expectCoverage(coverage, floors)
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole)

interface Floors {
  /** The log collapses repeats (not the synchronization log). */
  collapses: boolean
  /** Text filters that must be used and change results. */
  textFilters: readonly string[]
  /** Of those, the ones whose texts have case and diacritics to fold (not order numbers). */
  foldedFilters: readonly string[]
  /** Of those, the ones whose texts hold typographic dashes, quotes or spaces to fold. */
  punctuationFilters: readonly string[]
}

/** Floors the cases must reach for the agreement above to mean something. */
function expectCoverage(coverage: Coverage, floors: Floors) {
  // ENGINE_COVERAGE=1 prints the figures (for the note when the cases change).
  if (process.env.ENGINE_COVERAGE) console.warn(JSON.stringify(coverage))
  expect(share(coverage.withRows, coverage.queries), 'queries with rows').toBeGreaterThanOrEqual(0.3)
  if (floors.collapses) {
    expect(share(coverage.withCollapsedRows, coverage.queries), 'queries with collapsed rows').toBeGreaterThanOrEqual(
      0.15,
    )
    const { used, changed } = coverage.numbersAsEqual
    expect(share(changed, used), 'numbers as equal collapsed more').toBeGreaterThanOrEqual(0.05)
    const problems = coverage.problems
    expect(share(problems.used, coverage.queries), 'problems view used').toBeGreaterThanOrEqual(0.15)
    expect(share(problems.acrossOwners, problems.used), 'problem rows across products').toBeGreaterThanOrEqual(0.2)
    expect(share(problems.shaped, coverage.queries), 'narrowed to a shape, with rows').toBeGreaterThanOrEqual(0.05)
  }
  for (const field of floors.textFilters) {
    const tally = coverage.text[field] ?? { used: 0, changed: 0, folded: 0, punctuation: 0 }
    expect(share(tally.used, coverage.queries), `${field} filter used`).toBeGreaterThanOrEqual(0.05)
    expect(share(tally.changed, tally.used), `${field} filter changed the result`).toBeGreaterThanOrEqual(0.3)
    if (floors.foldedFilters.includes(field)) {
      expect(share(tally.folded, tally.used), `${field} filter matched by folding`).toBeGreaterThanOrEqual(0.1)
    }
    if (floors.punctuationFilters.includes(field)) {
      // Rarer and clumped (a case's records have typographic characters or not): over 70 fields
      // in 16 runs the share went from 0.022 to 0.21, and a floor of 0.02 failed once at 0.017. This
      // floor still fails a generator that stops making such texts.
      expect(
        share(tally.punctuation, tally.used),
        `${field} filter matched by folding punctuation`,
      ).toBeGreaterThanOrEqual(0.005)
    }
  }
}

describe('the engine agrees with the model, loaded by records and by columns', () => {
  it(
    'on the listing log: text filters, unique on/off, numbers as equal, grouped view, every sort',
    () => {
      const text = ['message', 'product', 'listing']
      coveredProperty('listing', listingRecord, {
        collapses: true,
        textFilters: text,
        foldedFilters: text,
        punctuationFilters: ['message', 'product'],
      })
    },
    BATCHES_TIMEOUT_MS,
  )

  it(
    'on the order log',
    () => {
      coveredProperty('order', orderRecord, {
        collapses: true,
        textFilters: ['message', 'ttsOrder', 'magentoOrder'],
        foldedFilters: ['message'],
        punctuationFilters: ['message'],
      })
    },
    BATCHES_TIMEOUT_MS,
  )

  it(
    'on the synchronization log',
    () => {
      coveredProperty('synchronization', syncRecord, {
        collapses: false,
        textFilters: ['message'],
        foldedFilters: ['message'],
        punctuationFilters: ['message'],
      })
    },
    BATCHES_TIMEOUT_MS,
  )
})
