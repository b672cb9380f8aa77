/**
 * One AbortController and one request counter for everything a loader asks: a response of an
 * older request (another narrowing, an abandoned load, a stale refresh) is dropped.
 */
export interface RequestGuard {
  /** Starts a request, aborting the one in flight. */
  start(): { request: number; signal: AbortSignal }
  /** Whether `request` is still the newest (its answer may land). */
  isCurrent(request: number): boolean
  /** Aborts what is in flight: no answer of it lands. */
  invalidate(): void
  /** The current request `request` has ended: its controller is let go. Returns whether it was current. */
  settle(request: number): boolean
}

export function createRequestGuard(): RequestGuard {
  let controller: AbortController | null = null
  /** Bumped by every new request, reset and abort: a response of an older one is dropped. */
  let requestCounter = 0
  return {
    start() {
      requestCounter++
      controller?.abort()
      controller = new AbortController()
      return { request: requestCounter, signal: controller.signal }
    },
    isCurrent: (request) => request === requestCounter,
    invalidate() {
      requestCounter++
      controller?.abort()
      controller = null
    },
    settle(request) {
      if (request !== requestCounter) return false
      controller = null
      return true
    },
  }
}
