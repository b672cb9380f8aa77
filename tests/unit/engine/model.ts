/**
 * A slow, obviously-right model of the grid engine over plain objects: filter, sort, group with a
 * Map, sort again. The property tests hold the fast engine against it.
 *
 * It shares nothing with the engine but types: text folding and the message text are written
 * out again here from the rules in domain.md, so a mistake in the engine's own helpers shows up
 * as a disagreement instead of being copied into the expectation.
 */
import type { EngineKind, EngineRecordByKind, LogQueryOptions } from '@/engine'

type AnyRecord = EngineRecordByKind[EngineKind]

const TYPES = [1, 2, 3, 4, 100]
/**
 * Worst first in the grouped view: Fatal Error > Error > Warning > Success > Info > a type the
 * app does not know (a newer M2E's: nothing says how bad it is).
 */
const SEVERITY: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 100: 5 }
const severity = (type: number) => SEVERITY[type] ?? 0
/** Histogram slots: one per known type, then one shared by every other type. */
const slotOf = (type: number) => (TYPES.includes(type) ? TYPES.indexOf(type) : TYPES.length)

/** Letters with no Unicode decomposition that a merchant types without their stroke. */
const STROKED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd' }

/**
 * Matching text: lower case, no diacritics ("Żółw" and "zolw" are the same), and what a plain
 * keyboard types for typographic punctuation: every dash a hyphen-minus, curly and prime quotes
 * and guillemets straight quotes, no-break spaces plain spaces ("Bulb – Olive" is "bulb - olive").
 */
export function modelFold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđ]/g, (c) => STROKED[c]!)
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\u2018-\u201b\u2032\uff07]/g, "'")
    .replace(/[\u201c-\u201f\u2033\uff02\u00ab\u00bb]/g, '"')
    .replace(/[\u00a0\u202f]/g, ' ')
}

function paramText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/**
 * The message as a reader sees it: plain text as it is; JSON `{string, params, links}` with
 * `%key%` filled in, each `!x_start!label!x_end!` pair reduced to its label (taken by the links
 * in order). A web link that found no pair adds no words: its label is the UI's ("Details here").
 */
export function modelMessageText(description: string): string {
  let encoded: unknown
  if (!description.startsWith('{')) return description
  try {
    encoded = JSON.parse(description)
  } catch {
    return description
  }
  if (typeof encoded !== 'object' || encoded === null || Array.isArray(encoded)) return description
  const { string, params, links } = encoded as { string?: unknown; params?: unknown; links?: unknown }
  if (typeof string !== 'string') return description
  const values = typeof params === 'object' && params !== null && !Array.isArray(params) ? params : {}
  let text = string.replace(/%(\w+)%/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? paramText((values as Record<string, unknown>)[key]) : whole,
  )
  let out = ''
  // Each link takes the next marker pair, whatever its address.
  for (let k = 0; k < (Array.isArray(links) ? links.length : 0); k++) {
    const pair = /!(\w*)_start!([\s\S]*?)!\1_end!/.exec(text)
    if (!pair) continue
    out += text.slice(0, pair.index) + pair[2]!
    text = text.slice(pair.index + pair[0].length)
  }
  return (out + text).replace(/!\w*_(start|end)!/g, '')
}

export interface ModelRow {
  /** Index (append order) of the record the row shows: the newest of its members. */
  index: number
  count: number
  /** Indices of every member, newest first. */
  members: number[]
  worstType: number
  /** Distinct products (order log: orders) among the members; records without one add none. */
  owners: number
  /** The oldest member's date. */
  firstSeen: number
}

/** A message's shape: its text with every run of digits (and their separators) as `#`. */
export const modelShape = (description: string) => modelMessageText(description).replace(/\d+(?:[.,]\d+)*/g, '#')

/** FNV-1a, 32 bits, over UTF-16 code units, as 8 hex digits: the shape's key in URLs. */
export function modelShapeKey(description: string): string {
  let hash = 2166136261
  for (const unit of modelShape(description)
    .split('')
    .map((c) => c.charCodeAt(0))) {
    hash = Number((BigInt((hash ^ unit) >>> 0) * 16777619n) % 4294967296n)
  }
  return hash.toString(16).padStart(8, '0')
}

