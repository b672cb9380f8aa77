/**
 * Live refresh: records newer than the newest held, fetched on request (a polling tick, coming
 * back to the page), then shown at once, highlighted, or held behind the "N new records" pill.
 */
import { shallowRef, type Ref, type ShallowRef } from 'vue'
import type { ApiClient, LogBatch } from '@/api/client'
import { toApiError, type ApiError } from '@/api/errors'
import type { LogQuery } from '@/api/schemas'
import type { EngineRecordByKind } from '@/engine'
import type { LogKind } from '@/logKinds'
import { recordsOf } from '@/stores/loader/pageRecords'
import type { RejectedRecords } from '@/stores/loader/rejectedRecords'
import type { RequestGuard } from '@/stores/loader/requests'
import { PAGE_SIZE, type LoadStatus, type LogLoaderHooks, type LogWindow, type Narrowing } from '@/stores/loader/types'

/** How long rows that arrived by live refresh stay highlighted. */
const FRESH_MS = 6000

/** What live refresh reads of the app's config (the config store has it): the request for a page of newer records. */
export interface LiveRefreshConfig {
  readonly client: Pick<ApiClient, 'getLogBatch'>
}

export interface UseLiveRefreshOptions<K extends LogKind> {
  hooks: LogLoaderHooks<K>
  config: LiveRefreshConfig
  guard: RequestGuard
  rejected: RejectedRecords
  status: Ref<LoadStatus>
  loaded: Ref<number>
  totalEstimate: Ref<number | null>
  window: ShallowRef<LogWindow | null>
  /** The narrowing whose records are held. */
  narrowing(): Narrowing
  /** Tells the host of a failure. */
  report(apiError: ApiError): void
}

export interface LiveRefresh<K extends LogKind> {
  /** The last live refresh failed (other than an expired session, which the host handles). */
  liveError: ShallowRef<ApiError | null>
  /** Newer records fetched while the merchant was reading further down: shown on request. */
  pending: ShallowRef<EngineRecordByKind[K][]>
  /** Ids of records that arrived by live refresh, for a brief highlight. */
  freshIds: ShallowRef<ReadonlySet<number>>
  /**
   * Fetches only records newer than the newest held (`afterId`), under the current narrowing.
   * When `hold` is set they wait in `pending` (the "N new records" pill); otherwise they go
   * straight into the grid. Resolves to how many arrived. `comingBack`: coming back to the page
   * (catchUp), while the status says loading.
   */
  refreshNewer(hold: boolean, comingBack?: boolean): Promise<number>
  /** Puts newer records (given, or the pending ones) into the grid, highlighted. */
  showNewer(records?: EngineRecordByKind[K][]): void
  /** A refresh under way is let go, and the highlight ends. */
  interrupt(): void
  /** Forgets everything: a new narrowing starts from nothing. */
  reset(): void
}

export function useLiveRefresh<K extends LogKind>(options: UseLiveRefreshOptions<K>): LiveRefresh<K> {
  const { hooks, config, guard, status, loaded, totalEstimate, window } = options
  const liveError = shallowRef<ApiError | null>(null)
  const pending = shallowRef<EngineRecordByKind[K][]>([])
  const freshIds = shallowRef<ReadonlySet<number>>(new Set())
  let refreshing = false
  let freshTimer: ReturnType<typeof setTimeout> | null = null

  function clearFresh() {
    if (freshTimer) clearTimeout(freshTimer)
    freshTimer = null
    if (freshIds.value.size) freshIds.value = new Set()
  }

  async function refreshNewer(hold: boolean, comingBack = false): Promise<number> {
    if (refreshing || (status.value !== 'complete' && !comingBack)) return 0
    refreshing = true
    const { request, signal } = guard.start()
    const client = config.client
    try {
      const known = pending.value.reduce((max, r) => Math.max(max, r.id), hooks.engine().maxId())
      const fresh: EngineRecordByKind[K][] = []
      let cursor: string | null = null
      do {
        const query: LogQuery = { limit: PAGE_SIZE, afterId: known, ...options.narrowing(), ...(cursor && { cursor }) }
        const page: LogBatch<K> = await client.getLogBatch(hooks.kind, query, signal)
        if (!guard.isCurrent(request)) return 0
        const records = page.read()
        options.rejected.note(records)
        fresh.push(...recordsOf(records))
        cursor = page.nextCursor
      } while (cursor)
      liveError.value = null
      // Coming back, what waited behind the "N new records" pill goes in too: the page is new.
      const arrived = comingBack ? [...pending.value, ...fresh] : fresh
      if (comingBack) pending.value = []
      if (arrived.length === 0) return 0
      if (hold) pending.value = [...pending.value, ...arrived]
      else showNewer(arrived)
      return arrived.length
    } catch (caught) {
      if (!guard.isCurrent(request)) return 0
      const apiError = toApiError(caught)
      if (apiError.kind === 'aborted') return 0
      // Shown beside the live refresh control; the next tick tries again. The host hears of the
      // first failure of a run, not of every tick.
      const known = liveError.value !== null
      if (apiError.kind !== 'unauthorised') liveError.value = apiError
      if (!known) options.report(apiError)
      return 0
    } finally {
      if (guard.settle(request)) refreshing = false
    }
  }

  function showNewer(records: EngineRecordByKind[K][] = pending.value) {
    if (records.length === 0) return
    hooks.engine().append(records)
    loaded.value += records.length
    if (totalEstimate.value !== null) totalEstimate.value += records.length
    // A log held as a window holds these too: its counts and its newest date follow.
    const win = window.value
    if (win) {
      window.value = {
        ...win,
        held: win.held + records.length,
        total: win.total === null ? null : win.total + records.length,
        to: hooks.engine().dateExtent()?.max ?? win.to,
      }
    }
    if (records === pending.value) pending.value = []
    if (freshTimer) clearTimeout(freshTimer)
    freshIds.value = new Set(records.map((r) => r.id))
    // Highlighted briefly: a fresh row scrolled away and back later is an ordinary row.
    freshTimer = setTimeout(() => {
      freshTimer = null
      freshIds.value = new Set()
    }, FRESH_MS)
    hooks.changed(true)
  }

  function interrupt() {
    refreshing = false
    clearFresh()
  }

  function reset() {
    interrupt()
    liveError.value = null
    pending.value = []
  }

  return { liveError, pending, freshIds, refreshNewer, showNewer, interrupt, reset }
}
