/** The current query over the records held: the view's filters, grouping, sort and marks. */
import { computed, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import type { CodeColumn, HistogramRequest, LogEngine, LogQueryOptions, QueryResult } from '@/engine'
import type { LogKind } from '@/logKinds'
import { ENTITY_KEYS, TEXT_FILTERS } from '@/logKinds/filters'
import { toEngineFilter, type LogViewState } from '@/logKinds/viewState'
import { afterPaint } from '@/stores/loader/frames'

export interface UseLogResultOptions<K extends LogKind> {
  held: Ref<LogEngine<K>>
  viewState: Ref<LogViewState>
  /** The last visit rows are marked against (null: nothing is new). */
  markedSince: Ref<number | null>
  /** The hours the volume chart counts (undefined: none). */
  histogramRequest(): HistogramRequest | undefined
  /** Records are streaming in: typing in a text filter reaches the query a frame later. */
  loading(): boolean
}

export interface LogResult {
  /** The view state the result answers: typing in a text filter reaches it a frame later. */
  queried: Readonly<Ref<LogViewState>>
  /** Typing waits for the task after its frame (the views' refresh holds off until then). */
  typingPending(): boolean
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

const TEXT_KEYS: ReadonlySet<string> = new Set(TEXT_FILTERS.map((filter) => filter.urlKey))
/** The two states differ only in what is typed in text filters. */
function onlyTyped(a: LogViewState, b: LogViewState): boolean {
  const rest = (state: LogViewState) => JSON.stringify(Object.entries(state).filter(([key]) => !TEXT_KEYS.has(key)))
  return rest(a) === rest(b)
}

/**
 * The state the query reads. While records stream in, a change that is only typing in text
 * filters (a keystroke, or clearing one: Reset, a text chip closed, Back between entries that
 * differ only there) reaches it in the first task after the frame that shows it is painted: the
 * key never waits for a query over a log that is still growing (it shares the thread with the
 * load), and keys typed before that task make one query. Any other change (a click on a type
 * chip, a link, a view) reaches it at once, with whatever was typed; so does typing once the log
 * is loaded, when the rows answer in the key's own frame.
 */
function queriedState(viewState: Ref<LogViewState>, loading: () => boolean) {
  const queried = shallowRef(viewState.value)
  let due = false
  watch(
    viewState,
    (state) => {
      if (!loading() || !onlyTyped(queried.value, state)) {
        queried.value = state
        return
      }
      if (due || queried.value === state) return
      due = true
      void afterPaint().then(() => {
        due = false
        queried.value = viewState.value
      })
    },
    { flush: 'sync' },
  )
  // While typing waits for its task, a refresh of the views would query the old filter: the
  // typing's own query, a moment later, reads every record held by then anyway.
  return { queried, typingPending: () => due }
}

export function useLogResult<K extends LogKind>(options: UseLogResultOptions<K>): LogResult {
  const { held, markedSince } = options
  const { queried: viewState, typingPending } = queriedState(options.viewState, options.loading)

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
    queried: viewState,
    typingPending,
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
