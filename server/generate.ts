/**
 * Deterministic, realistic log records for the preview backend's seed and for the benchmarks.
 * Same seed and anchor, same records. Messages read like the ones M2E TikTok Shop Connect writes:
 * revisions, category attribute errors, image errors, external changes, Magento orders, etc.
 */
import type { NewLogRecord } from '../src/api/schemas.ts'
import { LISTINGS, buildProducts, type SeedProduct } from './generator/catalog.ts'
import {
  AUTOMATIC_ACTIONS,
  LISTING_ACTION_WEIGHTS,
  LISTING_LEVEL_ACTIONS,
  listingLevelMessage,
  listingMessages,
  type Message,
} from './generator/listingMessages.ts'
import { createRandom } from './generator/random.ts'
import { DAY_MS, anchor, byDate, randomTime, type GenerateOptions } from './generator/time.ts'

export { META } from './generator/catalog.ts'
export { createRandom, type Random } from './generator/random.ts'
export { generateOrderRecords } from './generator/orders.ts'
export { generateSynchronizationRecords } from './generator/synchronization.ts'
export type { GenerateOptions } from './generator/time.ts'

/** Listing log records, oldest first (ids grow with time, as in Magento). */
export function generateListingRecords(count: number, options: GenerateOptions = {}): NewLogRecord<'listing'>[] {
  const random = createRandom(options.seed ?? 42)
  const { now, span } = anchor(options)
  const products = buildProducts(random)
  const byListing = LISTINGS.map((listing) => products.filter((p) => p.listing.id === listing.id))
  const records: NewLogRecord<'listing'>[] = []
  const times: number[] = []
  let actionId = 100_000
  while (records.length < count) {
    actionId += 1
    const action = random.weighted(LISTING_ACTION_WEIGHTS)
    const listingIndex = random.int(0, LISTINGS.length - 1)
    const listing = LISTINGS[listingIndex]!
    const initiator = AUTOMATIC_ACTIONS.has(action)
      ? random.chance(0.97)
        ? 2
        : 0
      : random.weighted([
          [1, 60],
          [2, 38],
          [0, 1.5],
          [3, 0.5],
        ] as const)
    const start = randomTime(random, now, span)
    const record = (time: number, message: Message, product: SeedProduct | null): NewLogRecord<'listing'> => ({
      createDate: new Date(time).toISOString(),
      type: message.type,
      initiator,
      description: message.description,
      accountId: listing.accountId,
      shopId: listing.shopId,
      listingId: listing.id,
      listingTitle: listing.title,
      productId: product ? product.productId : null,
      productTitle: product ? product.title : null,
      listingProductId: product ? product.listingProductId : null,
      action: action as NewLogRecord<'listing'>['action'],
      actionId,
    })
    if (LISTING_LEVEL_ACTIONS.has(action)) {
      records.push(record(start, listingLevelMessage(action, listing), null))
      times.push(start)
      continue
    }
    // One run touches a few products of one listing; a few products are touched far more often.
    const pool = byListing[listingIndex]!
    const runSize = random.weighted([
      [1, 55],
      [2, 15],
      [5, 15],
      [20, 10],
      [60, 5],
    ] as const)
    for (let p = 0; p < runSize && records.length < count; p++) {
      // A tenth of the catalogue (best sellers, troubled items) gets most of the activity.
      const hot = random.chance(0.88)
      const product = pool[Math.floor(pool.length * (hot ? 0.08 * random.next() : random.next() ** 2))]!
      let t = start + p * random.int(200, 1500)
      for (const message of listingMessages(random, action, product)) {
        if (records.length >= count) break
        t = Math.min(now, t + random.int(0, 900))
        records.push(record(t, message, product))
        times.push(t)
      }
    }
  }
  return byDate(records, times)
}

/** Records per generated chunk of a large listing log (a million objects at a time in memory). */
export const GENERATE_CHUNK = 1_000_000

/**
 * A listing log of any size, oldest first, a chunk at a time: ten million records never sit in
 * memory together. Up to GENERATE_CHUNK it is generateListingRecords' one chunk, record for
 * record. Beyond, each chunk covers its own slice of the span (so the chunks follow each other in
 * time), with its own seed and its own action ids.
 */
export function* generateListingChunks(
  count: number,
  options: GenerateOptions = {},
): Generator<NewLogRecord<'listing'>[]> {
  if (count <= GENERATE_CHUNK) {
    yield generateListingRecords(count, options)
    return
  }
  const { now, span } = anchor(options)
  const chunks = Math.ceil(count / GENERATE_CHUNK)
  const slice = span / chunks
  for (let chunk = 0; chunk < chunks; chunk++) {
    const size = Math.min(GENERATE_CHUNK, count - chunk * GENERATE_CHUNK)
    const records = generateListingRecords(size, {
      seed: (options.seed ?? 42) + 1000 * (chunk + 1),
      now: Math.floor(now - (chunks - 1 - chunk) * slice),
      days: slice / DAY_MS,
    })
    // Each chunk numbers its runs from 100,000: keep one chunk's runs apart from another's.
    for (const record of records) record.actionId += chunk * 10_000_000
    yield records
  }
}
