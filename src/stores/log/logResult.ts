/** The current query over the records held: the view's filters, grouping, sort and marks. */
import { computed, type ComputedRef, type Ref } from 'vue'
import type { CodeColumn, HistogramRequest, LogEngine, QueryResult } from '@/engine'
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

export interface LogResult {
  /** Repeated messages collapse into one row (the unique checkbox, where it applies). */
  collapsing: ComputedRef<boolean>
  result: ComputedRef<QueryResult>
  /**
   * The codes the records hold, per code column (for the filters to offer a newer M2E's codes
   * beside the known ones). Read again whenever the records change.
   */
  codesHeld: ComputedRef<Record<CodeColumn, readonly number[]>>
}

export function useLogResult<K extends LogKind>(options: UseLogResultOptions<K>): LogResult {
  const { held, viewState, markedSince } = options

  const collapsing = computed(() => {
    const state = viewState.value
    return state.unique && state.view === 'separated' && ENTITY_KEYS.every((key) => state[key] === null)
  })

  const result = computed<QueryResult>(() => {
    const engine = held.value
    const state = viewState.value
    return engine.query({
      histogram: options.histogramRequest(),
      filter: toEngineFilter(state),
      unique: collapsing.value,
      numbersAsEqual: state.numbersAsEqual,
      view: state.view,
      sort: state.sort,
      newSince: markedSince.value,
      onlyNew: state.onlyNew,
    })
  })

  const codesHeld = computed(() => {
    const engine = held.value
    return {
      types: engine.codesHeld('types'),
      initiators: engine.codesHeld('initiators'),
      actions: engine.codesHeld('actions'),
      tasks: engine.codesHeld('tasks'),
    }
  })

  return { collapsing, result, codesHeld }
}
