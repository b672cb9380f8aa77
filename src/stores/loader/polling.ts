/** Live refresh's timer: it polls only while the page is shown and an interval is chosen. */
import { ref, watch, type Ref } from 'vue'
import type { LoadStatus } from '@/stores/loader/types'

export interface UsePollingOptions {
  status: Ref<LoadStatus>
  /** One check; `hold`: new records wait behind the pill. */
  refreshNewer(hold: boolean): Promise<number>
}

export interface Polling {
  /** Live refresh: seconds between checks for newer records; 0 is off. */
  liveInterval: Ref<number>
  /** Reading further down, or a dialog is open: new records wait in `pending`. */
  livePaused: Ref<boolean>
  /** The page is shown (true) or left (false): polls only while shown. */
  setActive(shown: boolean): void
  /** Whether the page is shown. */
  isActive(): boolean
}

export function usePolling(options: UsePollingOptions): Polling {
  const { status } = options
  const liveInterval = ref(0)
  const livePaused = ref(false)
  let active = false
  let pollTimer: ReturnType<typeof setInterval> | null = null

  function restartPolling() {
    if (pollTimer) clearInterval(pollTimer)
    pollTimer = null
    if (!active || liveInterval.value <= 0) return
    pollTimer = setInterval(() => {
      if (status.value === 'complete') void options.refreshNewer(livePaused.value)
    }, liveInterval.value * 1000)
  }
  watch(liveInterval, restartPolling)

  return {
    liveInterval,
    livePaused,
    setActive(shown) {
      active = shown
      restartPolling()
    },
    isActive: () => active,
  }
}
