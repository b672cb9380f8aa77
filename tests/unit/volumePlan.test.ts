import { describe, expect, it } from 'vitest'
import { TYPE_SLOTS } from '@/api/codes'
import { bucketCounts, bucketOf, bucketRange, hoursIn, HOURLY_UP_TO, MAX_BUCKETS, planVolume } from '@/time/volumePlan'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const at = (iso: string) => Date.parse(iso)

describe('planVolume', () => {
  it("cuts up to a week into whole hours of the admin's clock", () => {
    const plan = planVolume(at('2026-11-20T10:20:00Z'), at('2026-11-21T09:59:00Z'), 'Asia/Kolkata')!
    expect(plan.unit).toBe('hour')
    expect(plan.edges[1]! - plan.edges[0]!).toBe(HOUR)
    // Kolkata is UTC+5:30: its whole hours are at :30 UTC.
    expect(new Date(plan.from).toISOString()).toBe('2026-11-20T09:30:00.000Z')
    expect(plan.buckets).toBe(25)
    expect(bucketOf(plan, at('2026-11-21T09:59:00Z'))).toBe(plan.buckets - 1)
  })

  it("cuts a longer range into days from the admin's midnight", () => {
    const plan = planVolume(at('2026-11-01T12:00:00Z'), at('2026-11-27T12:00:00Z'), 'Europe/Warsaw')!
    expect(plan.unit).toBe('day')
    expect(plan.edges[1]! - plan.edges[0]!).toBe(DAY)
    expect(new Date(plan.from).toISOString()).toBe('2026-10-31T23:00:00.000Z')
    expect(plan.buckets).toBe(27)
  })

  it('switches from hours to days just past a week', () => {
    const start = at('2026-11-01T00:00:00Z')
    expect(planVolume(start, start + HOURLY_UP_TO, 'UTC')!.unit).toBe('hour')
    expect(planVolume(start, start + HOURLY_UP_TO + 1, 'UTC')!.unit).toBe('day')
  })

  it('keeps the newest days when the range is longer than the chart can show', () => {
    const end = at('2026-11-27T12:00:00Z')
    const plan = planVolume(end - 5000 * DAY, end, 'UTC')!
    expect(plan.buckets).toBeLessThanOrEqual(MAX_BUCKETS)
    expect(plan.buckets).toBeGreaterThan(MAX_BUCKETS - 3)
    expect(bucketOf(plan, end)).toBe(plan.buckets - 1)
    expect(plan.edges[plan.buckets]).toBeGreaterThan(end)
  })

  it('makes each day a calendar day of the admin, also across a daylight-saving change', () => {
    // New York leaves daylight saving on 2026-11-01: that day has 25 hours.
    const plan = planVolume(at('2026-10-25T12:00:00Z'), at('2026-11-05T12:00:00Z'), 'America/New_York')!
    const iso = (t: number) => new Date(t).toISOString()
    const nov1 = plan.edges.findIndex((t) => iso(t) === '2026-11-01T04:00:00.000Z')
    expect(nov1).toBeGreaterThan(0)
    expect(bucketRange(plan, nov1, nov1).map(iso)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-02T04:59:59.999Z'])
    expect(bucketRange(plan, nov1 + 1, nov1 + 1).map(iso)).toEqual([
      '2026-11-02T05:00:00.000Z',
      '2026-11-03T04:59:59.999Z',
    ])
    expect(bucketOf(plan, at('2026-11-02T04:30:00Z'))).toBe(nov1)
    expect(bucketOf(plan, at('2026-11-02T05:00:00Z'))).toBe(nov1 + 1)
    // Counted by the hour, summed by the calendar day: Nov 1 gets its 25 hours.
    const hourly = new Uint32Array(hoursIn(plan) * TYPE_SLOTS).fill(1)
    const days = bucketCounts(plan, hourly)
    expect(days[nov1 * TYPE_SLOTS]).toBe(25)
    expect(days[(nov1 + 1) * TYPE_SLOTS]).toBe(24)
    expect(Array.from(days).reduce((a, b) => a + b, 0)).toBe(hourly.length)
  })

  it('falls back to UTC for a time zone Intl does not know, and refuses nonsense', () => {
    const plan = planVolume(at('2026-11-01T05:00:00Z'), at('2026-11-20T00:00:00Z'), 'Mars/Olympus')!
    expect(new Date(plan.from).toISOString()).toBe('2026-11-01T00:00:00.000Z')
    expect(planVolume(10, 5, 'UTC')).toBeNull()
    expect(planVolume(Number.NaN, 5, 'UTC')).toBeNull()
  })
})

describe('bucketRange', () => {
  const plan = planVolume(at('2026-11-01T00:00:00Z'), at('2026-11-03T23:00:00Z'), 'UTC')!

  it('covers whole buckets, inclusive, in either drag direction', () => {
    expect(bucketRange(plan, 2, 4).map((t) => new Date(t).toISOString())).toEqual([
      '2026-11-01T02:00:00.000Z',
      '2026-11-01T04:59:59.999Z',
    ])
    expect(bucketRange(plan, 4, 2)).toEqual(bucketRange(plan, 2, 4))
  })

  it('clamps a drag that runs off either end of the chart', () => {
    const [from, to] = bucketRange(plan, -3, plan.buckets + 10)
    expect(from).toBe(plan.from)
    expect(to).toBe(plan.edges[plan.buckets]! - 1)
  })
})
