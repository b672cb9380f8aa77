/**
 * One store factory for the three logs. Each concern is a composable of its own under
 * `stores/log/`; the store wires them together and returns all their state.
 */
import { defineStore, type Pinia } from 'pinia'
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { LOG_KIND_DEFINITIONS, type LogKind, type LogKindData } from '@/logKinds'
import { defaultViewState, type LogViewState, type QueryProblem } from '@/logKinds/viewState'
import { useAppConfigStore } from '@/stores/appConfig'
import { useMetaStore } from '@/stores/meta'
import { createLogLoader, narrowingKey, type LogLoader } from '@/stores/logLoader'
import { useClearAll, type ClearAll } from '@/stores/log/clearAll'
import { useEngineRefresh } from '@/stores/log/engineRefresh'
import { useLogAccess, type LogAccess } from '@/stores/log/logAccess'
import { useLogResult, type LogResult } from '@/stores/log/logResult'
import { useLogWindow, type LogWindowState } from '@/stores/log/logWindow'
import { useNewSince, type NewSince } from '@/stores/log/newSince'
import { useTypedReads, type TypedReads } from '@/stores/log/typedReads'
import { useVolumePlans, type VolumePlans } from '@/stores/log/volumePlans'

export { PAGE_SIZE, type LoadStatus, type LogWindow, type Narrowing } from '@/stores/logLoader'
export type { LogSnapshot, RecordEntry } from '@/stores/log/typedReads'

/** What a log's store holds and does: its parts' interfaces, and the page state beside them. */
export interface LogStoreSetup<K extends LogKind>
  extends
    LogLoader<K>,
    TypedReads,
    Pick<LogWindowState, 'narrowingFor' | 'logTotal' | 'wholeLog'>,
    Pick<NewSince, 'newSince'>,
    Pick<LogResult, 'collapsing' | 'result' | 'codesHeld' | 'warmSearch'>,
    Pick<VolumePlans, 'volumePlan' | 'volumeHistogram' | 'showChart' | 'chartPending'>,
    Pick<LogAccess, 'noAccess'>,
    ClearAll {
  kind: K
  /** What makes this log different, as data: its filters, narrowing, texts and record readers
   * (its columns, with their cells, are views' to read: `LOG_KIND_VIEWS`). */
  definition: LogKindData
  /** Loads what the view needs; a window found on the way may send its date range to the server. */
  loadView(state?: LogViewState): Promise<void>
  /** The page's state: filters, sort, columns, narrowing (the URL's, once parsed). */
  viewState: Ref<LogViewState>
  /** What the URL held that could not be used, said above the grid. */
  problems: ShallowRef<QueryProblem[]>
  setViewState(next: LogViewState, nextProblems?: QueryProblem[]): void
}

function defineLogStore<K extends LogKind>(kind: K) {
  return defineStore(`tts-log-${kind}`, (): LogStoreSetup<K> => {
    const viewState = ref<LogViewState>(defaultViewState())
    const problems = shallowRef<QueryProblem[]>([])
    // This app's config (with several apps on a page, the active Pinia may be another's).
    const config = useAppConfigStore()
    const metaStore = useMetaStore()
    const { held, emptyEngine, adoptEngine, changed } = useEngineRefresh(kind)

    const loader = createLogLoader({
      kind,
      engine: () => held.value,
      emptyEngine,
      adoptEngine,
      changed,
      maxRecords: () => config.config.maxRecords,
    })

    const { noAccess, allowed } = useLogAccess(kind, config, metaStore)
    const logWindow = useLogWindow({ kind, config, held, viewState, loader })
    const { narrowingFor, wholeLog, logTotal } = logWindow

    /** Loads what the view needs; a window found on the way may send its date range to the server. */
    async function loadView(state: LogViewState = viewState.value): Promise<void> {
      if (!(await allowed())) return
      const narrowing = narrowingFor(state)
      await loader.load(narrowing)
      const win = loader.window.value
      if (!win || narrowing.from !== undefined || narrowing.to !== undefined) return
      logWindow.windowFound(narrowing, win.from)
      // A deep link to an old day, or a range chosen on the chart while the window loaded: its
      // range is past the window just found.
      const next = narrowingFor(viewState.value)
      if (narrowingKey(next) !== loader.loadedNarrowing.value) await loader.load(next)
    }

    const { newSince, markedSince, newness } = useNewSince(loader.status, viewState)
    const plans = useVolumePlans({
      config,
      held,
      viewState,
      wholeLog,
      summaryExtent: logWindow.summaryExtent,
      hourly: (): Uint32Array | null => result.value.histogram,
    })
    const { showChart, chartPending, volumePlan, volumeHistogram } = plans
    const logResult = useLogResult({
      held,
      viewState,
      markedSince,
      histogramRequest: plans.histogramRequest,
    })
    const { collapsing, result, codesHeld, warmSearch } = logResult
    const reads = useTypedReads({ held, result, collapsing, trendVolume: plans.trendVolume, newness })
    const { clearing, clearAll } = useClearAll({
      kind,
      config,
      metaStore,
      forget: logWindow.forget,
      reload: loader.reload,
    })

    function setViewState(next: LogViewState, nextProblems: QueryProblem[] = problems.value) {
      viewState.value = next
      problems.value = nextProblems
    }

    return {
      kind,
      definition: LOG_KIND_DEFINITIONS[kind],
      ...loader,
      loadView,
      narrowingFor,
      logTotal,
      wholeLog,
      viewState,
      problems,
      newSince,
      collapsing,
      result,
      volumePlan,
      volumeHistogram,
      codesHeld,
      warmSearch,
      noAccess,
      showChart,
      chartPending,
      ...reads,
      clearing,
      clearAll,
      setViewState,
    }
  })
}

export const useListingLogStore = defineLogStore('listing')
export const useOrderLogStore = defineLogStore('order')
export const useSynchronizationLogStore = defineLogStore('synchronization')

const STORES = {
  listing: useListingLogStore,
  order: useOrderLogStore,
  synchronization: useSynchronizationLogStore,
} as const

/** The store of one log, whichever it is. */
export type LogStore = ReturnType<(typeof STORES)[LogKind]>

/** The store of one log. Call inside setup (or pass the app's Pinia), never at module scope. */
export function useLogStore(kind: LogKind, pinia?: Pinia): LogStore {
  return STORES[kind](pinia)
}
