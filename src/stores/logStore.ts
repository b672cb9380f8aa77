import { defineStore, type Pinia } from 'pinia'
import { computed, markRaw, nextTick, ref, shallowRef, triggerRef, watch } from 'vue'
import {
  LogEngine,
  TYPE_SLOTS,
  typeSlot,
  type EngineListingRecord,
  type EngineOrderRecord,
  type EngineSynchronizationRecord,
  type ParsedMessage,
  type QueryResult,
} from '@/engine'
import { LOG_KIND_DEFINITIONS, type LogKind } from '@/logKinds'
import type { RowView } from '@/logKinds/columns'
import {
  defaultViewState,
  narrowingOf,
  toEngineFilter,
  type LogViewState,
  type QueryProblem,
} from '@/logKinds/viewState'
import { useAppConfigStore } from '@/stores/appConfig'
import { useMetaStore } from '@/stores/meta'
import { createLogLoader, narrowingKey, type Narrowing } from '@/stores/logLoader'
import type { LogSummaryBody } from '@/api/schemas'
import { createRowTrends } from '@/logPage/trend/rowTrends'
import type * as VolumeDates from '@/time/volumePlan'
import type { VolumePlan } from '@/time/volumePlan'

export { PAGE_SIZE, type LoadStatus, type LogWindow, type Narrowing } from '@/stores/logLoader'

const HOUR_MS = 3_600_000
const isoOf = (date: string) => new Date(Date.parse(date)).toISOString()

/** The grid re-queries at most this often while pages stream in. */
const REFRESH_MS = 120
/** Messages of a grouped row shown in its message cell. */
const GROUP_PREVIEW = 2

/** A record of any log, for views that read fields their log has. */
export type AnyLogRecord = EngineListingRecord & EngineOrderRecord & EngineSynchronizationRecord

/** One record's headline: what lists (occurrences, action runs, the dialog) show of it. */
export interface RecordEntry {
  index: number
  id: number
  /** UTC ms. */
  date: number
  type: number
  message: ParsedMessage
}

/** A result and its records, read together (see `snapshot`). */
export interface LogSnapshot {
  shown: number
  rowAt(row: number): RowView<AnyLogRecord> | null
}

function entryOf(engine: LogEngine, index: number): RecordEntry {
  return {
    index,
    id: engine.idAt(index),
    date: engine.dateAt(index),
    type: engine.typeAt(index),
    message: engine.messageAt(index),
  }
}

/** What marks a row new: the last visit, and the unique grouping the page uses. */
interface Newness {
  since: number | null
  numbersAsEqual: boolean
}

/** `preview`: how many members of a grouped row to list (the grid shows a few, the export all). */
function rowOf(
  engine: LogEngine,
  answer: QueryResult,
  row: number,
  newness: Newness,
  preview = GROUP_PREVIEW,
): RowView<AnyLogRecord> | null {
  const index = answer.rows[row]
  if (index === undefined) return null
  const entry = entryOf(engine, index)
  const worst = answer.worstTypes
  return {
    ...entry,
    row,
    record: engine.get(index) as AnyLogRecord,
    count: answer.counts[row]!,
    isNew: newness.since !== null && engine.isNewAt(index, newness.since, newness.numbersAsEqual),
    trend: null,
    type: worst ? worst[row]! : entry.type,
    members: worst
      ? answer
          .membersOf(row)
          .slice(0, preview)
          .map((member) => entryOf(engine, member))
      : [],
  }
}

