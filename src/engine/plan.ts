/**
 * Query planning, done once per query before the hot loop: every filter becomes a byte mask over
 * a code or a table (a listing, product, order or message passes or not), or an interned index
 * to compare with. The loop then only indexes typed arrays.
 */
import { CODE_MAX } from '../api/codes'
import type { RecordLayout } from './layouts'
import type { RecordTables, Slot } from './tables'
import { foldText } from './text'
import type { EngineKind, LogFilter } from './types'

export type Mask = Uint8Array | null

/** 1 for each code given; null: no filter. */
export function maskOf(codes: readonly number[] | undefined): Mask {
  if (!codes) return null
  const mask = new Uint8Array(CODE_MAX + 1)
  for (const code of codes) if (code >= 0 && code <= CODE_MAX) mask[code] = 1
  return mask
}

/** "123" is an id; anything else is text. */
function asWholeNumber(text: string): number | null {
  return /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : null
}

/** "#123" is that id and nothing else (the drawer's "Filter" sets it): no title matches it. */
function asIdOnly(text: string): number | null {
  const match = /^#(\d{1,15})$/.exec(text.trim())
  return match ? Number(match[1]) : null
}

/** Listings: narrowed to one id, and/or matching a title part (a whole number matches the id; "#7" only it). */
function listingMask(t: RecordTables, filter: LogFilter): Mask {
  if (!t.has('listings')) return null
  const narrowTo = filter.listingId
  const text = filter.listing?.trim()
  if (narrowTo === undefined && !text) return null
  const table = t.listingTable
  const mask = new Uint8Array(table.size)
  const number = text ? asWholeNumber(text) : null
  const only = text ? asIdOnly(text) : null
  const folded = text ? foldText(text) : ''
  for (let p = 1; p < table.size; p++) {
    if (narrowTo !== undefined && table.ids[p] !== narrowTo) continue
    if (only !== null) {
      if (table.ids[p] === only) mask[p] = 1
      continue
    }
    if (text && table.ids[p] !== number && !foldText(table.titles[p]!).includes(folded)) continue
    mask[p] = 1
  }
  return mask
}

/** Products: a title part, or the Magento product id as a whole number ("#1001": that id only). */
function productMask(t: RecordTables, filter: LogFilter): Mask {
  const text = filter.product?.trim()
  if (!t.has('products') || !text) return null
  const table = t.productTable
  const mask = new Uint8Array(table.size)
  const number = asWholeNumber(text)
  const only = asIdOnly(text)
  const folded = foldText(text)
  for (let p = 1; p < table.size; p++) {
    if (only !== null) {
      if (table.ids[p] === only) mask[p] = 1
    } else if ((number !== null && table.ids[p] === number) || foldText(table.titles[p] ?? '').includes(folded))
      mask[p] = 1
  }
  return mask
}

/** Orders: parts of the TikTok Shop and the Magento order numbers. */
function orderMask(t: RecordTables, filter: LogFilter): Mask {
  const tts = filter.ttsOrder?.trim()
  const magento = filter.magentoOrder?.trim()
  if (!t.has('orders') || (!tts && !magento)) return null
  const table = t.orderTable
  const mask = new Uint8Array(table.size)
  const ttsFolded = tts ? foldText(tts) : ''
  const magentoFolded = magento ? foldText(magento) : ''
  for (let p = 1; p < table.size; p++) {
    if (tts && !foldText(table.ttsOrderIds[p]!).includes(ttsFolded)) continue
    if (magento && !foldText(table.magentoNumbers[p] ?? '').includes(magentoFolded)) continue
    mask[p] = 1
  }
  return mask
}

/**
 * The code filters: the filter's key (a list of codes) and the slot it reads, where only some
 * logs have one (a log without it is never filtered by it).
 */
const CODE_FILTERS = {
  typeMask: { filter: 'types', slot: null },
  initiatorMask: { filter: 'initiators', slot: null },
  actionMask: { filter: 'actions', slot: 'actions' },
  taskMask: { filter: 'tasks', slot: 'tasks' },
} as const satisfies Record<string, { filter: keyof LogFilter; slot: Slot | null }>

export interface FilterPlan extends Record<keyof typeof CODE_FILTERS, Mask> {
  checkDates: boolean
  from: number
  to: number
  messageMask: Mask
  listingMask: Mask
  productMask: Mask
  orderMask: Mask
  /** Interned account / shop / owner to match; 0: any; -1: one never seen, so nothing. */
  account: number
  shop: number
  owner: number
}

/** The messages both the search and the shape keep (either alone when only it is set). */
function messagesOf(search: Mask, shape: Mask): Mask {
  if (search === null || shape === null) return search ?? shape
  const both = new Uint8Array(shape.length)
  for (let d = 0; d < both.length; d++) both[d] = search[d]! & shape[d]!
  return both
}

/** An id never seen means nothing can match: index -1 never equals a slot's value. */
const interned = (find: (id: number) => number, id: number | undefined) => (id === undefined ? 0 : find(id) || -1)

export function planFilter<K extends EngineKind>(
  t: RecordTables,
  layout: RecordLayout<K>,
  filter: LogFilter,
  messageMask: (needle: string) => Uint8Array,
  shapeMask: (key: string) => Uint8Array,
): FilterPlan {
  const needle = filter.message ? foldText(filter.message.trim()) : ''
  const hasOwners = t.has('accounts')
  const codeMasks = Object.fromEntries(
    Object.entries(CODE_FILTERS).map(([mask, { filter: key, slot }]) => [
      mask,
      slot === null || t.has(slot) ? maskOf(filter[key]) : null,
    ]),
  ) as Record<keyof typeof CODE_FILTERS, Mask>
  return {
    ...codeMasks,
    checkDates: filter.from !== undefined || filter.to !== undefined,
    from: filter.from ?? -Infinity,
    to: filter.to ?? Infinity,
    messageMask: messagesOf(needle ? messageMask(needle) : null, filter.shape ? shapeMask(filter.shape) : null),
    listingMask: listingMask(t, filter),
    productMask: productMask(t, filter),
    orderMask: orderMask(t, filter),
    account: hasOwners ? interned((id) => t.accountIds.find(id), filter.accountId) : 0,
    shop: hasOwners ? interned((id) => t.shopIds.find(id), filter.shopId) : 0,
    owner: layout.owner ? interned((id) => layout.owner!.ids(t).find(id), layout.owner.narrowTo(filter)) : 0,
  }
}

/** True when the plan lets every record through: no mask, no date range, no account, shop or owner. */
export function passesEveryRecord(plan: FilterPlan): boolean {
  const { typeMask, initiatorMask, actionMask, taskMask, messageMask, listingMask, productMask, orderMask } = plan
  const masks = [typeMask, initiatorMask, actionMask, taskMask, messageMask, listingMask, productMask, orderMask]
  return !plan.checkDates && masks.every((mask) => mask === null) && !plan.account && !plan.shop && !plan.owner
}
