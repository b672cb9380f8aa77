/** The current query over the records held: the view's filters, grouping, sort and marks. */
import { computed, type ComputedRef, type Ref } from 'vue'
import type { CodeColumn, HistogramRequest, LogEngine, LogQueryOptions, QueryResult } from '@/engine'
import type { LogKind } from '@/logKinds'
import { ENTITY_KEYS } from '@/logKinds/filters'
import { toEngineFilter, type LogViewState } from '@/logKinds/viewState'

export interface UseLogResultOptions<K extends LogKind> {
  held: Ref<LogEngine<K>>
  viewState: Ref<LogViewState>
  /** The last visit rows are marked against (null: nothing is new). */
  markedSince: Ref<number | null>
  /** The hours the volume chart counts (undefined: none). */
  histogramRequest(): HistogramRequest | undefined
}

/**
 * The query answers the view state at once. While records stream in, what is typed in a text
 * filter reaches the view state (and so the query) in the task after the frame that shows it:
 * the filter's box holds it until then (src/logPage/filters/TextFilter.vue).
 */
export interface LogResult {
  /** Repeated messages collapse into one row (the unique checkbox, where it applies). */
  collapsing: ComputedRef<boolean>
  result: ComputedRef<QueryResult>
  /**
   * The codes the records hold, per code column (for the filters to offer a newer M2E's codes
   * beside the known ones). Read again whenever the records change.
   */
  codesHeld: ComputedRef<Record<CodeColumn, readonly number[]>>
  /**
   * Runs the code a first search runs, keeping nothing (LogEngine.warmSearch), once per engine and
   * only with records held. True when it ran now.
   */
  warmSearch(): boolean
}

/** Engines whose first search was readied: once each (a page come back to keeps its log's engine). */
const readied = new WeakSet<LogEngine>()

export function useLogResult<K extends LogKind>(options: UseLogResultOptions<K>): LogResult {
  const { held, markedSince, viewState } = options

  const collapsing = computed(() => {
    const state = viewState.value
    return state.unique && state.view === 'separated' && ENTITY_KEYS.every((key) => state[key] === null)
  })

  /** The engine's query for the state the rows answer. */
  const queryOptions = (): LogQueryOptions => {
    const state = viewState.value
    return {
      histogram: options.histogramRequest(),
      filter: toEngineFilter(state),
      unique: collapsing.value,
      numbersAsEqual: state.numbersAsEqual,
      view: state.view,
      sort: state.sort,
      newSince: markedSince.value,
      onlyNew: state.onlyNew,
    }
  }
  const result = computed<QueryResult>(() => held.value.query(queryOptions()))

  const codesHeld = computed(() => {
    const engine = held.value
    return {
      types: engine.codesHeld('types'),
      initiators: engine.codesHeld('initiators'),
      actions: engine.codesHeld('actions'),
      tasks: engine.codesHeld('tasks'),
    }
  })

  return {
    collapsing,
    result,
    codesHeld,
    warmSearch() {
      const engine = held.value
      if (engine.size === 0 || readied.has(engine)) return false
      readied.add(engine)
      engine.warmSearch(queryOptions())
      return true
    },
  }
}
