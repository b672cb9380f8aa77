import { describe, expect, it } from 'vitest'
import { buildTrend, trendBars, trendPlan } from '@/trend/trend'
import { planVolume } from '@/time/volumePlan'

const at = (iso: string) => Date.parse(iso)

describe('a repeated message’s trend', () => {
  it('counts occurrences per day over a month held, in the admin’s calendar days', () => {
    // Warsaw: 23:30 UTC on Nov 9 is already Nov 10 there.
    const plan = trendPlan(planVolume(at('2026-11-01T00:00:00Z'), at('2026-11-30T12:00:00Z'), 'Europe/Warsaw')!)
    const dates = [
      at('2026-11-09T23:30:00Z'),
      at('2026-11-10T08:00:00Z'),
      at('2026-11-10T09:00:00Z'),
      at('2026-11-03T12:00:00Z'),
      at('2026-11-28T12:00:00Z'),
    ]
    const trend = buildTrend(plan, dates)!
    expect(trend.unit).toBe('day')
    expect(trend.total).toBe(5)
    expect(trend.first).toBe(at('2026-11-03T12:00:00Z'))
    expect(trend.last).toBe(at('2026-11-28T12:00:00Z'))
    expect(trend.peak).toBe(3)
    // The peak's bucket starts at midnight in Warsaw.
    expect(new Date(trend.edges[trend.peakBucket]!).toISOString()).toBe('2026-11-09T23:00:00.000Z')
    expect(Array.from(trend.counts).reduce((a, b) => a + b, 0)).toBe(5)
  })

  it('counts by the hour over a week or less; the earliest of equal peaks wins', () => {
    const plan = trendPlan(planVolume(at('2026-11-28T00:00:00Z'), at('2026-11-29T23:00:00Z'), 'UTC')!)
    const trend = buildTrend(plan, [
      at('2026-11-29T14:59:59Z'),
      at('2026-11-29T14:00:00Z'),
      at('2026-11-28T02:10:00Z'),
      at('2026-11-28T02:20:00Z'),
    ])!
    expect(trend.unit).toBe('hour')
    expect(trend.peak).toBe(2)
    expect(new Date(trend.edges[trend.peakBucket]!).toISOString()).toBe('2026-11-28T02:00:00.000Z')
  })

  it('leaves out dates outside the plan, and has no trend without any inside', () => {
    const plan = trendPlan(planVolume(at('2026-11-28T00:00:00Z'), at('2026-11-29T23:00:00Z'), 'UTC')!)
    expect(buildTrend(plan, [at('2026-10-01T00:00:00Z')])).toBeNull()
    expect(buildTrend(plan, [at('2026-10-01T00:00:00Z'), at('2026-11-28T05:00:00Z')])!.total).toBe(1)
  })

  it('draws a year of days as a few dozen bars, each the sum of its days', () => {
    const counts = Uint32Array.from({ length: 365 }, (_, d) => (d % 7 === 0 ? 2 : 0))
    const bars = trendBars(counts, 28)
    expect(bars.length).toBeLessThanOrEqual(28)
    expect(bars.reduce((a, b) => a + b, 0)).toBe(Array.from(counts).reduce((a, b) => a + b, 0))
  })

  it('keeps the newest bar whole: the oldest takes what does not divide', () => {
    // 10 days in bars of 3: [1], [2,3,4], [5,6,7], [8,9,10].
    const counts = Uint32Array.from({ length: 10 }, (_, d) => d + 1)
    expect(trendBars(counts, 4)).toEqual([1, 9, 18, 27])
  })
})
