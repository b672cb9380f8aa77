import { defineStore, type Pinia } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { LogBatch, RejectedRecord } from '@/api/client'
import { type ApiError, toApiError } from '@/api/errors'
import type { LogQuery } from '@/api/schemas'
import { bucketCounts, hoursIn, planVolume, type VolumePlan } from '@/time/volumePlan'
import { LogEngine, TYPE_CODES, type EngineRecordByKind, type QueryResult } from '@/engine'
import type { LogKind } from '@/logKinds'
import { defaultViewState, toEngineFilter, type LogViewState, type QueryProblem } from '@/logKinds/viewState'
import { useAppConfigStore } from '@/stores/appConfig'

export type LoadStatus = 'idle' | 'loading' | 'complete' | 'error'

/** Server-side narrowing: the only filters sent to the API; the rest run in the engine. */
export interface Narrowing {
  listingId?: number
  listingProductId?: number
  orderId?: number
}

/** Records per request while loading (the API's maximum), and in the first request. */
export const PAGE_SIZE = 10_000
const FIRST_PAGE_SIZE = 1000
/** How long rows that arrived by live refresh stay highlighted. */
const FRESH_MS = 6000
/** The grid refreshes at most this often while pages stream in. */
const REFRESH_MS = 120

const narrowingKey = (narrowing: Narrowing) =>
  `${narrowing.listingId ?? ''}|${narrowing.listingProductId ?? ''}|${narrowing.orderId ?? ''}`

