/** The seed's accounts, shops, listings and products. */
import type { Meta } from '../../src/api/schemas.ts'
import type { Random } from './random.ts'

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

export interface SeedListing {
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
export const VARIANTS = ['Black', 'White', 'Navy', 'Red', 'Olive', 'Beige', 'S', 'M', 'L', 'XL', '64 GB', '2-Pack']

export interface SeedProduct {
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
