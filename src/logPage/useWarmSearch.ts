/**
 * The merchant's first search, readied: once the page has settled, and again once the log is
 * loaded, an idle moment runs the code that search runs (the engine's pass with a message filter,
 * and the marking of what it matched), keeping nothing. Its first keystroke then waits for the
 * search alone, not for V8 to compile that code first (issue 28: about half of that keystroke).
 */
import { onBeforeUnmount, watch, type Ref } from 'vue'
import { MESSAGE_CUT, messageParts } from '@/cells/messageParts'
import type { LogStore } from '@/stores/logStore'

/** An idle moment, but no later than this after the page settled or the log loaded. */
const WARM_IDLE_MS = 2000
/** What the readied search looks for: any text does; this one matches in most logs. */
const SAMPLE_NEEDLE = 'e'

export function useWarmSearch(store: LogStore, settled: Ref<boolean>, detailsLabel: () => string): void {
  let pending: { cancel(): void } | null = null
  function warm() {
    pending = null
    // A search typed already has run that code.
    if (store.viewState.q.trim()) return
    store.warmSearch()
    const row = store.result.shown > 0 ? store.rowAt(0) : null
    if (row) messageParts(row.message, detailsLabel(), MESSAGE_CUT, SAMPLE_NEEDLE)
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
  watch(settled, (now) => now && soon(), { immediate: true })
  onBeforeUnmount(() => pending?.cancel())
}
