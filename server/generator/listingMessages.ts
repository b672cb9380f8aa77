/**
 * What the listing log says: the messages one run of an action writes for one product, as M2E
 * TikTok Shop Connect words them (revisions, category attribute errors, image errors, ...).
 */
import type { ListingActionCode, MessageTypeCode } from '../../src/api/codes.ts'
import { LISTINGS, VARIANTS, type SeedListing, type SeedProduct } from './catalog.ts'
import type { Random } from './random.ts'

export const json = (string: string, params: Record<string, string> = {}, links: string[] = []) =>
  JSON.stringify({ string, params, links })

const ATTRIBUTES = ['Brand', 'Material', 'Size Chart', 'Battery Type', 'Country of Origin', 'Warranty Period']
const SEARCH_WORDS = ['Błąd', 'Ostrzeżenie']

export interface Message {
  type: Exclude<MessageTypeCode, 100>
  description: string
}

function money(value: number, currency: string) {
  return `${value.toFixed(2)} ${currency}`
}

/** The messages one run of an action writes for one product. */
export function listingMessages(random: Random, action: number, product: SeedProduct): Message[] {
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

export const LISTING_ACTION_WEIGHTS: readonly (readonly [ListingActionCode, number])[] = [
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
export const LISTING_LEVEL_ACTIONS = new Set([1, 2, 3, 42])
/** Magento-side changes the extension reacts to automatically. */
export const AUTOMATIC_ACTIONS = new Set([6, 7, 8, 9, 10, 11, 12, 18, 19, 20, 25])

export function listingLevelMessage(action: number, listing: SeedListing): Message {
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
