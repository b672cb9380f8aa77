/**
 * A repeated message's trend: its occurrences counted in the volume chart's buckets (hours for a
 * week or less, the admin's calendar days beyond), over the dates held. Built only for the rows
 * on screen, from their members' dates.
 */
import type { VolumePlan } from '@/time/volumePlan'

const HOUR_MS = 3_600_000

export interface MessageTrend {
  unit: VolumePlan['unit']
  /** The plan's bucket edges (UTC ms): bucket b is [edges[b], edges[b + 1]). */
  edges: readonly number[]
  /** Occurrences per bucket. */
  counts: Uint32Array
  total: number
  /** The first and the last occurrence (UTC ms). */
  first: number
  last: number
  /** The busiest bucket (the earliest of equals) and its count. */
  peakBucket: number
  peak: number
}

/** A plan with the bucket of each of its hours, so a date finds its bucket in one step. */
export interface TrendPlan {
  plan: VolumePlan
  bucketOfHour: Uint16Array
}

export function trendPlan(plan: VolumePlan): TrendPlan {
  const hours = Math.round((plan.edges[plan.buckets]! - plan.from) / HOUR_MS)
  const bucketOfHour = new Uint16Array(hours)
  let bucket = 0
  for (let hour = 0; hour < hours; hour++) {
    const at = plan.from + hour * HOUR_MS
    while (bucket < plan.buckets - 1 && plan.edges[bucket + 1]! <= at) bucket++
    bucketOfHour[hour] = bucket
  }
  return { plan, bucketOfHour }
}

/** Counts `dates` (UTC ms, any order) into the plan's buckets; dates outside it are left out. */
export function buildTrend({ plan, bucketOfHour }: TrendPlan, dates: ArrayLike<number>): MessageTrend | null {
  const counts = new Uint32Array(plan.buckets)
  let first = Infinity
  let last = -Infinity
  let total = 0
  for (let k = 0; k < dates.length; k++) {
    const date = dates[k]!
    const hour = Math.floor((date - plan.from) / HOUR_MS)
    if (hour < 0 || hour >= bucketOfHour.length) continue
    counts[bucketOfHour[hour]!]!++
    total++
    if (date < first) first = date
    if (date > last) last = date
  }
  if (total === 0) return null
  let peakBucket = 0
  for (let b = 1; b < counts.length; b++) if (counts[b]! > counts[peakBucket]!) peakBucket = b
  return { unit: plan.unit, edges: plan.edges, counts, total, first, last, peakBucket, peak: counts[peakBucket]! }
}

/**
 * The bars a small trend draws, oldest first: at most `most`, each the sum of neighbouring
 * buckets (a year of days in a few dozen pixels would be bars thinner than a pixel).
 */
export function trendBars(counts: Uint32Array, most = 28): number[] {
  const per = Math.max(1, Math.ceil(counts.length / most))
  const bars: number[] = []
  // Grouped from the newest end: the last bar, which says whether it is still happening, is
  // always whole; a shorter group, if any, is the oldest.
  for (let end = counts.length; end > 0; end -= per) {
    let sum = 0
    for (let b = Math.max(0, end - per); b < end; b++) sum += counts[b]!
    bars.push(sum)
  }
  return bars.reverse()
}
