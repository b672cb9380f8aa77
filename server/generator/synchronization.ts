/** The seed's synchronization log. */
import type { MessageTypeCode, SyncTaskCode } from '../../src/api/codes.ts'
import type { NewLogRecord } from '../../src/api/schemas.ts'
import { createRandom } from './random.ts'
import { anchor, byDate, randomTime, type GenerateOptions } from './time.ts'

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
