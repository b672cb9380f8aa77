/**
 * Deterministic, realistic log records for the preview backend's seed and for the benchmarks.
 * Same seed and anchor, same records. Messages read like the ones M2E TikTok Shop Connect writes:
 * revisions, category attribute errors, image errors, external changes, Magento orders, etc.
 */
import type { ListingActionCode, MessageTypeCode, SyncTaskCode } from '../src/api/codes.ts'
import type { Meta, NewLogRecord } from '../src/api/schemas.ts'

/** mulberry32: small, fast, good enough for test data. */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [item, weight] of items) {
        roll -= weight
        if (roll < 0) return item
      }
      return items[items.length - 1]![0]
    },
    chance: (p: number) => next() < p,
  }
}
export type Random = ReturnType<typeof createRandom>

export const META: Meta = {
  accounts: [
    {
      id: 1,
      title: 'Fashion Hub Europe',
      shops: [
        { id: 1, name: 'Fashion Hub UK', region: 'GB' },
        { id: 2, name: 'Fashion Hub España', region: 'ES' },
      ],
    },
    { id: 2, title: 'Gadget Corner', shops: [{ id: 3, name: 'Gadget Corner US', region: 'US' }] },
  ],
}

interface SeedListing {
  id: number
  title: string
  accountId: number
  shopId: number
  currency: string
  nouns: readonly string[]
}

export const LISTINGS: readonly SeedListing[] = [
  {
    id: 1,
    title: 'Summer Dresses 2026',
    accountId: 1,
    shopId: 1,
    currency: 'GBP',
    nouns: ['Maxi Dress', 'Wrap Dress', 'Linen Dress', 'Sundress', 'Midi Skirt'],
  },
  {
    id: 2,
    title: "Men's Footwear & Boots — Autumn/Winter Collection",
    accountId: 1,
    shopId: 1,
    currency: 'GBP',
    nouns: ['Chelsea Boot', 'Leather Sneaker', 'Hiking Boot', 'Loafer', 'Slipper'],
  },
  {
    id: 3,
    title: 'Accesorios – Liquidación',
    accountId: 1,
    shopId: 2,
    currency: 'EUR',
    nouns: ['Bolso', 'Cinturón', 'Bufanda', 'Gafas de sol', 'Cartera'],
  },
  {
    id: 4,
    title: 'Smart Home Devices',
    accountId: 2,
    shopId: 3,
    currency: 'USD',
    nouns: ['Smart Plug', 'LED Bulb', 'Door Sensor', 'Wi-Fi Camera', 'Thermostat'],
  },
  {
    id: 5,
    title: 'Phone Cases & Chargers <Clearance>',
    accountId: 2,
    shopId: 3,
    currency: 'USD',
    nouns: ['Phone Case', 'USB-C Charger', 'MagSafe Stand', 'Power Bank', 'Screen Protector'],
  },
  {
    id: 6,
    title: 'Audio & Headphones',
    accountId: 2,
    shopId: 3,
    currency: 'USD',
    nouns: ['Earbuds', 'Headphones', 'Bluetooth Speaker', 'Soundbar', 'Microphone'],
  },
]

const ADJECTIVES = [
  'Classic',
  'Premium',
  'Slim',
  'Eco',
  'Vintage',
  'Pro',
  'Ultra',
  'Soft-Touch',
  'Waterproof',
  'Compact',
  '"Rock & Roll"',
  "Kids'",
]
const VARIANTS = ['Black', 'White', 'Navy', 'Red', 'Olive', 'Beige', 'S', 'M', 'L', 'XL', '64 GB', '2-Pack']

interface SeedProduct {
  productId: number
  listingProductId: number
  title: string
  sku: string
  listing: SeedListing
  price: number
  basePrice: number
  qty: number
  baseQty: number
  /** A product's recurring troubles: the same messages come back run after run. */
  profile: 'healthy' | 'attribute-error' | 'image-warning' | 'review-lock' | 'busy'
}

/** About 2,000 products spread over the six listings. */
export function buildProducts(random: Random, count = 2000): SeedProduct[] {
  const products: SeedProduct[] = []
  for (let i = 0; i < count; i++) {
    const listing = LISTINGS[i % LISTINGS.length]!
    const noun = random.pick(listing.nouns)
    const title =
      i % 97 === 13
        ? `${noun} <b>"Limited"</b> & More`
        : `${random.pick(ADJECTIVES)} ${noun} – ${random.pick(VARIANTS)}`
    const price = random.int(499, 24999) / 100
    const qty = random.int(3, 60)
    products.push({
      productId: 1001 + i,
      listingProductId: 5001 + i,
      title,
      sku: `${noun
        .replace(/[^A-Za-z]/g, '')
        .slice(0, 4)
        .toUpperCase()}-${String(1001 + i).padStart(5, '0')}`,
      listing,
      price,
      basePrice: price,
      qty,
      baseQty: qty,
      profile: random.weighted([
        ['healthy', 50],
        ['busy', 18],
        ['attribute-error', 15],
        ['image-warning', 11],
        ['review-lock', 6],
      ] as const),
    })
  }
  return products
}

