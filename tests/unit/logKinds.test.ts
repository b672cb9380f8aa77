// @vitest-environment node
import { describe, expect, expectTypeOf, it } from 'vitest'
import { LOG_KIND_DEFINITIONS } from '@/logKinds'
import type { ValueFilter } from '@/logKinds/columns'
import type { LogViewState } from '@/logKinds/viewState'
import { listingRecord, orderRecord, synchronizationRecord } from '../fixtures/records'

const listing = listingRecord({ productTitle: null })
const order = orderRecord()
const synchronization = synchronizationRecord()
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
