/**
 * The volume chart's bars, pure: what the engine's histogram (`buckets * TYPE_SLOTS` counts,
 * bucket-major) holds per bucket and type, which types get a series, how they stack, and where
 * the x axis puts its date labels.
 */
import { OTHER_TYPE_SLOT } from '@/api/codes'
import { OTHER_TYPES, TYPE_CODES, TYPE_SLOTS, typeSlot } from '@/engine'
import type { BucketUnit } from '@/time/volumePlan'

/** The histogram slot a type is counted in: every type the app does not know shares one. */
export const slotOf = (type: number) => (type === OTHER_TYPES ? OTHER_TYPE_SLOT : typeSlot(type))

/** The records of `type` in `bucket`. */
export const countAt = (histogram: Uint32Array, bucket: number, type: number) =>
  histogram[bucket * TYPE_SLOTS + slotOf(type)] ?? 0

/**
 * The log's types, and "Other types" when records of types the app does not know are counted
 * (a newer M2E's): they are drawn apart, never added to a known type.
 */
export function shownTypes(histogram: Uint32Array, buckets: number, types: number[]): number[] {
  for (let b = 0; b < buckets; b++)
    if (countAt(histogram, b, OTHER_TYPES) > 0)
      return [...types.filter((type) => slotOf(type) !== OTHER_TYPE_SLOT), OTHER_TYPES]
  return types
}

/** Stacking order from the baseline up: the most serious at the bottom, where the eye lands. */
export const stackOrder = (types: number[]) =>
  [...types].sort((a, b) => TYPE_CODES.indexOf(b as never) - TYPE_CODES.indexOf(a as never))

/** Each bucket's records of `types`. */
export function bucketTotals(histogram: Uint32Array, buckets: number, types: number[]): number[] {
  const perBucket = new Array<number>(buckets).fill(0)
  for (let b = 0; b < buckets; b++) for (const type of types) perBucket[b]! += countAt(histogram, b, type)
  return perBucket
}

/**
 * The stacked series, in `order` from the baseline up, each the running sum of those below it and
 * its own; returned tallest first, so that each shorter one is drawn in front of it.
 */
export function stackedSeries(histogram: Uint32Array, buckets: number, order: number[]): number[][] {
  const cumulative: number[][] = []
  let running = new Array<number>(buckets).fill(0)
  for (const type of order) {
    running = running.map((sum, b) => sum + countAt(histogram, b, type))
    cumulative.push(running)
  }
  return cumulative.reverse()
}

/** The y axis's width, px: the date labels share what is left. */
export const Y_AXIS_WIDTH = 56

/** Every how many buckets the x axis puts a date label, for a chart `width` px wide. */
export function tickEvery(width: number, buckets: number, unit: BucketUnit): number {
  // A date label ("Nov 18, 2026") is about 80 px; with its gap, 100.
  const labelWidth = unit === 'hour' ? 110 : 100
  const fits = Math.max(1, Math.floor((width - Y_AXIS_WIDTH) / labelWidth))
  return Math.max(1, Math.ceil(buckets / fits))
}

/** The buckets the x axis labels: the first, then every `tickEvery`. */
export function labelledBuckets(width: number, buckets: number, unit: BucketUnit): number[] {
  const every = tickEvery(width, buckets, unit)
  const splits: number[] = []
  for (let b = 0; b < buckets; b += every) splits.push(b)
  return splits
}

/** The least of 1, 2 and 5 times a power of ten that is at least `max` (and at least 1). */
export function roundUp(max: number): number {
  if (!(max > 1)) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power
  return 10 * power
}
