/**
 * Streamed loads at once: beyond them a load gets 429 with Retry-After, and the client waits and
 * goes on. Each stream holds a database cursor, a gzip stream and a socket's buffers, and keeps a
 * core busy encoding. With these limits and V8's heap held to 192 MB (`npm run api`), 24 loads of
 * 200,000 records at once, 8 of them slow, kept the server at 209 MB resident and `meta` at a
 * p95 of 37 ms (`npm run load:streams`; without either, 575 MB and 78 ms).
 */
export const MAX_STREAMS = 6
export const MAX_STREAMS_PER_ADMIN = 3
export const STREAM_RETRY_AFTER_S = 2

/** Counts streams under way. */
export interface StreamLimiter {
  /** Streams under way now (the test-mode endpoint `/__test/streams` reports it). */
  readonly active: number
  /** Of them, those waiting for their client to read (it stopped reading, or reads slowly). */
  waiting: number
  /** A release function, or null when over a limit (`sub`: the admin; '' without tokens). */
  enter(sub: string): (() => void) | null
}

export function streamLimiter(total: number, perAdmin: number): StreamLimiter {
  let active = 0
  const byAdmin = new Map<string, number>()
  return {
    /** Streams under way now (the test-mode endpoint `/__test/streams` reports it). */
    get active() {
      return active
    },
    /** Of them, those waiting for their client to read (it stopped reading, or reads slowly). */
    waiting: 0,
    enter(sub: string): (() => void) | null {
      const mine = byAdmin.get(sub) ?? 0
      // Without tokens (sub ''), only the overall limit applies.
      if (active >= total || (sub !== '' && mine >= perAdmin)) return null
      active++
      byAdmin.set(sub, mine + 1)
      let released = false
      return () => {
        if (released) return
        released = true
        active--
        const left = (byAdmin.get(sub) ?? 1) - 1
        if (left > 0) byAdmin.set(sub, left)
        else byAdmin.delete(sub)
      }
    },
  }
}
