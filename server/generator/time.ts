/** When the seed's records happen: a span of days before an anchor, busier by day. */
import type { Random } from './random.ts'

export interface GenerateOptions {
  /** @default 42 */
  seed?: number
  /** Newest record's time; the records span `days` before it. @default now, to the minute */
  now?: number
  /** @default 29.5 */
  days?: number
}

export const DAY_MS = 86_400_000

export function anchor(options: GenerateOptions) {
  const now = options.now ?? Math.floor(Date.now() / 60_000) * 60_000
  return { now, span: (options.days ?? 29.5) * DAY_MS }
}

/** Busier in the day than at night, as shops are. */
export function randomTime(random: Random, now: number, span: number) {
  for (;;) {
    const t = now - random.next() * span
    const hour = new Date(t).getUTCHours()
    if (random.next() < (hour >= 7 && hour <= 22 ? 1 : 0.35)) return Math.floor(t)
  }
}

export function byDate<T extends { createDate: string }>(records: T[], times: number[]): T[] {
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b)
  return order.map((i) => records[i]!)
}
