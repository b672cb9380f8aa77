/** What marks a row new: the merchant's last visit, once the log is loaded. */
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import type { LogViewState } from '@/logKinds/viewState'
import type { LoadStatus } from '@/stores/loader/types'

/** What marks a row new: the last visit, and the unique grouping the page uses. */
export interface Newness {
  since: number | null
  numbersAsEqual: boolean
}

export interface NewSince {
  /**
   * The merchant's last visit to this log (UTC ms): messages that first happened after it are
   * new. Null: the first visit (or storage unreadable), and nothing is new. Set by the page.
   */
  newSince: Ref<number | null>
  /**
   * The last visit the rows are marked against: only once the log is loaded. Records arrive
   * newest first, so before that a message's earlier occurrences may still be on their way, and
   * old messages would show as new, then stop.
   */
  markedSince: ComputedRef<number | null>
  /** The marks as they stand now. */
  newness(): Newness
}

export function useNewSince(status: Ref<LoadStatus>, viewState: Ref<LogViewState>): NewSince {
  const newSince = ref<number | null>(null)
  const markedSince = computed(() => (status.value === 'complete' ? newSince.value : null))
  const newness = (): Newness => ({ since: markedSince.value, numbersAsEqual: viewState.value.numbersAsEqual })
  return { newSince, markedSince, newness }
}
