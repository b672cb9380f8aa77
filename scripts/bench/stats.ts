export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

/** Runs `fn` `runs` times after one warm-up and returns the median time in ms. */
export function timeMedian(runs: number, fn: () => unknown, before?: () => void): number {
  before?.()
  fn()
  const times: number[] = []
  for (let r = 0; r < runs; r++) {
    before?.()
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return round(median(times))
}