const json = (string: string, params: Record<string, string> = {}, links: string[] = []) =>
  JSON.stringify({ string, params, links })

const ATTRIBUTES = ['Brand', 'Material', 'Size Chart', 'Battery Type', 'Country of Origin', 'Warranty Period']
const SEARCH_WORDS = ['Błąd', 'Ostrzeżenie']

interface Message {
  type: Exclude<MessageTypeCode, 100>
  description: string
}

function money(value: number, currency: string) {
  return `${value.toFixed(2)} ${currency}`
}

/** The messages one run of an action writes for one product. */
function listingMessages(random: Random, action: number, product: SeedProduct): Message[] {
  const { listing } = product
  switch (action) {
    case 4:
      return [{ type: 1, description: 'Product was added to the Listing.' }]
    case 5:
      return [{ type: 1, description: 'Product was deleted from the Listing.' }]
    case 35:
      return [
        { type: 2, description: `Child product "${product.sku}-${random.pick(VARIANTS)}" was added to the Listing.` },
      ]
    case 6:
      return [{ type: 1, description: 'Product was created in Magento and added to the Listing by the Auto Add rule.' }]
    case 7:
      return [
        {
          type: 3,
          description: 'Product was deleted from Magento. It was stopped on TikTok Shop and removed from the Listing.',
        },
      ]
    case 8: {
      const old = product.price
      product.price = nextPrice(random, product)
      return [{ type: 1, description: `Price was changed from [${old.toFixed(2)}] to [${product.price.toFixed(2)}].` }]
    }
    case 9:
      return [
        {
          type: 1,
          description: `Special Price was changed from [${(product.price * 0.9).toFixed(2)}] to [${(product.price * 0.8).toFixed(2)}].`,
        },
      ]
    case 10: {
      const old = product.qty
      product.qty = nextQty(random, product)
      return [{ type: 1, description: `QTY was changed from [${old}] to [${product.qty}].` }]
    }
    case 11:
      return [
        {
          type: 1,
          description: random.chance(0.5)
            ? 'Stock Availability was changed from [IN Stock] to [OUT of Stock].'
            : 'Stock Availability was changed from [OUT of Stock] to [IN Stock].',
        },
      ]
    case 12:
      return [
        {
          type: 1,
          description: random.chance(0.6)
            ? 'Status was changed from [Enabled] to [Disabled].'
            : 'Status was changed from [Disabled] to [Enabled].',
        },
      ]
    case 19:
      return [{ type: 1, description: 'Special Price From Date was changed from [2026-11-01] to [2026-11-24].' }]
    case 20:
      return [{ type: 1, description: 'Special Price To Date was changed from [2026-11-30] to [2026-12-02].' }]
    case 18:
      return [
        {
          type: 1,
          description: `Attribute "color" was changed from [${random.pick(VARIANTS)}] to [${random.pick(VARIANTS)}].`,
        },
      ]
    case 13:
      return listMessages(random, product, 'Listed')
    case 14:
      return listMessages(random, product, 'Relisted')
    case 15:
      return reviseMessages(random, product)
    case 16:
      return [{ type: 2, description: 'Item was Stopped.' }]
    case 17:
      return [{ type: 2, description: 'Item was removed from TikTok Shop and from the Listing.' }]
    case 21:
      return [
        {
          type: 1,
          description: `Item was moved from Listing "${listing.title}" to Listing "${random.pick(LISTINGS).title}".`,
        },
      ]
    case 22:
      return [{ type: 2, description: 'Item was moved from Unmanaged Listings to this Listing.' }]
    case 33:
      return [{ type: 1, description: 'Product was added to the Fashion Hub España shop.' }]
    case 25:
      return random.weighted([
        [
          [
            {
              type: 3 as const,
              description: `Price was changed on TikTok Shop from ${money(product.price, listing.currency)} to ${money(product.price * 0.9, listing.currency)}. The Magento price was not changed.`,
            },
          ],
          4,
        ],
        [[{ type: 3 as const, description: 'Item status was changed on TikTok Shop: Deactivated by the seller.' }], 2],
        [
          [
            {
              type: 4 as const,
              description:
                'Item was deleted on TikTok Shop. It will be moved to Unmanaged Listings if it appears again.',
            },
          ],
          1,
        ],
      ] as const)
    case 34:
      return [
        {
          type: 2,
          description: `Item was relinked to TikTok Shop product ${1729384756000000000n + BigInt(product.productId)}.`,
        },
      ]
    case 38:
      return [
        {
          type: 2,
          description: `Discount was updated: ${random.pick([10, 15, 20, 25])}% off from 2026-11-24 to 2026-12-01 (Black Friday).`,
        },
      ]
    default:
      return [{ type: 1, description: 'Product was processed.' }]
  }
}

