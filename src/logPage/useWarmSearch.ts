/**
 * The merchant's first search, readied: once the page has settled with records held, an idle
 * moment runs the code that search runs (the engine's pass with a message filter, on working
 * arrays of its own), keeping nothing, once per log's engine. Its first keystroke then waits for
 * the search alone, not for V8 to compile and tune that code (issue 28: about a fifth of it).
 */
import { onBeforeUnmount, watch, type Ref } from 'vue'
import type { LogStore } from '@/stores/logStore'

/** An idle moment, but no later than this after the page settled. */
const WARM_IDLE_MS = 2000

export interface UseWarmSearchOptions {
  store: LogStore
  /** The page has settled: its first rows are painted, or the load ended (useSettle). */
  settled: Ref<boolean>
}

/** Readies the first search once the page has settled with records held, unless a search is typed already. */
export function useWarmSearch(options: UseWarmSearchOptions): void {
  const { store, settled } = options
  let pending: { cancel(): void } | null = null
  function warm() {
    pending = null
    // A search typed already has run that code.
    if (store.viewState.q.trim()) return
    try {
      store.warmSearch()
    } catch (error) {
      // Only a keystroke's speed depends on it: the page goes on as it is.
      console.warn('[tts-logs] readying the message search failed', error)
    }
  }
  function soon() {
    if (pending !== null) return
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(warm, { timeout: WARM_IDLE_MS })
      pending = { cancel: () => cancelIdleCallback(id) }
    } else {
      const id = setTimeout(warm, 0)
      pending = { cancel: () => clearTimeout(id) }
    }
  }
  // Settled with no records yet (a slow server): when the first ones are held.
  watch(
    () => settled.value && store.loaded > 0,
    (ready) => ready && soon(),
    { immediate: true },
  )
  onBeforeUnmount(() => pending?.cancel())
}
