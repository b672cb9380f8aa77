/**
 * Where a whole-log load spends its time, as User Timing measures a PerformanceObserver can read
 * (`npm run bench` does): `tts-logs:parse` (splitting, parsing and checking a line; `detail.thread`
 * says whether in the worker or the page's thread) and `tts-logs:append` (putting a page's
 * records into the engine, in the page's thread: one measure a page, as long as its slices
 * together). They are not kept in the performance timeline, so a long session does not grow it.
 */
export type LoadTiming = 'tts-logs:parse' | 'tts-logs:append'

/** Records a measure from `start` to `end` (performance.now() of this thread). */
export function recordLoadTiming(name: LoadTiming, start: number, end: number, detail: Record<string, unknown>): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return
  performance.measure(name, { start, end, detail })
  performance.clearMeasures(name)
}