function defineLogStore<K extends LogKind>(kind: K) {
  return defineStore(`tts-log-${kind}`, () => {
    /** The records live outside Vue's reactivity; `dataVersion` says when they changed. */
    let engine = markRaw(new LogEngine(kind))
    const dataVersion = ref(0)
    const status = ref<LoadStatus>('idle')
    const loaded = ref(0)
    const totalEstimate = ref<number | null>(null)
    const error = shallowRef<ApiError | null>(null)
    const rejectedCount = ref(0)
    const rejected = shallowRef<RejectedRecord[]>([])
    const viewState = ref<LogViewState>(defaultViewState())
    const problems = shallowRef<QueryProblem[]>([])
    const loadedNarrowing = ref<string | null>(null)

    let controller: AbortController | null = null
    let requestCounter = 0
    let resumeCursor: string | null = null
    let narrowing: Narrowing = {}
    let lastRefresh = 0
    let lastQueryMs = 0

    /** The volume chart's buckets: over the date filter, or over the dates held. */
    const volumePlan = computed<VolumePlan | null>(() => {
      void dataVersion.value
      const state = viewState.value
      const extent = engine.dateExtent()
      if (!extent) return null
      // Over the date filter, but no wider than the records held: a range of ten years around
      // a month of records would show a month of empty bars.
      const start = Math.max(state.from ? Date.parse(state.from) : extent.min, extent.min)
      const end = Math.min(state.to ? Date.parse(state.to) : extent.max, extent.max)
      if (end < start) return null
      return planVolume(start, end, useAppConfigStore().config.timeZone)
    })

    const result = computed<QueryResult>(() => {
      void dataVersion.value
      const state = viewState.value
      const plan = volumePlan.value
      const started = performance.now()
      const answer = engine.query({
        // Always counted by whole hours (the engine divides; no search per record). Calendar days,
        // 23 or 25 hours across a daylight-saving change, are summed from them below.
        histogram: plan ? { from: plan.from, to: plan.edges[plan.buckets]! - 1, buckets: hoursIn(plan) } : undefined,
        filter: toEngineFilter(state),
        unique: state.unique && state.view === 'separated' && state.listingProductId === null && state.orderId === null,
        numbersAsEqual: state.numbersAsEqual,
        view: state.view,
        sort: state.sort,
      })
      lastQueryMs = performance.now() - started
      return answer
    })

    /** The volume chart's counts per bucket and type: the engine's hours, summed into days. */
    const volumeHistogram = computed<Uint32Array | null>(() => {
      const plan = volumePlan.value
      const hourly = result.value.histogram
      return plan && hourly ? bucketCounts(plan, hourly, TYPE_CODES.length) : null
    })

    function bump(force = false) {
      const now = performance.now()
      // While pages stream in, the grid re-queries everything held: at a million records that
      // is tens of ms, so it refreshes less often as the log grows (at most a tenth of the time).
      if (force || now - lastRefresh >= Math.max(REFRESH_MS, lastQueryMs * 10)) {
        lastRefresh = now
        dataVersion.value++
      }
    }

    /** The engine, for reading rows (not reactive: read it with `dataVersion` or `result`). */
    function getEngine(): LogEngine<K> {
      return engine as LogEngine<K>
    }

    /**
     * Loads the log page by page, newest first. Keeps what it has when called again for the
     * same narrowing (a resumed or retried load continues from where it stopped).
     */
    async function load(nextNarrowing: Narrowing = {}): Promise<void> {
      const key = narrowingKey(nextNarrowing)
      if (key !== loadedNarrowing.value) {
        abort()
        engine = markRaw(new LogEngine(kind))
        narrowing = nextNarrowing
        loadedNarrowing.value = key
        resumeCursor = null
        loaded.value = 0
        totalEstimate.value = null
        rejectedCount.value = 0
        rejected.value = []
        status.value = 'idle'
        bump(true)
      }
      // Loaded, loading, or failed (only Retry tries again: a failing server is not hammered by
      // every filter change).
      if (status.value !== 'idle') return
      const request = ++requestCounter
      controller?.abort()
      controller = new AbortController()
      const { signal } = controller
      const config = useAppConfigStore()
      status.value = 'loading'
      error.value = null
      const client = config.client
      const fetchPage = (cursor: string | null, limit: number): Promise<LogBatch<K>> =>
        client.getLogBatch(kind, { limit, ...narrowing, ...(cursor && { cursor }) }, signal)
      try {
        // A small first page paints the first rows early; then full pages.
        let next: Promise<LogBatch<K>> | null = fetchPage(resumeCursor, resumeCursor ? PAGE_SIZE : FIRST_PAGE_SIZE)
        while (next) {
          const page: LogBatch<K> = await next
          // A newer load started (or this one was abandoned): its data wins.
          if (request !== requestCounter || signal.aborted) return
          // Ask for the next page now: the server works on it while this one goes in.
          next = page.nextCursor ? fetchPage(page.nextCursor, PAGE_SIZE) : null
          // A failed prefetch is reported when it is awaited, not as an unhandled rejection.
          next?.catch(() => undefined)
          if (page.totalEstimate !== null) {
            totalEstimate.value = page.totalEstimate
            engine.reserve(page.totalEstimate)
          }
          const records = page.read()
          if (records.columns) engine.appendEach(records.columns.count, records.columns.fill, records.columns.valid)
          else engine.append(records.items as EngineRecordByKind[K][])
          loaded.value += records.accepted
          if (records.rejectedCount > 0) {
            rejectedCount.value += records.rejectedCount
            rejected.value = [...rejected.value, ...records.rejected].slice(0, 100)
          }
          resumeCursor = page.nextCursor
          bump()
        }
        status.value = 'complete'
      } catch (caught) {
        if (request !== requestCounter) return
        const apiError = toApiError(caught)
        if (apiError.kind === 'aborted') {
          status.value = 'idle'
          return
        }
        error.value = apiError
        status.value = 'error'
        if (apiError.kind === 'unauthorised') config.emit({ type: 'session-expired', status: apiError.status })
        else config.emit({ type: 'error', kind: apiError.kind, message: apiError.message })
      } finally {
        if (request === requestCounter) bump(true)
      }
    }

    /** Stops loading (leaving the page); `load()` later continues from where it stopped. */
    function abort() {
      requestCounter++
      controller?.abort()
      controller = null
      if (status.value === 'loading') status.value = 'idle'
    }

    function retry() {
      if (status.value === 'error') status.value = 'idle'
      return load(narrowing)
    }

    const clearing = ref(false)
    /** Live refresh: seconds between checks for newer records; 0 is off. */
    const liveInterval = ref(0)
    /** Newer records fetched while the merchant was reading further down: shown on request. */
    const pending = shallowRef<EngineRecordByKind[K][]>([])
    /** Ids of records that arrived by live refresh, for a brief highlight. */
    const freshIds = shallowRef<ReadonlySet<number>>(new Set())
    let refreshing = false
    let freshTimer: ReturnType<typeof setTimeout> | null = null

    /**
     * Fetches only records newer than the newest held (`afterId`). When `hold` is set they wait
     * in `pending` (the "N new records" pill); otherwise they go straight into the grid.
     */
    async function refreshNewer(hold: boolean): Promise<number> {
      if (refreshing || status.value !== 'complete') return 0
      refreshing = true
      try {
        const known = pending.value.reduce((max, r) => Math.max(max, r.id), engine.maxId())
        const fresh: EngineRecordByKind[K][] = []
        let cursor: string | null = null
        do {
          const query: LogQuery = { limit: PAGE_SIZE, afterId: known, ...narrowing }
          if (cursor) query.cursor = cursor
          const page = await useAppConfigStore().client.getLogPage(kind, query)
          fresh.push(...(page.items as EngineRecordByKind[K][]))
          if (page.rejectedCount > 0) {
            rejectedCount.value += page.rejectedCount
            rejected.value = [...rejected.value, ...page.rejected].slice(0, 100)
          }
          cursor = page.nextCursor
        } while (cursor)
        if (fresh.length === 0) return 0
        if (hold) pending.value = [...pending.value, ...fresh]
        else showNewer(fresh)
        return fresh.length
      } catch (caught) {
        const apiError = toApiError(caught)
        if (apiError.kind === 'unauthorised')
          useAppConfigStore().emit({ type: 'session-expired', status: apiError.status })
        return 0
      } finally {
        refreshing = false
      }
    }

    /** Puts newer records (given, or the pending ones) into the grid, highlighted. */
    function showNewer(records: EngineRecordByKind[K][] = pending.value) {
      if (records.length === 0) return
      engine.append(records)
      loaded.value += records.length
      if (totalEstimate.value !== null) totalEstimate.value += records.length
      freshIds.value = new Set(records.map((r) => r.id))
      // Highlighted briefly: a fresh row scrolled away and back later is an ordinary row.
      if (freshTimer) clearTimeout(freshTimer)
      freshTimer = setTimeout(() => {
        freshTimer = null
        freshIds.value = new Set()
      }, FRESH_MS)
      if (records === pending.value) pending.value = []
      bump(true)
    }

    /** "Clear All": deletes the log on the server, then shows what is left (nothing). */
    async function clearAll(): Promise<number> {
      if (clearing.value) return 0
      if (kind === 'order') throw new Error('the order log cannot be cleared')
      clearing.value = true
      try {
        const deleted = await useAppConfigStore().client.clearLog(kind as Exclude<LogKind, 'order'>)
        loadedNarrowing.value = null
        await load(narrowing)
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
      dataVersion,
      status,
      loaded,
      totalEstimate,
      error,
      rejectedCount,
      rejected,
      viewState,
      problems,
      loadedNarrowing,
      result,
      volumePlan,
      volumeHistogram,
      getEngine,
      load,
      abort,
      retry,
      clearing,
      clearAll,
      liveInterval,
      pending,
      freshIds,
      refreshNewer,
      showNewer,
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