/** Prices toggle between the regular and the promotional price, as shops run promotions. */
function nextPrice(random: Random, product: SeedProduct) {
  const promo = Math.round(product.basePrice * (random.chance(0.9) ? 90 : 80)) / 100
  return product.price === product.basePrice ? promo : product.basePrice
}

/** Stock goes down with sales and is topped up again to its usual level. */
function nextQty(_random: Random, product: SeedProduct) {
  return product.qty <= product.baseQty - 2 ? product.baseQty : product.qty - 1
}

function listMessages(random: Random, product: SeedProduct, verb: 'Listed' | 'Relisted'): Message[] {
  if (product.profile === 'attribute-error' && random.chance(0.85)) {
    const attribute = ATTRIBUTES[product.productId % ATTRIBUTES.length]!
    return [
      {
        type: 4,
        description: json(
          `Product was not ${verb}. TikTok Shop says: category attribute "%attribute%" is required for category "%category%". !x_start!How to map category attributes!x_end!`,
          { attribute, category: product.listing.nouns[0]! },
          ['https://docs-m2epro.m2epro.com/tiktok-shop/category-attributes'],
        ),
      },
    ]
  }
  if (product.profile === 'image-warning' && random.chance(0.8)) {
    return [
      { type: 2, description: `Item was ${verb}.` },
      {
        type: 3,
        description: `Image https://media.example-shop.com/catalog/product/${product.sku.toLowerCase()}_2.jpg was not uploaded to TikTok Shop: the image is smaller than 300 x 300 px or larger than 5 MB. TikTok Shop requires product images of at least 300 x 300 px, in JPG or PNG format, with a white or neutral background for the main image.`,
      },
    ]
  }
  return [{ type: 2, description: `Item was ${verb} on TikTok Shop (product ID ${1729000000 + product.productId}).` }]
}

function reviseMessages(random: Random, product: SeedProduct): Message[] {
  if (product.profile === 'review-lock' && random.chance(0.8)) {
    return [
      {
        type: 4,
        description:
          'Product was not Revised.\nReason: TikTok Shop rejected the update (code 12052019): the product is under platform review and cannot be edited.\nWhat to do: wait until the review ends; the extension will try again with the next synchronization.',
      },
    ]
  }
  if (product.profile === 'attribute-error' && random.chance(0.5)) {
    return [
      {
        type: 4,
        description: `Product was not Revised. Category attribute "${ATTRIBUTES[product.productId % ATTRIBUTES.length]}" has an invalid value. ${random.pick(SEARCH_WORDS)}: wartość atrybutu jest nieprawidłowa.`,
      },
    ]
  }
  const messages: Message[] = [{ type: 2, description: 'Item was Revised.' }]
  const detail = random.weighted([
    ['price', 2],
    ['qty', 3],
    ['none', 10],
    ['images', 1],
    ['title', 1],
  ] as const)
  if (detail === 'price') {
    const old = product.price
    product.price = nextPrice(random, product)
    messages.push({ type: 1, description: `Price was revised from ${old.toFixed(2)} to ${product.price.toFixed(2)}.` })
  } else if (detail === 'qty') {
    const old = product.qty
    product.qty = nextQty(random, product)
    messages.push({ type: 1, description: `QTY was revised from ${old} to ${product.qty}.` })
  } else if (detail === 'images') {
    messages.push({ type: 1, description: 'Images were revised.' })
  } else if (detail === 'title') {
    messages.push({ type: 1, description: 'Title and Description were revised.' })
  }
  return messages
}