/** A record's product (listing log) or order (order log); null: none. */
function ownerOf(kind: EngineKind, r: AnyRecord): number | null {
  if (kind === 'listing') return (r as EngineRecordByKind['listing']).listingProductId
  if (kind === 'order') {
    const id = (r as EngineRecordByKind['order']).orderId
    return id === 0 ? null : id
  }
  return null
}

export interface ModelResult {
  rows: ModelRow[]
  matched: number
  /** Matching records per type, the type filter left out. */
  typeCounts: Record<number, number>
  histogram: number[] | null
}

const wholeNumber = (text: string) => (/^\d{1,15}$/.test(text) ? Number(text) : null)
const contains = (haystack: string, needle: string) => modelFold(haystack).includes(modelFold(needle))
const dateOf = (r: AnyRecord) => Date.parse(r.createDate)

function passes(kind: EngineKind, r: AnyRecord, options: LogQueryOptions): boolean {
  const f = options.filter ?? {}
  const date = dateOf(r)
  if (f.from !== undefined && date < f.from) return false
  if (f.to !== undefined && date > f.to) return false
  if (f.types && !f.types.includes(r.type)) return false
  if (f.initiators && !f.initiators.includes(r.initiator)) return false
  const message = f.message?.trim()
  if (message && !contains(modelMessageText(r.description), message)) return false
  if (f.shape !== undefined && modelShapeKey(r.description) !== f.shape) return false
  if (kind === 'synchronization') {
    const s = r as EngineRecordByKind['synchronization']
    return !f.tasks || f.tasks.includes(s.task)
  }
  const owned = r as EngineRecordByKind['listing'] | EngineRecordByKind['order']
  if (f.accountId !== undefined && owned.accountId !== f.accountId) return false
  if (f.shopId !== undefined && owned.shopId !== f.shopId) return false
  if (kind === 'order') {
    const o = r as EngineRecordByKind['order']
    if (f.orderId !== undefined && o.orderId !== f.orderId) return false
    const tts = f.ttsOrder?.trim()
    if (tts && !contains(o.ttsOrderId, tts)) return false
    const magento = f.magentoOrder?.trim()
    if (magento && !contains(o.magentoOrderNumber ?? '', magento)) return false
    return true
  }
  const l = r as EngineRecordByKind['listing']
  if (f.actions && !f.actions.includes(l.action)) return false
  if (f.listingId !== undefined && l.listingId !== f.listingId) return false
  if (f.listingProductId !== undefined && l.listingProductId !== f.listingProductId) return false
  const listing = f.listing?.trim()
  if (listing && l.listingId !== wholeNumber(listing) && !contains(l.listingTitle, listing)) return false
  const product = f.product?.trim()
  if (product) {
    const byId = l.productId !== null && l.productId === wholeNumber(product)
    if (!byId && !contains(l.productTitle ?? '', product)) return false
  }
  return true
}

/** What a row collapses on, or null when the record is a row of its own. */
function collapseKey(kind: EngineKind, r: AnyRecord, options: LogQueryOptions): string | null {
  if (kind === 'listing' && options.view === 'grouped') {
    const l = r as EngineRecordByKind['listing']
    return `${String(l.listingProductId)}|${l.actionId}`
  }
  if (kind === 'synchronization') return null
  // Problems: every record of a shape, whatever its product or order, or none.
  if (options.view === 'problems') return modelShape(r.description)
  if (!options.unique) return null
  const entity =
    kind === 'listing'
      ? (r as EngineRecordByKind['listing']).listingProductId
      : (r as EngineRecordByKind['order']).orderId
  if (entity === null) return null
  // Repeats are the same stored message; with numbers as equal, the same text but for numbers.
  const message = options.numbersAsEqual ? modelShape(r.description) : r.description
  return `${entity}|${message}`
}

function sortText(kind: EngineKind, r: AnyRecord, field: string): string {
  if (field === 'message') return modelFold(modelMessageText(r.description))
  const l = r as EngineRecordByKind['listing']
  return modelFold(field === 'listingTitle' ? l.listingTitle : (l.productTitle ?? ''))
}

