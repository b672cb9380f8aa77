/**
 * How the volume chart cuts a date range into bars: hourly up to a week, daily beyond, with
 * bucket edges on the admin's wall clock (whole hours, local midnights).
 */
import { TYPE_SLOTS } from '@/api/codes'
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { safeZone } from '@/time/timeZone'

dayjs.extend(utc)
dayjs.extend(timezone)

export type BucketUnit = 'hour' | 'day'

export interface VolumePlan {
  /** Start of the first bucket, UTC ms. */
  from: number
  buckets: number
  unit: BucketUnit
  /** `buckets + 1` ascending bucket edges, UTC ms: bucket b is [edges[b], edges[b + 1]). */
  edges: number[]
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Up to this span the bars are hours (168 bars at most); beyond it, days. */
export const HOURLY_UP_TO = 7 * DAY
/** No more than this many bars (a little over a year of days): older days are left out. */
export const MAX_BUCKETS = 400

/**
 * The buckets for records between `start` and `end` (inclusive, UTC ms): whole hours, or the
 * admin's calendar days from one local midnight to the next (so a day across a daylight-saving
 * change is 23 or 25 hours, and a bar is exactly the day its label says).
 */
export function planVolume(start: number, end: number, timeZone: string): VolumePlan | null {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return null
  const unit: BucketUnit = end - start <= HOURLY_UP_TO ? 'hour' : 'day'
  const width = unit === 'hour' ? HOUR : DAY
  const zone = safeZone(timeZone)
  // Keep the newest buckets when the span is longer than the chart can show.
  // (One bucket's slack: calendar days across a daylight-saving change are not all 24 h.)
  const earliest = Math.max(start, end - (MAX_BUCKETS - 2) * width)
  const first = dayjs(earliest).tz(zone).startOf(unit)
  const from = first.valueOf()
  // Local midnights from the local calendar date (dayjs's add() on a zoned date keeps the old
  // offset across a daylight-saving change).
  const [year, month, day] = first.format('YYYY-MM-DD').split('-').map(Number) as [number, number, number]
  const midnight = (b: number) =>
    dayjs.tz(new Date(Date.UTC(year, month - 1, day + b)).toISOString().slice(0, 10), zone).valueOf()
  const edges = [from]
  for (let b = 1; edges[edges.length - 1]! <= end && b <= MAX_BUCKETS; b++) {
    edges.push(unit === 'hour' ? from + b * HOUR : midnight(b))
  }
  return { from, buckets: edges.length - 1, unit, edges }
}

/** The date range [from, to] (inclusive, UTC ms) covered by buckets `first..last`. */
export function bucketRange(plan: VolumePlan, first: number, last: number): [number, number] {
  const low = Math.max(0, Math.min(first, last))
  const high = Math.min(plan.buckets - 1, Math.max(first, last))
  return [plan.edges[low]!, plan.edges[high + 1]! - 1]
}

/** The bucket a time falls in, clamped to the plan. */
export function bucketOf(plan: VolumePlan, time: number): number {
  let low = 0
  let high = plan.buckets - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (plan.edges[mid]! <= time) low = mid
    else high = mid - 1
  }
  return low
}

const HOUR_MS = 3_600_000
/** Slots per bucket: one per known type and one for the others. */
const TYPES = TYPE_SLOTS

/** Whole hours from a plan's first edge to its last: what the engine counts by. */
export function hoursIn(plan: VolumePlan): number {
  return Math.round((plan.edges[plan.buckets]! - plan.from) / HOUR_MS)
}

/**
 * The plan's buckets from hourly counts (`hoursIn(plan) * types`, hour-major, as the engine's
 * histogram): hours as they are, calendar days as the sum of their hours.
 */
export function bucketCounts(plan: VolumePlan, hourly: Uint32Array, types = TYPES): Uint32Array {
  if (plan.unit === 'hour') return hourly
  const counts = new Uint32Array(plan.buckets * types)
  const hours = hoursIn(plan)
  for (let hour = 0; hour < hours; hour++) {
    const bucket = bucketOf(plan, plan.from + hour * HOUR_MS)
    for (let t = 0; t < types; t++) counts[bucket * types + t]! += hourly[hour * types + t]!
  }
  return counts
}