const LISTING_ACTION_WEIGHTS: readonly (readonly [ListingActionCode, number])[] = [
  [15, 40],
  [10, 14],
  [8, 6],
  [25, 3],
  [13, 5],
  [14, 1.5],
  [16, 1.5],
  [11, 0.8],
  [12, 0.8],
  [9, 0.5],
  [19, 0.15],
  [20, 0.15],
  [18, 0.5],
  [4, 2],
  [5, 0.6],
  [35, 0.3],
  [6, 0.5],
  [7, 0.3],
  [17, 0.5],
  [21, 0.2],
  [22, 0.4],
  [33, 0.2],
  [34, 0.2],
  [38, 1],
  [1, 0.3],
  [2, 0.05],
  [3, 0.05],
  [42, 0.2],
]
/** Actions that happen to a listing as a whole, with no product. */
const LISTING_LEVEL_ACTIONS = new Set([1, 2, 3, 42])
/** Magento-side changes the extension reacts to automatically. */
const AUTOMATIC_ACTIONS = new Set([6, 7, 8, 9, 10, 11, 12, 18, 19, 20, 25])

function listingLevelMessage(action: number, listing: SeedListing): Message {
  switch (action) {
    case 1:
      return {
        type: 3,
        description: 'Listing synchronization was skipped: another synchronization of this Listing is still running.',
      }
    case 2:
      return { type: 2, description: `Listing "${listing.title}" was created.` }
    case 3:
      return { type: 1, description: 'Listing "Test Listing (delete me)" was deleted.' }
    default:
      return {
        type: 1,
        description: json('Listing settings were edited: %setting% was changed.', { setting: 'Selling Policy' }),
      }
  }
}

export interface GenerateOptions {
  /** @default 42 */
  seed?: number
  /** Newest record's time; the records span `days` before it. @default now, to the minute */
  now?: number
  /** @default 29.5 */
  days?: number
}

const DAY_MS = 86_400_000

function anchor(options: GenerateOptions) {
  const now = options.now ?? Math.floor(Date.now() / 60_000) * 60_000
  return { now, span: (options.days ?? 29.5) * DAY_MS }
}

/** Busier in the day than at night, as shops are. */
function randomTime(random: Random, now: number, span: number) {
  for (;;) {
    const t = now - random.next() * span
    const hour = new Date(t).getUTCHours()
    if (random.next() < (hour >= 7 && hour <= 22 ? 1 : 0.35)) return Math.floor(t)
  }
}

function byDate<T extends { createDate: string }>(records: T[], times: number[]): T[] {
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b)
  return order.map((i) => records[i]!)
}

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

/** Order log records, oldest first. */
export function generateOrderRecords(count: number, options: GenerateOptions = {}): NewLogRecord<'order'>[] {
  const random = createRandom((options.seed ?? 42) + 1)
  const { now, span } = anchor(options)
  const shops = META.accounts.flatMap((account) =>
    account.shops.map((shop) => ({ accountId: account.id, shopId: shop.id })),
  )
  const records: NewLogRecord<'order'>[] = []
  const times: number[] = []
  let orderId = 20_000
  let magentoNumber = 1_000_120
  while (records.length < count) {
    orderId += 1
    const shop = random.pick(shops)
    const ttsOrderId = String(576461413577379000n + BigInt(orderId * 7919))
    const sku = `SKU-${random.int(10000, 12000)}`
    let t = randomTime(random, now, span * 0.98)
    const push = (type: Message['type'], description: string, initiator: 0 | 1 | 2 | 3, magento: number | null) => {
      t += random.int(60_000, 6 * 3_600_000)
      // Later steps of the newest orders have not happened yet.
      if (records.length >= count || t > now) return
      records.push({
        accountId: shop.accountId,
        shopId: shop.shopId,
        orderId,
        ttsOrderId,
        magentoOrderId: magento,
        magentoOrderNumber: magento === null ? null : String(magento).padStart(9, '0'),
        createDate: new Date(t).toISOString(),
        type,
        initiator,
        description,
      })
      times.push(t)
    }
    const fate = random.weighted([
      ['fine', 70],
      ['out-of-stock', 12],
      ['address', 5],
      ['cancelled', 8],
      ['refund', 5],
    ] as const)
    if (fate === 'out-of-stock' || fate === 'address') {
      const reason =
        fate === 'out-of-stock'
          ? `Product "${sku}" is out of stock.`
          : 'The shipping address is incomplete: the street is missing.'
      // The extension retries on every synchronization and writes the same message each time.
      const attempts = random.int(3, 14)
      for (let i = 0; i < attempts; i++) push(4, `Magento Order was not created. Reason: ${reason}`, 2, null)
      if (random.chance(0.5)) {
        magentoNumber += 1
        push(2, `Magento Order #${String(magentoNumber).padStart(9, '0')} was created.`, 1, magentoNumber)
      }
      continue
    }
    magentoNumber += 1
    const magento = magentoNumber
    const number = String(magento).padStart(9, '0')
    push(2, `Magento Order #${number} was created.`, 2, magento)
    push(2, `Invoice #${number} was created.`, 2, magento)
    if (fate === 'cancelled') {
      push(3, 'Order was cancelled on TikTok Shop by the buyer. The Magento Order was cancelled.', 2, magento)
      continue
    }
    push(2, `Shipment #${number} was created.`, random.chance(0.7) ? 1 : 2, magento)
    const carrier = random.pick(['UPS', 'DHL', 'Royal Mail', 'USPS', 'Correos'])
    push(
      2,
      json('Tracking number "%number%" for "%carrier%" has been sent to TikTok Shop.', {
        number: `1Z${random.int(100000, 999999)}${random.int(100000, 999999)}`,
        carrier,
      }),
      2,
      magento,
    )
    if (random.chance(0.04))
      push(
        4,
        `Tracking details were not sent to TikTok Shop. Reason: carrier "${carrier}" is not supported in this region. Map the carrier in the shop's shipping settings.`,
        2,
        magento,
      )
    if (fate === 'refund')
      push(
        1,
        `Credit Memo #${number} was created. The refund of ${random.int(5, 120)}.00 was sent to TikTok Shop.`,
        1,
        magento,
      )
  }
  return byDate(records, times)
}

