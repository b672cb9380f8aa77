import { describe, expect, it } from 'vitest'
import { TYPE_SLOTS } from '@/api/codes'
import { OTHER_TYPES, typeSlot } from '@/engine'
import {
  bucketTotals,
  countAt,
  labelledBuckets,
  shownTypes,
  stackedSeries,
  stackOrder,
  tickEvery,
  Y_AXIS_WIDTH,
  roundUp,
} from '@/logPage/chart/volumeBars'

/** A histogram of `buckets` buckets from `[bucket, type, count]` entries (unknown types: OTHER_TYPES' slot). */
function histogram(buckets: number, entries: [number, number, number][]) {
  const counts = new Uint32Array(buckets * TYPE_SLOTS)
  for (const [bucket, type, count] of entries) counts[bucket * TYPE_SLOTS + typeSlot(type)]! += count
  return counts
}

describe('volumeBars', () => {
  it('gives the types the app does not know one series of their own, only when some are counted', () => {
    const known = histogram(3, [
      [0, 4, 2],
      [2, 1, 5],
    ])
    expect(shownTypes(known, 3, [1, 2, 3, 4])).toEqual([1, 2, 3, 4])
    // Type 5 (a newer M2E's) is counted apart, never as one of the known four.
    const other = histogram(3, [
      [0, 4, 2],
      [1, 5, 3],
      [1, 7, 1],
    ])
    expect(shownTypes(other, 3, [1, 2, 3, 4])).toEqual([1, 2, 3, 4, OTHER_TYPES])
    expect(countAt(other, 1, OTHER_TYPES)).toBe(4)
    expect(countAt(other, 1, 4)).toBe(0)
    expect(bucketTotals(other, 3, shownTypes(other, 3, [1, 2, 3, 4]))).toEqual([2, 4, 0])
  })

  it('stacks the most serious type at the baseline and the unknown ones on top', () => {
    expect(stackOrder([1, 2, 3, 4, 100])).toEqual([100, 4, 3, 2, 1])
    expect(stackOrder([1, 4, OTHER_TYPES, 3])).toEqual([4, 3, 1, OTHER_TYPES])
  })

  it('draws each series as the running sum up to it, tallest first, the tallest being the totals', () => {
    const counts = histogram(2, [
      [0, 4, 1],
      [0, 3, 2],
      [1, 1, 4],
    ])
    const series = stackedSeries(counts, 2, stackOrder([1, 3, 4]))
    expect(series).toEqual([
      [3, 4], // Info on top: everything
      [3, 0], // Warning over Error
      [1, 0], // Error at the baseline
    ])
    expect(series[0]).toEqual(bucketTotals(counts, 2, [1, 3, 4]))
  })

  it('labels the first bucket and then as many as fit beside the y axis, hours wider than days', () => {
    // 500 px for labels: five days of 100 px, four hours of 110.
    const width = Y_AXIS_WIDTH + 500
    expect(tickEvery(width, 30, 'day')).toBe(6)
    expect(labelledBuckets(width, 30, 'day')).toEqual([0, 6, 12, 18, 24])
    expect(labelledBuckets(width, 30, 'hour')).toEqual([0, 8, 16, 24])
    // Few buckets: each its label. A chart too narrow for any: still the first.
    expect(labelledBuckets(width, 3, 'day')).toEqual([0, 1, 2])
    expect(labelledBuckets(Y_AXIS_WIDTH, 3, 'day')).toEqual([0])
  })
})

describe('the y axis', () => {
  it('tops the chart with a round number, so a label above 0 fits in its height', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 120, 409, 500, 501, 1_234_567].map(roundUp)).toEqual([
      1, 1, 2, 5, 10, 10, 20, 200, 500, 500, 1000, 2_000_000,
    ])
  })
})
