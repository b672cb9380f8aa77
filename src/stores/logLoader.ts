/**
 * One owner for a log's records on their way in: the first load, the rest of the pages, live
 * refresh (with its polling timer) and the reset when the narrowing changes. One AbortController
 * and one request counter cover all of it, so nothing from an older narrowing, an abandoned load
 * or a stale refresh ever lands in the grid. The parts are under `stores/loader/`.
 */
import { ref, shallowRef } from 'vue'
import { type ApiError, toApiError } from '@/api/errors'
import type { LogKind } from '@/logKinds'
import { useAppConfigStore } from '@/stores/appConfig'
import { useLiveRefresh } from '@/stores/loader/liveRefresh'
import { useWindowParking } from '@/stores/loader/parking'
import { usePaging } from '@/stores/loader/paging'
import { usePolling } from '@/stores/loader/polling'
import { useRejectedRecords } from '@/stores/loader/rejectedRecords'
import { createRequestGuard } from '@/stores/loader/requests'
import { useVisits } from '@/stores/loader/visits'
import {
  narrowingKey,
  type LoadStatus,
  type LogLoader,
  type LogLoaderHooks,
  type LogWindow,
  type Narrowing,
} from '@/stores/loader/types'

export { PAGE_SIZE, narrowingKey } from '@/stores/loader/types'
export type { LoadStatus, LogLoader, LogLoaderHooks, LogWindow, Narrowing } from '@/stores/loader/types'

export function createLogLoader<K extends LogKind>(hooks: LogLoaderHooks<K>): LogLoader<K> {
  // Resolved once, inside the store's setup: with several apps on one page, a timer or a late
  // answer must still use this app's client and tell this app's host.
  const config = useAppConfigStore()
  const status = ref<LoadStatus>('idle')
  const loaded = ref(0)
  const totalEstimate = ref<number | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const loadedNarrowing = ref<string | null>(null)
  const window = shallowRef<LogWindow | null>(null)
  const waitSeconds = ref(0)
  const guard = createRequestGuard()
  const rejected = useRejectedRecords()

  let narrowing: Narrowing = {}

  function report(apiError: ApiError) {
    if (apiError.kind === 'unauthorised') config.emit({ type: 'session-expired', status: apiError.status })
    else config.emit({ type: 'error', kind: apiError.kind, message: apiError.message })
  }

  const shared = { hooks, config, guard, rejected, loaded, totalEstimate, window }
  const paging = usePaging({ ...shared, waitSeconds })
  const live = useLiveRefresh({ ...shared, status, narrowing: () => narrowing, report })
  const polling = usePolling({ status, refreshNewer: (hold) => live.refreshNewer(hold) })
  const visits = useVisits({
    status,
    loaded,
    fetchNewer: () => live.refreshNewer(false, true),
    changed: () => hooks.changed(true),
  })

  const parking = useWindowParking<K>()

  /**
   * Forgets everything in flight, and what is held: a new narrowing starts from nothing, but a
   * window put aside for a date range before it is held again (see stores/loader/parking.ts).
   */
  function reset(next: Narrowing) {
    const whole = status.value === 'complete' && window.value !== null
    const held = whole
      ? { engine: hooks.engine(), loaded: loaded.value, totalEstimate: totalEstimate.value, window: window.value! }
      : null
    const back = parking.change(narrowing, next, held)
    guard.invalidate()
    live.reset()
    narrowing = next
    loadedNarrowing.value = narrowingKey(next)
    paging.restart()
    loaded.value = back?.loaded ?? 0
    totalEstimate.value = back?.totalEstimate ?? null
    error.value = null
    rejected.clear()
    window.value = back?.window ?? null
    visits.reset()
    status.value = back ? 'complete' : 'idle'
    if (back) hooks.adoptEngine(back.engine)
    else hooks.emptyEngine()
    hooks.changed(true)
    // Held again: what arrived while the range was looked at comes in now.
    if (back) void live.refreshNewer(false, true)
  }

  async function load(next: Narrowing = {}): Promise<void> {
    if (narrowingKey(next) !== loadedNarrowing.value) reset(next)
    const catchUp = visits.comingBack()
    if (catchUp) return catchUp
    // Loaded, loading, or failed (only Retry tries again: a failing server is not hammered by
    // every filter change).
    if (status.value !== 'idle') return
    const { request, signal } = guard.start()
    status.value = 'loading'
    error.value = null
    try {
      if (!(await paging.readPages(narrowing, request, signal))) return
      status.value = 'complete'
      const topCheck = visits.loadEnded()
      if (topCheck) await topCheck
    } catch (caught) {
      if (!guard.isCurrent(request)) return
      const apiError = toApiError(caught)
      if (apiError.kind === 'aborted') {
        status.value = 'idle'
        return
      }
      error.value = apiError
      status.value = 'error'
      report(apiError)
    } finally {
      if (guard.isCurrent(request)) hooks.changed(true)
      waitSeconds.value = 0
    }
  }

  function abort() {
    polling.setActive(false)
    guard.invalidate()
    live.interrupt()
    visits.left()
    // The page is left (or the app unmounted): the worker parsing its loads goes too.
    config.client.release()
  }

  return {
    status,
    loaded,
    totalEstimate,
    error,
    rejectedCount: rejected.rejectedCount,
    rejected: rejected.rejected,
    loadedNarrowing,
    liveInterval: polling.liveInterval,
    livePaused: polling.livePaused,
    liveError: live.liveError,
    pending: live.pending,
    freshIds: live.freshIds,
    window,
    waitSeconds,
    load,
    activate() {
      if (!polling.isActive()) polling.setActive(true)
    },
    abort,
    retry() {
      if (status.value === 'error') status.value = 'idle'
      return load(narrowing)
    },
    reload() {
      parking.drop()
      reset(narrowing)
      return load(narrowing)
    },
    refreshNewer: live.refreshNewer,
    showNewer: live.showNewer,
  }
}
