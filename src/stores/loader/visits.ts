/**
 * Leaving the page and coming back: a log held whole catches up on what arrived meanwhile before
 * it counts as loaded again; a load left half way resumes, then asks for what arrived at the top.
 */
import type { Ref } from 'vue'
import type { LoadStatus } from '@/stores/loader/types'

export interface UseVisitsOptions {
  status: Ref<LoadStatus>
  loaded: Ref<number>
  /** Fetches what arrived at the top, straight into the grid, while the status says loading. */
  fetchNewer(): Promise<unknown>
  /** The records changed: the views refresh now. */
  changed(): void
}

export interface Visits {
  /** Coming back to a log left loaded: its catch-up (null: nothing to catch up on). */
  comingBack(): Promise<void> | null
  /** A load ended: what arrived at the top while the page was away is asked for (null: nothing). */
  loadEnded(): Promise<void> | null
  /** The page is left: what the next visit must do is noted. */
  left(): void
  /** A new narrowing: nothing to catch up on. */
  reset(): void
}

export function useVisits(options: UseVisitsOptions): Visits {
  const { status, loaded } = options
  /**
   * The page was left after the log had loaded: records may have arrived meanwhile, and coming
   * back asks for them before the log counts as loaded again (catchUp).
   */
  let leftLoaded = false
  /** A catch-up is under way (status 'loading' over a log already held whole). */
  let catchingUp = false
  /** Bumped by each catch-up: one left behind (the page left and came back) finishes nothing. */
  let catchUpSequence = 0
  /**
   * The page was left while the log was loading: the load resumes older pages from its cursor
   * when the page comes back, and what arrived at the top meanwhile is asked for once it ends.
   */
  let topStale = false

  /**
   * Coming back to a log held whole: what arrived while the page was away is fetched (as a live
   * refresh check does) before the log counts as loaded, so its counts, chips and New marks are
   * true on arrival. Meanwhile the status says it is loading. A failed check leaves the log as it
   * was, with the failure beside the live refresh control (as a failed check does).
   */
  async function catchUp(): Promise<void> {
    leftLoaded = false
    catchingUp = true
    const mine = ++catchUpSequence
    status.value = 'loading'
    try {
      await options.fetchNewer()
    } finally {
      if (catchingUp && mine === catchUpSequence) {
        catchingUp = false
        status.value = 'complete'
        options.changed()
      }
    }
  }

  return {
    comingBack: () => (status.value === 'complete' && leftLoaded ? catchUp() : null),
    loadEnded() {
      if (!topStale) return null
      topStale = false
      return catchUp()
    },
    left() {
      if (catchingUp) {
        // The log is still held whole: the next visit catches up again.
        catchingUp = false
        status.value = 'complete'
      }
      if (status.value === 'complete') leftLoaded = true
      if (status.value === 'loading') {
        if (loaded.value > 0) topStale = true
        status.value = 'idle'
      }
    },
    reset() {
      leftLoaded = false
      catchingUp = false
      topStale = false
    },
  }
}
