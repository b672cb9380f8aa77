/**
 * How the volume chart cuts a date range into bars: hourly up to a week, daily beyond, with
 * bucket edges on the admin's wall clock (whole hours, local midnights).
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { safeZone } from '@/format/timeZone'

dayjs.extend(utc)
dayjs.extend(timezone)

export type BucketUnit = 'hour' | 'day'

export interface VolumePlan {
  /** Start of the first bucket, UTC ms. */
  from: number
  /** Bucket width, ms. */
  width: number
  buckets: number
  unit: BucketUnit
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Up to this span the bars are hours (168 bars at most); beyond it, days. */
export const HOURLY_UP_TO = 7 * DAY
/** No more than this many bars (a little over a year of days): older days are left out. */
export const MAX_BUCKETS = 400

/**
 * The buckets for records between `start` and `end` (inclusive, UTC ms). Daily buckets are 24 h
 * from the admin's midnight before `start`; across a daylight-saving change their edges drift
 * by the hour, which a bar chart of days can bear.
 */
export function planVolume(start: number, end: number, timeZone: string): VolumePlan | null {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return null
  const unit: BucketUnit = end - start <= HOURLY_UP_TO ? 'hour' : 'day'
  const width = unit === 'hour' ? HOUR : DAY
  const zone = safeZone(timeZone)
  // Keep the newest buckets when the span is longer than the chart can show.
  const earliest = Math.max(start, end - (MAX_BUCKETS - 1) * width)
  const from = dayjs(earliest).tz(zone).startOf(unit).valueOf()
  const buckets = Math.max(1, Math.floor((end - from) / width) + 1)
  return { from, width, buckets, unit }
}

/** The date range [from, to] (inclusive, UTC ms) covered by buckets `first..last`. */
export function bucketRange(plan: VolumePlan, first: number, last: number): [number, number] {
  const low = Math.max(0, Math.min(first, last))
  const high = Math.min(plan.buckets - 1, Math.max(first, last))
  return [plan.from + low * plan.width, plan.from + (high + 1) * plan.width - 1]
}

/** The bucket a time falls in, clamped to the plan. */
export function bucketOf(plan: VolumePlan, time: number): number {
  return Math.min(plan.buckets - 1, Math.max(0, Math.floor((time - plan.from) / plan.width)))
}