function defineLogStore<K extends LogKind>(kind: K) {
  return defineStore(`tts-log-${kind}`, () => {
    /**
     * The records live in the engine, outside Vue's reactivity; `held` is how views depend on
     * them: every read goes through it, and it is triggered whenever the records change.
     */
    const held = shallowRef(markRaw(new LogEngine(kind)))
    const viewState = ref<LogViewState>(defaultViewState())
    const problems = shallowRef<QueryProblem[]>([])
    // This app's config (with several apps on a page, the active Pinia may be another's).
    const config = useAppConfigStore()
    const metaStore = useMetaStore()
    let lastRefresh = 0
    /** The last refresh while loading: query and render, ms. */
    let lastRefreshMs = 0
    /**
     * The chart's date maths (with dayjs and its time zone data): loaded once the page asks for
     * the chart (after the first rows), not before them. Until it is there, the query counts no
     * histogram.
     */
    const planner = shallowRef<typeof VolumeDates | null>(null)
    let plannerRequested = false
    function showChart() {
      if (plannerRequested) return
      plannerRequested = true
      void import('@/time/volumePlan').then((module) => (planner.value = markRaw(module)))
    }
    /** The chart's date maths are not loaded yet (the page keeps the chart's place). */
    const chartPending = computed(() => planner.value === null)

    const loader = createLogLoader({
      kind,
      engine: () => held.value,
      emptyEngine: () => (held.value = markRaw(new LogEngine(kind))),
      changed(force) {
        const now = performance.now()
        // While records stream in, the page re-queries everything held and renders again: tens
        // of ms at a million records, so it refreshes less often as that grows (the query and
        // the render together take at most a tenth of the time).
        if (force || now - lastRefresh >= Math.max(REFRESH_MS, lastRefreshMs * 10)) {
          lastRefresh = now
          triggerRef(held)
          // Vue renders in a microtask; nextTick resolves after it.
          void nextTick(() => (lastRefreshMs = performance.now() - now))
        }
      },
      maxRecords: () => config.config.maxRecords,
    })

    // ---- a log larger than the record budget ----------------------------------------------

    /** Narrowings (without dates) found larger than the budget: the oldest date their window holds. */
    const windowStarts = new Map<string, number>()
    /** The whole log's shape, for the chart of a log held as a window (null: not loaded). */
    const summary = shallowRef<{ key: string; body: LogSummaryBody } | null>(null)
    let summaryRequested: string | null = null
    /** Bumped by every summary request and by Clear All: an older answer is dropped. */
    let summarySequence = 0

    /**
     * The server-side narrowing of a view: its listing, product or order; and, for a log larger
     * than the budget, its date range when that reaches past the newest records held.
     */
    function narrowingFor(state: LogViewState): Narrowing {
      const base: Narrowing = narrowingOf(state)
      const start = windowStarts.get(narrowingKey(base))
      if (start === undefined || (state.from === null && state.to === null)) return base
      // A range from after the window's oldest date on is held already: filtered here, as any
      // other. (Records of that very second may have been cut: it is not "after".)
      if (state.from !== null && Date.parse(state.from) > start) return base
      return { ...base, ...(state.from && { from: isoOf(state.from) }), ...(state.to && { to: isoOf(state.to) }) }
    }

    /** The admin's token does not allow this log (meta's `access`): nothing is asked for. */
    const noAccess = ref(false)

    /**
     * With a token (the host's `getToken`), what it allows is known before any data request:
     * meta says it. Without one, every log is open and nothing waits for meta.
     */
    async function allowed(): Promise<boolean> {
      if (!config.config.getToken) return true
      await metaStore.load()
      const access = metaStore.meta?.access
      noAccess.value = metaStore.error?.kind === 'forbidden' || (access !== undefined && !access[kind])
      return !noAccess.value
    }

    /** Loads what the view needs; a window found on the way may send its date range to the server. */
    async function loadView(state: LogViewState = viewState.value): Promise<void> {
      if (!(await allowed())) return
      const narrowing = narrowingFor(state)
      await loader.load(narrowing)
      const win = loader.window.value
      if (!win || narrowing.from !== undefined || narrowing.to !== undefined) return
      windowStarts.set(narrowingKey(narrowing), win.from)
      void loadSummary(narrowing)
      // A deep link to an old day, or a range chosen on the chart while the window loaded: its
      // range is past the window just found.
      const next = narrowingFor(viewState.value)
      if (narrowingKey(next) !== loader.loadedNarrowing.value) await loader.load(next)
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

    // The log turns out larger than the budget (its count comes with the first lines): the
    // whole log's summary is asked for at once, so the chart is there long before the window.
    watch(loader.totalEstimate, (total) => {
      const key = loader.loadedNarrowing.value
      if (total === null || total <= config.config.maxRecords || key === null) return
      const base = narrowingOf(viewState.value)
      if (narrowingKey(base) === key) void loadSummary(base)
    })

    /** The whole log's summary under the view's narrowing, when the log is larger than the budget. */
    const wholeLog = computed<LogSummaryBody | null>(() => {
      const current = summary.value
      if (!current) return null
      return current.key === narrowingKey(narrowingOf(viewState.value)) ? current.body : null
    })

    /** Records the log holds on the server under the narrowing (null: not known). */
    const logTotal = computed<number | null>(() => {
      const win = loader.window.value
      if (win) return win.total ?? wholeLog.value?.total ?? null
      return loader.totalEstimate.value ?? (loader.status.value === 'complete' ? held.value.size : null)
    })

    /** The extent of the whole log's summary (UTC ms), when the chart draws from it. */
    const summaryExtent = computed(() => {
      const hours = wholeLog.value?.hours
      if (!hours?.length) return null
      return { min: hours[0]![0], max: hours[hours.length - 1]![0] + HOUR_MS - 1 }
    })

    /**
     * Volume plans made again only when their dates or time zone change, not at each keystroke or
     * toggle (the calendar maths cost a few ms, and what is drawn for a plan stays valid).
     */
    function keptPlans() {
      let last: { key: string; plan: VolumePlan | null } | null = null
      return (dates: typeof VolumeDates, start: number, end: number): VolumePlan | null => {
        const key = `${start}|${end}|${config.config.timeZone}`
        if (last?.key !== key)
          last = { key, plan: end < start ? null : dates.planVolume(start, end, config.config.timeZone) }
        return last.plan
      }
    }
    const chartPlans = keptPlans()
    const trendPlans = keptPlans()

    /** The volume chart's buckets: over the date filter, or over the dates held (the whole log's, for a window). */
    const volumePlan = computed<VolumePlan | null>(() => {
      const dates = planner.value
      if (!dates) return null
      const state = viewState.value
      const extent = summaryExtent.value ?? held.value.dateExtent()
      if (!extent) return null
      // Over the date filter, but no wider than the records held: a range of ten years around
      // a month of records would show a month of empty bars.
      const start = Math.max(state.from ? Date.parse(state.from) : extent.min, extent.min)
      const end = Math.min(state.to ? Date.parse(state.to) : extent.max, extent.max)
      return chartPlans(dates, start, end)
    })

    /**
     * The merchant's last visit to this log (UTC ms): messages that first happened after it are
     * new. Null: the first visit (or storage unreadable), and nothing is new. Set by the page.
     */
    const newSince = ref<number | null>(null)
    /**
     * The last visit the rows are marked against: only once the log is loaded. Records arrive
     * newest first, so before that a message's earlier occurrences may still be on their way, and
     * old messages would show as new, then stop.
     */
    const markedSince = computed(() => (loader.status.value === 'complete' ? newSince.value : null))

    /** Repeated messages collapse into one row (the unique checkbox, where it applies). */
    const collapsing = computed(() => {
      const state = viewState.value
      return state.unique && state.view === 'separated' && state.listingProductId === null && state.orderId === null
    })

    const result = computed<QueryResult>(() => {
      const engine = held.value
      const state = viewState.value
      const plan = volumePlan.value
      const answer = engine.query({
        // Always counted by whole hours (the engine divides; no search per record). Calendar days,
        // 23 or 25 hours across a daylight-saving change, are summed from them below.
        histogram:
          plan && planner.value
            ? { from: plan.from, to: plan.edges[plan.buckets]! - 1, buckets: planner.value.hoursIn(plan) }
            : undefined,
        filter: toEngineFilter(state),
        unique: collapsing.value,
        numbersAsEqual: state.numbersAsEqual,
        view: state.view,
        sort: state.sort,
        newSince: markedSince.value,
        onlyNew: state.onlyNew,
      })
      return answer
    })

    /**
     * The buckets of a repeated row's trend: the volume chart's (hours for a week or less, days
     * beyond) over the dates held within the date filter. Null until the chart's date maths load.
     */
    const trendVolume = computed<VolumePlan | null>(() => {
      const dates = planner.value
      const extent = held.value.dateExtent()
      if (!dates || !extent) return null
      const state = viewState.value
      const start = Math.max(state.from ? Date.parse(state.from) : extent.min, extent.min)
      const end = Math.min(state.to ? Date.parse(state.to) : extent.max, extent.max)
      return trendPlans(dates, start, end)
    })
    const rowTrends = createRowTrends()

    const newness = (): Newness => ({ since: markedSince.value, numbersAsEqual: viewState.value.numbersAsEqual })

    /** The volume chart's counts per bucket and type: the engine's hours (or the summary's), summed into days. */
    const volumeHistogram = computed<Uint32Array | null>(() => {
      const plan = volumePlan.value
      const whole = wholeLog.value
      const hourly = whole && plan && planner.value ? summaryHours(plan, whole) : result.value.histogram
      return plan && hourly && planner.value ? planner.value.bucketCounts(plan, hourly, TYPE_SLOTS) : null
    })

    /** The summary's UTC hours as the plan's hours (a half-hour time zone puts each in the hour it starts in). */
    function summaryHours(plan: VolumePlan, whole: LogSummaryBody): Uint32Array {
      const hours = planner.value!.hoursIn(plan)
      const counts = new Uint32Array(hours * TYPE_SLOTS)
      for (const [hour, type, n] of whole.hours) {
        const index = Math.floor((hour - plan.from) / HOUR_MS)
        if (index >= 0 && index < hours) counts[index * TYPE_SLOTS + typeSlot(type)]! += n
      }
      return counts
    }

    /**
     * The codes the records hold, per code column (for the filters to offer a newer M2E's codes
     * beside the known ones). Read again whenever the records change.
     */
    const codesHeld = computed(() => {
      const engine = held.value
      return {
        types: engine.codesHeld('types'),
        initiators: engine.codesHeld('initiators'),
        actions: engine.codesHeld('actions'),
        tasks: engine.codesHeld('tasks'),
      }
    })

    // ---- typed reads for the views ------------------------------------------------------

    /** Records held. */
    const size = computed(() => held.value.size)

    function entryAt(index: number): RecordEntry {
      return entryOf(held.value, index)
    }

    function recordAt(index: number): AnyLogRecord {
      return held.value.get(index) as AnyLogRecord
    }

    /** A row of the current result, as the grid shows it (with its trend); null past the end. */
    function rowAt(row: number): RowView<AnyLogRecord> | null {
      const engine = held.value
      const answer = result.value
      const view = rowOf(engine, answer, row, newness())
      if (view) view.trend = rowTrends.of(collapsing.value ? trendVolume.value : null, engine, answer, row)
      return view
    }

    /**
     * The current result with the records it indexes, kept together: what the export writes
     * stays one consistent log even when the narrowing changes or a refresh lands meanwhile. Its
     * grouped rows list every member (the grid previews a few).
     */
    function snapshot(): LogSnapshot {
      const engine = held.value
      const answer = result.value
      const marks = newness()
      return { shown: answer.shown, rowAt: (row) => rowOf(engine, answer, row, marks, Infinity) }
    }

    /** The record index of an id, or -1 while it is not held. */
    function indexOfId(id: number): number {
      return held.value.indexOfId(id)
    }

    /** Every record a row of the current result stands for, newest first. */
    function membersOf(row: number): number[] {
      return result.value.membersOf(row)
    }

    /** The records a record's row stands for (itself when its row is not collapsed or not shown). */
    function occurrencesOf(index: number): number[] {
      const answer = result.value
      const row = answer.rows.indexOf(index)
      return row < 0 ? [index] : answer.membersOf(row)
    }

    /** The other records of the same action run, newest first. */
    function actionRunOf(index: number): number[] {
      return held.value.actionRunOf(index).filter((member) => member !== index)
    }

    /** Any record held, for the titles of narrowed pages. */
    function sample(): AnyLogRecord | null {
      return held.value.size > 0 ? recordAt(0) : null
    }

    const clearing = ref(false)
    /** "Clear All": deletes the log on the server, then shows what is left (nothing). */
    async function clearAll(): Promise<number> {
      if (clearing.value) return 0
      if (!LOG_KIND_DEFINITIONS[kind].canClearAll) throw new Error(`the ${kind} log cannot be cleared`)
      clearing.value = true
      try {
        const deleted = await config.client.clearLog(kind as Exclude<LogKind, 'order'>)
        // The log is gone: so is what was known of its size and shape.
        windowStarts.clear()
        summary.value = null
        summaryRequested = null
        summarySequence++
        // Undated records went too: meta counts them again (what it says is kept until then).
        void metaStore.refresh()
        await loader.reload()
        return deleted
      } finally {
        clearing.value = false
      }
    }

    function setViewState(next: LogViewState, nextProblems: QueryProblem[] = problems.value) {
      viewState.value = next
      problems.value = nextProblems
    }

    return {
      kind,
      /** What makes this log different: its columns, filters and texts. */
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
      noAccess,
      showChart,
      chartPending,
      size,
      entryAt,
      recordAt,
      rowAt,
      snapshot,
      indexOfId,
      membersOf,
      occurrencesOf,
      actionRunOf,
      sample,
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

/** The store of one log. Call inside setup (or pass the app's Pinia), never at module scope. */
export function useLogStore(kind: LogKind, pinia?: Pinia) {
  return STORES[kind](pinia)
}

export type LogStore = ReturnType<typeof useLogStore>