const SYNC_MESSAGES: readonly (readonly [
  { task: SyncTaskCode; type: MessageTypeCode; description: string; detailed: string | null },
  number,
])[] = [
  [
    {
      task: 2,
      type: 3,
      description: 'Inventory synchronization took longer than expected; 120 products will be updated in the next run.',
      detailed: 'Processed 880 of 1000 products in 300 s. Remaining products were queued.',
    },
    20,
  ],
  [
    {
      task: 2,
      type: 4,
      description: 'TikTok Shop API is temporarily unavailable (HTTP 503). The task will be retried.',
      detailed:
        'GET /api/products/search returned 503 Service Unavailable after 3 attempts.\nRequest ID: 2026112710301234ABCD',
    },
    12,
  ],
  [
    {
      task: 3,
      type: 4,
      description: 'Order could not be imported: the buyer address is incomplete.',
      detailed: 'TikTok Shop order 576461413577379981: recipient_address.address_line1 is empty.',
    },
    10,
  ],
  [
    {
      task: 3,
      type: 3,
      description: 'Orders for shop "Fashion Hub UK" were received with a delay of more than 30 minutes.',
      detailed: null,
    },
    8,
  ],
  [
    {
      task: 5,
      type: 3,
      description: 'Unmanaged listing could not be linked automatically: SKU is used by 2 Magento products.',
      detailed: 'SKU "DRESS-01017" matches Magento products 1017 and 1450.',
    },
    10,
  ],
  [
    {
      task: 5,
      type: 1,
      description: 'Unmanaged listings were downloaded for shop "Gadget Corner US".',
      detailed: null,
    },
    6,
  ],
  [
    {
      task: 0,
      type: 3,
      description: 'The access token of account "Fashion Hub Europe" expires in 3 days. Reconnect the account.',
      detailed: null,
    },
    5,
  ],
  [{ task: 0, type: 2, description: 'Shop list was refreshed.', detailed: null }, 4],
  [
    {
      task: 2,
      type: 100,
      description: 'Synchronization task failed: unexpected response from TikTok Shop API.',
      detailed:
        'Error: Unexpected token < in JSON at position 0\n    at ProductSync.parseResponse (Synchronization/Listings.php:214)',
    },
    2,
  ],
  [
    {
      task: 3,
      type: 100,
      description: 'Order synchronization stopped: the account was disconnected on TikTok Shop.',
      detailed: 'HTTP 401 Unauthorized: access_token invalid or expired (code 105002).',
    },
    1,
  ],
]

/** Synchronization log records, oldest first. */
export function generateSynchronizationRecords(
  count: number,
  options: GenerateOptions = {},
): NewLogRecord<'synchronization'>[] {
  const random = createRandom((options.seed ?? 42) + 2)
  const { now, span } = anchor(options)
  const records: NewLogRecord<'synchronization'>[] = []
  const times: number[] = []
  let operation = 900_000
  while (records.length < count) {
    const message = random.weighted(SYNC_MESSAGES)
    const t = randomTime(random, now, span)
    operation += random.int(1, 3)
    records.push({
      createDate: new Date(t).toISOString(),
      type: message.type,
      initiator: random.chance(0.9) ? 2 : 1,
      description: message.description,
      task: message.task,
      detailedDescription: message.detailed,
      operationHistoryId: random.chance(0.9) ? operation : null,
    })
    times.push(t)
  }
  return byDate(records, times)
}
