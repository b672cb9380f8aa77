/**
 * The first rows are painted (or the load ended without any, or it is slow): only then does the
 * rest of the page (the chart, the date picker, the accounts' request) start, so nothing delays
 * the first rows.
 */
import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { firstRowsShown } from '@/app/deferredUi'

/** After the first rows, the rest waits for an idle moment, but no longer than this. */
const SETTLE_IDLE_MS = 300
/** A slow server does not keep the rest of the page waiting longer than this. */
const SETTLE_AT_MOST_MS = 1500

export interface UseSettleOptions {
  /** The first rows are there, or the load ended. */
  ready(): boolean
}

export interface Settle {
  /** The page has settled: what waited for the first rows may start. */
  settled: Ref<boolean>
}

export function useSettle(options: UseSettleOptions): Settle {
  const settled = ref(false)
  let settleTimer: ReturnType<typeof setTimeout> | null = null
  function settle() {
    if (settleTimer) clearTimeout(settleTimer)
    settleTimer = null
    settled.value = true
    firstRowsShown()
  }
  watch(
    options.ready,
    (ready) => {
      if (!ready || settled.value) return
      // The frame with the first rows first, then the rest, when the page has a moment.
      requestAnimationFrame(() => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(settle, { timeout: SETTLE_IDLE_MS })
        else setTimeout(settle, 0)
      })
    },
    { immediate: true },
  )
  onMounted(() => {
    if (!settled.value) settleTimer = setTimeout(settle, SETTLE_AT_MOST_MS)
  })
  onBeforeUnmount(() => {
    if (settleTimer) clearTimeout(settleTimer)
  })
  return { settled }
}
