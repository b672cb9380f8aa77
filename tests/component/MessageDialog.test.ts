// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import MessageDialog from '@/logPage/details/MessageDialog.vue'
import type { EngineListingRecord, EngineSynchronizationRecord } from '@/engine'
import { mountWithLog, until } from './helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

const synchronization: EngineSynchronizationRecord = {
  id: 9,
  createDate: '2026-11-27T09:00:00Z',
  type: 4,
  initiator: 2,
  description: 'Synchronization failed.',
  task: 3,
  detailedDescription: 'HTTP 503 from the TikTok Shop API',
  operationHistoryId: null,
}

const listing: EngineListingRecord = {
  id: 5,
  createDate: '2026-11-27T11:00:00Z',
  type: 4,
  initiator: 2,
  description: 'Product was not Listed.',
  accountId: 1,
  shopId: 1,
  listingId: 3,
  listingTitle: 'Summer Dresses',
  productId: 1001,
  productTitle: 'Maxi Dress',
  listingProductId: 5001,
  action: 4,
  actionId: 77,
}

describe('MessageDialog', () => {
  it("shows a synchronization record's detailed description under its message", async () => {
    await mountWithLog(MessageDialog, {
      kind: 'synchronization',
      records: [synchronization],
      props: (store) => ({ modelValue: true, indices: [store.indexOfId(9)] }),
    })
    await until(() => document.querySelector('.tts-message-dialog__text') !== null)
    expect(document.querySelector('.tts-message-dialog__text')!.textContent).toBe('Synchronization failed.')
    expect(document.querySelector('.tts-message-dialog__detailed')!.textContent!.trim()).toBe(
      'HTTP 503 from the TikTok Shop API',
    )
  })

  it('shows no detailed description for a listing record', async () => {
    await mountWithLog(MessageDialog, {
      kind: 'listing',
      records: [listing],
      props: (store) => ({ modelValue: true, indices: [store.indexOfId(5)] }),
    })
    await until(() => document.querySelector('.tts-message-dialog__text') !== null)
    expect(document.querySelector('.tts-message-dialog__text')!.textContent).toBe('Product was not Listed.')
    expect(document.querySelector('.tts-message-dialog__detailed')).toBeNull()
  })
})
