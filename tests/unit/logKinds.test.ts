// @vitest-environment node
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { EngineListingRecord, EngineOrderRecord, EngineSynchronizationRecord } from '@/engine'
import { LOG_KIND_DEFINITIONS } from '@/logKinds'
import type { ValueFilter } from '@/logKinds/columns'
import type { LogViewState } from '@/logKinds/viewState'

const listing: EngineListingRecord = {
  id: 5,
  createDate: '2026-11-27T11:00:00Z',
  type: 4,
  initiator: 2,
  description: 'Product was not Listed.',
  accountId: 1,
  shopId: 2,
  listingId: 3,
  listingTitle: 'Summer Dresses',
  productId: 1001,
  productTitle: null,
  listingProductId: 5001,
  action: 4,
  actionId: 77,
}
const order: EngineOrderRecord = {
  id: 8,
  createDate: '2026-11-27T10:00:00Z',
  type: 3,
  initiator: 1,
  description: 'Order was not shipped.',
  accountId: 4,
  shopId: 5,
  orderId: 44,
  ttsOrderId: '5770001',
  magentoOrderId: null,
  magentoOrderNumber: null,
}
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
const { listing: listingLog, order: orderLog, synchronization: synchronizationLog } = LOG_KIND_DEFINITIONS

describe('the log descriptions', () => {
  it('name a narrowed page after its listing, product or order, from one of its records', () => {
    expect(listingLog.narrowedTitle(listing, 'listingId')).toBe('Summer Dresses')
    expect(listingLog.narrowedTitle({ ...listing, productTitle: 'Maxi Dress' }, 'listingProductId')).toBe('Maxi Dress')
    // A product without a title: the page falls back to its id.
    expect(listingLog.narrowedTitle(listing, 'listingProductId')).toBeNull()
    expect(listingLog.narrowedTitle(listing, 'orderId')).toBeNull()
    expect(orderLog.narrowedTitle(order, 'orderId')).toBe('5770001')
    expect(orderLog.narrowedTitle(order, 'listingId')).toBeNull()
    expect(synchronizationLog.narrowedTitle(synchronization, 'listingId')).toBeNull()
  })

  it('give a detailed description of synchronization records only', () => {
    expect(synchronizationLog.detailText(synchronization)).toBe('HTTP 503 from the TikTok Shop API')
    expect(synchronizationLog.detailText({ ...synchronization, detailedDescription: null })).toBeNull()
    expect(listingLog.detailText(listing)).toBeNull()
    expect(orderLog.detailText(order)).toBeNull()
  })

  it('group listing records by their action run, and no other log’s', () => {
    expect(listingLog.runKey(listing)).toBe(77)
    expect(orderLog.runKey(order)).toBeNull()
    expect(synchronizationLog.runKey(synchronization)).toBeNull()
  })

  it('give the account and shop of listing and order records, whose logs filter by them', () => {
    expect(listingLog.ownerOf(listing)).toEqual({ accountId: 1, shopId: 2 })
    expect(orderLog.ownerOf(order)).toEqual({ accountId: 4, shopId: 5 })
    expect(synchronizationLog.ownerOf(synchronization)).toBeNull()
    for (const definition of Object.values(LOG_KIND_DEFINITIONS)) {
      const record = { listing, order, synchronization }[definition.kind]
      expect(definition.ownerOf(record) !== null).toBe(definition.hasAccountFilters)
      expect(definition.runKey(record) !== null).toBe(definition.hasActionRuns)
    }
  })

  it('let a drawer field set only filters the page state has, with their own values', () => {
    // Checked by the type checker (npm run typecheck): ValueFilter is written out apart from the view state.
    expectTypeOf<keyof ValueFilter>().toExtend<keyof LogViewState>()
    expectTypeOf<Required<ValueFilter>>().toExtend<Pick<LogViewState, keyof ValueFilter>>()
  })
})
