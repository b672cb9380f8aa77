/**
 * A log larger than the record budget: the window of its newest records held, the date range a
 * view then sends to the server, and the whole log's summary (for the chart and the total).
 */
import { computed, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import type { ApiClient } from '@/api/client'
import type { LogSummaryBody } from '@/api/schemas'
import type { LogEngine } from '@/engine'
import type { LogKind } from '@/logKinds'
import { narrowingOf, type LogViewState } from '@/logKinds/viewState'
import { narrowingKey, type LoadStatus, type LogWindow, type Narrowing } from '@/stores/loader/types'

const HOUR_MS = 3_600_000
const isoOf = (date: string) => new Date(Date.parse(date)).toISOString()

/** What the window reads of the app's config (the config store has it): the summary request and the record budget. */
export interface WindowConfig {
  readonly client: Pick<ApiClient, 'getSummary'>
  readonly config: { readonly maxRecords: number }
}

export interface UseLogWindowOptions<K extends LogKind> {
  kind: K
  config: WindowConfig
  held: Ref<LogEngine<K>>
  viewState: Ref<LogViewState>
  /** The loader's state this reads. */
  loader: {
    window: Ref<LogWindow | null>
    totalEstimate: Ref<number | null>
    loadedNarrowing: Ref<string | null>
    status: Ref<LoadStatus>
  }
}

export interface LogWindowState {
  /**
   * The server-side narrowing of a view: its listing, product or order; and, for a log larger
   * than the budget, its date range when that reaches past the newest records held.
   */
  narrowingFor(state: LogViewState): Narrowing
  /** A load under `narrowing` (without dates) ended as a window starting at `from` (UTC ms). */
  windowFound(narrowing: Narrowing, from: number): void
  /** The whole log's summary under the view's narrowing, when the log is larger than the budget. */
  wholeLog: ComputedRef<LogSummaryBody | null>
  /** Records the log holds on the server under the narrowing (null: not known). */
  logTotal: ComputedRef<number | null>
  /** The extent of the whole log's summary (UTC ms), when the chart draws from it. */
  summaryExtent: ComputedRef<{ min: number; max: number } | null>
  /** Forgets what was known of the log's size and shape (it was cleared). */
  forget(): void
}

export function useLogWindow<K extends LogKind>(options: UseLogWindowOptions<K>): LogWindowState {
  const { kind, config, held, viewState, loader } = options
  /** Narrowings (without dates) found larger than the budget: the oldest date their window holds. */
  const windowStarts = new Map<string, number>()
  /** The whole log's shape, for the chart of a log held as a window (null: not loaded). */
  const summary = shallowRef<{ key: string; body: LogSummaryBody } | null>(null)
  let summaryRequested: string | null = null
  /** Bumped by every summary request and by Clear All: an older answer is dropped. */
  let summarySequence = 0

  function narrowingFor(state: LogViewState): Narrowing {
    const base: Narrowing = narrowingOf(state)
    const start = windowStarts.get(narrowingKey(base))
    if (start === undefined || (state.from === null && state.to === null)) return base
    // A range from after the window's oldest date on is held already: filtered here, as any
    // other. (Records of that very second may have been cut: it is not "after".)
    if (state.from !== null && Date.parse(state.from) > start) return base
    return { ...base, ...(state.from && { from: isoOf(state.from) }), ...(state.to && { to: isoOf(state.to) }) }
  }

  async function loadSummary(narrowing: Narrowing) {
    const key = narrowingKey(narrowing)
    if (summaryRequested === key) return
    summaryRequested = key
    const sequence = ++summarySequence
    try {
      const body = await config.client.getSummary(kind, narrowing)
      if (sequence === summarySequence) summary.value = { key, body }
    } catch {
      // The chart keeps to the records held; the page still says how many the log holds.
      if (sequence === summarySequence) summaryRequested = null
    }
  }

  function windowFound(narrowing: Narrowing, from: number) {
    windowStarts.set(narrowingKey(narrowing), from)
    void loadSummary(narrowing)
  }

  // The log turns out larger than the budget (its count comes with the first lines): the
  // whole log's summary is asked for at once, so the chart is there long before the window.
  watch(loader.totalEstimate, (total) => {
    const key = loader.loadedNarrowing.value
    if (total === null || total <= config.config.maxRecords || key === null) return
    const base = narrowingOf(viewState.value)
    if (narrowingKey(base) === key) void loadSummary(base)
  })

  const wholeLog = computed<LogSummaryBody | null>(() => {
    const current = summary.value
    if (!current) return null
    return current.key === narrowingKey(narrowingOf(viewState.value)) ? current.body : null
  })

  const logTotal = computed<number | null>(() => {
    const win = loader.window.value
    if (win) return win.total ?? wholeLog.value?.total ?? null
    return loader.totalEstimate.value ?? (loader.status.value === 'complete' ? held.value.size : null)
  })

  const summaryExtent = computed(() => {
    const hours = wholeLog.value?.hours
    if (!hours?.length) return null
    return { min: hours[0]![0], max: hours[hours.length - 1]![0] + HOUR_MS - 1 }
  })

  function forget() {
    windowStarts.clear()
    summary.value = null
    summaryRequested = null
    summarySequence++
  }

  return { narrowingFor, windowFound, wholeLog, logTotal, summaryExtent, forget }
}
