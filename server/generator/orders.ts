/** The seed's order log: each order's steps, from the Magento order to the tracking number. */
import type { NewLogRecord } from '../../src/api/schemas.ts'
import { META } from './catalog.ts'
import { json, type Message } from './listingMessages.ts'
import { createRandom } from './random.ts'
import { anchor, byDate, randomTime, type GenerateOptions } from './time.ts'

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
