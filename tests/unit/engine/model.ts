/**
 * A tiny, obviously-right model of the engine over plain objects: sort, filter, group with a
 * Map, sort again. The property tests hold the fast engine against it.
 */
import {
  foldText,
  parseDescription,
  TYPE_CODES,
  type EngineKind,
  type EngineRecordByKind,
  type LogQueryOptions,
} from '@/engine'

type AnyRecord = EngineRecordByKind[EngineKind]
const SEVERITY: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 100: 5 }

export interface ModelRow {
  id: number
  count: number
  memberIds: number[]
  worstType: number
}

export interface ModelResult {
  rows: ModelRow[]
  matched: number
  typeCounts: Record<number, number>
  histogram: number[] | null
}

const text = (r: AnyRecord) => parseDescription(r.description).text
const includesFolded = (haystack: string, needle: string) => foldText(haystack).includes(foldText(needle))
const wholeNumber = (s: string) => (/^\d{1,15}$/.test(s) ? Number(s) : null)

function passes(kind: EngineKind, r: AnyRecord, options: LogQueryOptions): boolean {
  const f = options.filter ?? {}
  const date = Date.parse(r.createDate)
  if (f.from !== undefined && date < f.from) return false
  if (f.to !== undefined && date > f.to) return false
  if (f.types && !f.types.includes(r.type)) return false
  if (f.initiators && !f.initiators.includes(r.initiator)) return false
  if (f.message?.trim() && !includesFolded(text(r), f.message.trim())) return false
  if (kind === 'synchronization') {
    const s = r as EngineRecordByKind['synchronization']
    return !f.tasks || f.tasks.includes(s.task)
  }
  const o = r as EngineRecordByKind['listing'] | EngineRecordByKind['order']
  if (f.accountId !== undefined && o.accountId !== f.accountId) return false
  if (f.shopId !== undefined && o.shopId !== f.shopId) return false
  if (kind === 'order') {
    const order = r as EngineRecordByKind['order']
    if (f.orderId !== undefined && order.orderId !== f.orderId) return false
    if (f.ttsOrder?.trim() && !includesFolded(order.ttsOrderId, f.ttsOrder.trim())) return false
    if (f.magentoOrder?.trim() && !includesFolded(order.magentoOrderNumber ?? '', f.magentoOrder.trim())) return false
    return true
  }
  const l = r as EngineRecordByKind['listing']
  if (f.actions && !f.actions.includes(l.action)) return false
  if (f.listingId !== undefined && l.listingId !== f.listingId) return false
  if (f.listingProductId !== undefined && l.listingProductId !== f.listingProductId) return false
  const listing = f.listing?.trim()
  if (listing && l.listingId !== wholeNumber(listing) && !includesFolded(l.listingTitle, listing)) return false
  const product = f.product?.trim()
  if (
    product &&
    (l.productId === null || l.productId !== wholeNumber(product)) &&
    !includesFolded(l.productTitle ?? '', product)
  ) {
    return false
  }
  return true
}

function collapseKey(kind: EngineKind, r: AnyRecord, options: LogQueryOptions): string | null {
  const grouped = kind === 'listing' && options.view === 'grouped'
  if (grouped) {
    const l = r as EngineRecordByKind['listing']
    return `${l.listingProductId}|${l.actionId}`
  }
  if (!options.unique || kind === 'synchronization') return null
  const entity =
    kind === 'listing'
      ? (r as EngineRecordByKind['listing']).listingProductId
      : (r as EngineRecordByKind['order']).orderId
  if (entity === null) return null
  const message = options.numbersAsEqual ? text(r).replace(/\d+(?:[.,]\d+)*/g, '#') : r.description
  return `${entity}|${message}`
}

function sortText(kind: EngineKind, r: AnyRecord, field: string): string {
  if (field === 'message') return foldText(text(r))
  if (kind !== 'listing') return ''
  const l = r as EngineRecordByKind['listing']
  return foldText(field === 'listingTitle' ? l.listingTitle : (l.productTitle ?? ''))
}

export function modelQuery(
  kind: EngineKind,
  records: readonly AnyRecord[],
  options: LogQueryOptions = {},
): ModelResult {
  const newestFirst = [...records].sort((a, b) => Date.parse(b.createDate) - Date.parse(a.createDate) || b.id - a.id)
  const matching = newestFirst.filter((r) => passes(kind, r, options))
  const typeCounts: Record<number, number> = Object.fromEntries(TYPE_CODES.map((code) => [code, 0]))
  for (const r of matching) typeCounts[r.type]! += 1

  const rows: { first: AnyRecord; members: AnyRecord[] }[] = []
  const byKey = new Map<string, { first: AnyRecord; members: AnyRecord[] }>()
  for (const r of matching) {
    const key = collapseKey(kind, r, options)
    const existing = key === null ? undefined : byKey.get(key)
    if (existing) {
      existing.members.push(r)
      continue
    }
    const row = { first: r, members: [r] }
    rows.push(row)
    if (key !== null) byKey.set(key, row)
  }

  const sort = options.sort ?? { field: 'createDate', direction: 'desc' }
  let ordered = rows
  if (sort.field === 'createDate') {
    if (sort.direction === 'asc') ordered = [...rows].reverse()
  } else if (kind === 'listing' || sort.field === 'message') {
    const sign = sort.direction === 'asc' ? 1 : -1
    ordered = [...rows].sort((a, b) => {
      const x = sortText(kind, a.first, sort.field)
      const y = sortText(kind, b.first, sort.field)
      return x < y ? -sign : x > y ? sign : 0
    })
  }

  let histogram: number[] | null = null
  if (options.histogram) {
    const { from, to, buckets } = options.histogram
    histogram = new Array<number>(buckets * TYPE_CODES.length).fill(0)
    const width = (to - from + 1) / Math.max(1, buckets)
    for (const r of matching) {
      const bucket = Math.floor((Date.parse(r.createDate) - from) / width)
      if (bucket >= 0 && bucket < buckets) histogram[bucket * TYPE_CODES.length + TYPE_CODES.indexOf(r.type as 1)]! += 1
    }
  }

  return {
    rows: ordered.map(({ first, members }) => ({
      id: first.id,
      count: members.length,
      memberIds: members.map((m) => m.id),
      worstType: members.reduce((w, m) => (SEVERITY[m.type]! > SEVERITY[w]! ? m.type : w), first.type),
    })),
    matched: matching.length,
    typeCounts,
    histogram,
  }
}