/**
 * The query over `records` (in append order). Newest first means date, then id, then the order
 * the records were appended in.
 */
export function modelQuery(
  kind: EngineKind,
  records: readonly AnyRecord[],
  options: LogQueryOptions = {},
): ModelResult {
  const newestFirst = records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => dateOf(b.record) - dateOf(a.record) || b.record.id - a.record.id)
  const matching = newestFirst.filter(({ record }) => passes(kind, record, options))

  // The type chips are facets: each counts under every filter but the type filter.
  const typeCounts: Record<number, number> = Object.fromEntries(TYPES.map((code) => [code, 0]))
  const anyType = { ...options, filter: { ...options.filter, types: undefined } }
  for (const { record } of newestFirst)
    if (passes(kind, record, anyType)) typeCounts[record.type] = (typeCounts[record.type] ?? 0) + 1

  type Group = { first: AnyRecord; members: { record: AnyRecord; index: number }[] }
  const groups: Group[] = []
  const byKey = new Map<string, Group>()
  for (const entry of matching) {
    const key = collapseKey(kind, entry.record, options)
    const group = key === null ? undefined : byKey.get(key)
    if (group) {
      group.members.push(entry)
      continue
    }
    const fresh = { first: entry.record, members: [entry] }
    groups.push(fresh)
    if (key !== null) byKey.set(key, fresh)
  }

  const sort = options.sort ?? { field: 'createDate', direction: 'desc' }
  const problems = options.view === 'problems' && kind !== 'synchronization'
  const figures = (group: Group) => ({
    count: group.members.length,
    owners: new Set(group.members.map(({ record }) => ownerOf(kind, record)).filter((o) => o !== null)).size,
    firstSeen: Math.min(...group.members.map(({ record }) => dateOf(record))),
  })
  let ordered = groups
  if (sort.field === 'createDate') {
    if (sort.direction === 'asc') ordered = [...groups].reverse()
  } else if (sort.field === 'count' || sort.field === 'owners' || sort.field === 'firstSeen') {
    // Only the Problems view has these figures; ties stay by last seen, newest first.
    const field = sort.field
    const sign = sort.direction === 'asc' ? 1 : -1
    if (problems) ordered = [...groups].sort((a, b) => sign * (figures(a)[field] - figures(b)[field]))
  } else if (kind === 'listing' || sort.field === 'message') {
    // Stable: rows with equal texts stay newest first, whichever the direction.
    const sign = sort.direction === 'asc' ? 1 : -1
    ordered = [...groups].sort((a, b) => {
      const x = sortText(kind, a.first, sort.field)
      const y = sortText(kind, b.first, sort.field)
      return x < y ? -sign : x > y ? sign : 0
    })
  }

  let histogram: number[] | null = null
  if (options.histogram) {
    const { from, to, buckets } = options.histogram
    histogram = new Array<number>(buckets * (TYPES.length + 1)).fill(0)
    const width = (to - from + 1) / Math.max(1, buckets)
    for (const { record } of matching) {
      const bucket = Math.floor((dateOf(record) - from) / width)
      if (bucket >= 0 && bucket < buckets) histogram[bucket * (TYPES.length + 1) + slotOf(record.type)]! += 1
    }
  }

  return {
    rows: ordered.map(({ members }) => ({
      index: members[0]!.index,
      count: members.length,
      members: members.map((m) => m.index),
      worstType: members.reduce(
        (worst, { record }) => (severity(record.type) > severity(worst) ? record.type : worst),
        members[0]!.record.type,
      ),
      owners: figures({ first: members[0]!.record, members }).owners,
      firstSeen: figures({ first: members[0]!.record, members }).firstSeen,
    })),
    matched: matching.length,
    typeCounts,
    histogram,
  }
}

/** Indices of the records of one action run (listing log), newest first. */
export function modelActionRun(records: readonly AnyRecord[], actionId: number): number[] {
  return records
    .map((record, index) => ({ record, index }))
    .filter(({ record }) => (record as EngineRecordByKind['listing']).actionId === actionId)
    .sort((a, b) => dateOf(b.record) - dateOf(a.record) || b.record.id - a.record.id)
    .map(({ index }) => index)
}
