/**
 * The records live in the engine, outside Vue's reactivity; `held` is how views depend on them:
 * every read goes through it, and it is triggered whenever the records change.
 */
import { markRaw, nextTick, shallowRef, triggerRef, type ShallowRef } from 'vue'
import { LogEngine } from '@/engine'
import type { LogKind } from '@/logKinds'

/** The grid re-queries at most this often while pages stream in. */
const REFRESH_MS = 120

export interface EngineRefresh<K extends LogKind> {
  /** The engine holding the records; triggered (not replaced) when they change. */
  held: ShallowRef<LogEngine<K>>
  /** Start again with an empty engine (the narrowing changed, or the log was cleared). */
  emptyEngine(): void
  /** Hold these records again (a window put aside while a date range was looked at). */
  adoptEngine(engine: LogEngine<K>): void
  /** The records changed; `force`: refresh the views now, not at the next throttled moment. */
  changed(force: boolean): void
}

export function useEngineRefresh<K extends LogKind>(kind: K): EngineRefresh<K> {
  const held = shallowRef<LogEngine<K>>(markRaw(new LogEngine(kind)))
  let lastRefresh = 0
  /** The last refresh while loading: query and render, ms. */
  let lastRefreshMs = 0

  return {
    held,
    emptyEngine() {
      held.value = markRaw(new LogEngine(kind))
    },
    adoptEngine(engine) {
      held.value = markRaw(engine)
    },
    changed(force) {
      const now = performance.now()
      // While records stream in, the page re-queries everything held and renders again: tens
      // of ms at a million records, so it refreshes less often as that grows (the query and
      // the render together take at most a tenth of the time).
      if (force || now - lastRefresh >= Math.max(REFRESH_MS, lastRefreshMs * 10)) {
        lastRefresh = now
        triggerRef(held)
        // Vue renders in a microtask; nextTick resolves after it.
        void nextTick(() => (lastRefreshMs = performance.now() - now))
      }
    },
  }
}
