/**
 * One owner for a log's records on their way in: the first load, the rest of the pages, live
 * refresh (with its polling timer) and the reset when the narrowing changes. One AbortController
 * and one request counter cover all of it, so nothing from an older narrowing, an abandoned load
 * or a stale refresh ever lands in the grid.
 */
import { ref, shallowRef, watch } from 'vue'
import type { LogBatch, LogBatchRecords, RejectedRecord } from '@/api/client'
import { type ApiError, toApiError } from '@/api/errors'
import { MAX_PAGE_SIZE, type LogQuery } from '@/api/schemas'
import type { EngineRecordByKind, LogEngine } from '@/engine'
import type { LogKind } from '@/logKinds'
import { useAppConfigStore } from '@/stores/appConfig'

export type LoadStatus = 'idle' | 'loading' | 'complete' | 'error'

/** Server-side narrowing: the only filters sent to the API; the rest run in the engine. */
export interface Narrowing {
  listingId?: number
  listingProductId?: number
  orderId?: number
  /**
   * A date range (ISO, UTC) loaded from the server: only for a log larger than the record budget,
   * when the range reaches past the newest records held.
   */
  from?: string
  to?: string
}

/** A log larger than the record budget: the newest `held` records of `total` are held. */
export interface LogWindow {
  /** Records held. */
  held: number
  /** Records the log holds under the narrowing, on the server (null: not told). */
  total: number | null
  /** The oldest and newest record dates held (UTC ms). */
  from: number
  to: number
}

/** Records per request while loading (the API's maximum), and in the first request. */
export const PAGE_SIZE = MAX_PAGE_SIZE
const FIRST_PAGE_SIZE = 1000
/** A load gives the browser a turn (input, paint) after this long of appending. */
const YIELD_AFTER_MS = 12
/** How long rows that arrived by live refresh stay highlighted. */
const FRESH_MS = 6000
/** Rejected records whose reasons are kept (the rest are counted). */
const REJECTED_KEPT = 100

/** Lets input and a due frame run first: a new task, behind those already queued. */
function yieldToInput(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/**
 * Resolves once the next frame is painted and what was queued for after it has run (at once
 * where there are no frames).
 */
function nextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.hidden)
    return yieldToInput()
  return new Promise<void>((resolve) => requestAnimationFrame(() => resolve())).then(yieldToInput).then(yieldToInput)
}

export const narrowingKey = (narrowing: Narrowing) =>
  `${narrowing.listingId ?? ''}|${narrowing.listingProductId ?? ''}|${narrowing.orderId ?? ''}|${narrowing.from ?? ''}|${narrowing.to ?? ''}`

export interface LogLoaderHooks<K extends LogKind> {
  kind: K
  /** The engine the records go into. */
  engine(): LogEngine<K>
  /** Start again with an empty engine (the narrowing changed, or the log was cleared). */
  emptyEngine(): void
  /** The records changed; `force`: refresh the views now, not at the next throttled moment. */
  changed(force: boolean): void
  /** Records to hold at most: a larger log is held as its newest window. */
  maxRecords(): number
}

/** How many of a columns page's first records hold `room` valid ones. */
function cutFor(count: number, valid: Uint8Array, room: number): number {
  let kept = 0
  for (let k = 0; k < count; k++) {
    if (valid[k] === 1 && ++kept === room) return k + 1
  }
  return count
}

/** The records of a page as objects (live refresh holds them until the merchant asks). */
function recordsOf<K extends LogKind>(records: LogBatchRecords<K>): EngineRecordByKind[K][] {
  if (records.items) return records.items as EngineRecordByKind[K][]
  const columns = records.columns
  if (!columns) return []
  const out: EngineRecordByKind[K][] = []
  for (let k = 0; k < columns.count; k++) {
    if (columns.valid[k] === 0) continue
    const target: Record<string, unknown> = {}
    columns.fill(k, target)
    if (typeof target.createDate === 'number') target.createDate = new Date(target.createDate).toISOString()
    out.push(target as unknown as EngineRecordByKind[K])
  }
  return out
}

export function createLogLoader<K extends LogKind>(hooks: LogLoaderHooks<K>) {
  const { kind } = hooks
  // Resolved once, inside the store's setup: with several apps on one page, a timer or a late
  // answer must still use this app's client and tell this app's host.
  const config = useAppConfigStore()
  const status = ref<LoadStatus>('idle')
  const loaded = ref(0)
  const totalEstimate = ref<number | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const rejectedCount = ref(0)
  const rejected = shallowRef<RejectedRecord[]>([])
  /** The narrowing whose records are held (its key), or null before the first load. */
  const loadedNarrowing = ref<string | null>(null)
  /** Live refresh: seconds between checks for newer records; 0 is off. */
  const liveInterval = ref(0)
  /** Reading further down, or a dialog is open: new records wait in `pending`. */
  const livePaused = ref(false)
  /** The last live refresh failed (other than an expired session, which the host handles). */
  const liveError = shallowRef<ApiError | null>(null)
  /** Newer records fetched while the merchant was reading further down: shown on request. */
  const pending = shallowRef<EngineRecordByKind[K][]>([])
  /** Ids of records that arrived by live refresh, for a brief highlight. */
  const freshIds = shallowRef<ReadonlySet<number>>(new Set())
  /** The log is larger than the budget: what is held of it (null: the whole log is held). */
  const window = shallowRef<LogWindow | null>(null)
  /** The server is busy (429): seconds until the load goes on; 0 when it is not waiting. */
  const waitSeconds = ref(0)

  let narrowing: Narrowing = {}
  let controller: AbortController | null = null
  /** Bumped by every new request, reset and abort: a response of an older one is dropped. */
  let requestCounter = 0
  let resumeCursor: string | null = null
  let refreshing = false
  /** The page is shown: live refresh polls only then. */
  let active = false
  let pollTimer: ReturnType<typeof setInterval> | null = null
  let freshTimer: ReturnType<typeof setTimeout> | null = null
  /**
   * The page was left after the log had loaded: records may have arrived meanwhile, and coming
   * back asks for them before the log counts as loaded again (catchUp).
   */
  let leftLoaded = false
  /** A catch-up is under way (status 'loading' over a log already held whole). */
  let catchingUp = false
  /** Bumped by each catch-up: one left behind (the page left and came back) finishes nothing. */
  let catchUpSequence = 0
  /**
   * The page was left while the log was loading: the load resumes older pages from its cursor
   * when the page comes back, and what arrived at the top meanwhile is asked for once it ends.
   */
  let topStale = false

  function newRequest() {
    requestCounter++
    controller?.abort()
    controller = new AbortController()
    return { request: requestCounter, signal: controller.signal }
  }

  function note(records: LogBatchRecords<K>) {
    if (records.rejectedCount === 0) return
    rejectedCount.value += records.rejectedCount
    rejected.value = [...rejected.value, ...records.rejected].slice(0, REJECTED_KEPT)
  }

  function clearFresh() {
    if (freshTimer) clearTimeout(freshTimer)
    freshTimer = null
    if (freshIds.value.size) freshIds.value = new Set()
  }

  /** Forgets everything held and in flight: a new narrowing starts from nothing. */
  function reset(next: Narrowing) {
    requestCounter++
    controller?.abort()
    controller = null
    refreshing = false
    narrowing = next
    loadedNarrowing.value = narrowingKey(next)
    resumeCursor = null
    loaded.value = 0
    totalEstimate.value = null
    error.value = null
    liveError.value = null
    rejectedCount.value = 0
    rejected.value = []
    pending.value = []
    window.value = null
    clearFresh()
    leftLoaded = false
    catchingUp = false
    topStale = false
    status.value = 'idle'
    hooks.emptyEngine()
    hooks.changed(true)
  }

  function report(apiError: ApiError) {
    if (apiError.kind === 'unauthorised') config.emit({ type: 'session-expired', status: apiError.status })
    else config.emit({ type: 'error', kind: apiError.kind, message: apiError.message })
  }

  /**
   * Loads the log page by page, newest first. Called again for the same narrowing it keeps what
   * it has (a resumed or retried load continues from where it stopped); for another narrowing it
   * starts again from nothing.
   */
  async function load(next: Narrowing = {}): Promise<void> {
    if (narrowingKey(next) !== loadedNarrowing.value) reset(next)
    if (status.value === 'complete' && leftLoaded) return catchUp()
    // Loaded, loading, or failed (only Retry tries again: a failing server is not hammered by
    // every filter change).
    if (status.value !== 'idle') return
    const { request, signal } = newRequest()
    status.value = 'loading'
    error.value = null
    const client = config.client
    const engine = hooks.engine()
    try {
      // A small first batch paints the first rows early; then the rest, streamed or paged.
      const query: LogQuery = {
        limit: resumeCursor ? PAGE_SIZE : FIRST_PAGE_SIZE,
        ...narrowing,
        ...(resumeCursor && { cursor: resumeCursor }),
      }
      let lastYield = performance.now()
      const budget = Math.max(1, hooks.maxRecords())
      const onWait = (seconds: number) => {
        if (request === requestCounter) waitSeconds.value = seconds
      }
      for await (const batch of client.readLog(kind, query, signal, onWait)) {
        if (request !== requestCounter) return
        if (batch.totalEstimate !== null) {
          totalEstimate.value = batch.totalEstimate
          engine.reserve(Math.min(batch.totalEstimate, budget))
        }
        const records = batch.read()
        // Past the budget, the records go no further: the newest `budget` of the log are held.
        const room = budget - loaded.value
        const full = records.accepted >= room
        let accepted = records.accepted
        if (records.columns) {
          const count = full ? cutFor(records.columns.count, records.columns.valid, room) : records.columns.count
          accepted = engine.appendEach(count, records.columns.fill, records.columns.valid)
        } else {
          const items = records.items as EngineRecordByKind[K][]
          accepted = Math.min(items.length, room)
          engine.append(full ? items.slice(0, room) : items)
        }
        loaded.value += accepted
        note(records)
        resumeCursor = batch.nextCursor
        if (full && (records.accepted > room || batch.nextCursor !== null)) {
          const extent = engine.dateExtent()!
          window.value = { held: loaded.value, total: totalEstimate.value, from: extent.min, to: extent.max }
          config.emit({
            type: 'window',
            view: kind,
            held: loaded.value,
            total: totalEstimate.value,
            from: new Date(extent.min).toISOString(),
            to: new Date(extent.max).toISOString(),
          })
          break
        }
        const first = loaded.value === records.accepted
        // The first rows are shown at once, and painted before the next batch goes in.
        hooks.changed(first)
        // Batches that arrived together would otherwise go in as one long task: a keystroke or a
        // click waits for at most one batch.
        if (first || performance.now() - lastYield > YIELD_AFTER_MS) {
          await (first ? nextFrame() : yieldToInput())
          if (request !== requestCounter) return
          lastYield = performance.now()
        }
      }
      status.value = 'complete'
      if (topStale) {
        topStale = false
        await catchUp()
      }
    } catch (caught) {
      if (request !== requestCounter) return
      const apiError = toApiError(caught)
      if (apiError.kind === 'aborted') {
        status.value = 'idle'
        return
      }
      error.value = apiError
      status.value = 'error'
      report(apiError)
    } finally {
      if (request === requestCounter) hooks.changed(true)
      waitSeconds.value = 0
    }
  }

  /** The page is shown: live refresh may poll. */
  function activate() {
    if (active) return
    active = true
    restartPolling()
  }

  /**
   * Coming back to a log held whole: what arrived while the page was away is fetched (as a live
   * refresh check does) before the log counts as loaded, so its counts, chips and New marks are
   * true on arrival. Meanwhile the status says it is loading. A failed check leaves the log as it
   * was, with the failure beside the live refresh control (as a failed check does).
   */
  async function catchUp(): Promise<void> {
    leftLoaded = false
    catchingUp = true
    const mine = ++catchUpSequence
    status.value = 'loading'
    try {
      await refreshNewer(false, true)
    } finally {
      if (catchingUp && mine === catchUpSequence) {
        catchingUp = false
        status.value = 'complete'
        hooks.changed(true)
      }
    }
  }

  /** Stops loading and polling (leaving the page); `load()` later continues from where it stopped. */
  function abort() {
    active = false
    restartPolling()
    requestCounter++
    controller?.abort()
    controller = null
    refreshing = false
    clearFresh()
    if (catchingUp) {
      // The log is still held whole: the next visit catches up again.
      catchingUp = false
      status.value = 'complete'
    }
    if (status.value === 'complete') leftLoaded = true
    if (status.value === 'loading') {
      if (loaded.value > 0) topStale = true
      status.value = 'idle'
    }
  }

  function retry() {
    if (status.value === 'error') status.value = 'idle'
    return load(narrowing)
  }

  /** Forgets the records and loads the log again (after Clear All). */
  function reload() {
    reset(narrowing)
    return load(narrowing)
  }

  /**
   * Fetches only records newer than the newest held (`afterId`), under the current narrowing.
   * When `hold` is set they wait in `pending` (the "N new records" pill); otherwise they go
   * straight into the grid. Resolves to how many arrived. `comingBack`: coming back to the page
   * (catchUp), while the status says loading.
   */
  async function refreshNewer(hold: boolean, comingBack = false): Promise<number> {
    if (refreshing || (status.value !== 'complete' && !comingBack)) return 0
    refreshing = true
    const { request, signal } = newRequest()
    const client = config.client
    try {
      const known = pending.value.reduce((max, r) => Math.max(max, r.id), hooks.engine().maxId())
      const fresh: EngineRecordByKind[K][] = []
      let cursor: string | null = null
      do {
        const query: LogQuery = { limit: PAGE_SIZE, afterId: known, ...narrowing, ...(cursor && { cursor }) }
        const page: LogBatch<K> = await client.getLogBatch(kind, query, signal)
        if (request !== requestCounter) return 0
        const records = page.read()
        note(records)
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
      if (request !== requestCounter) return 0
      const apiError = toApiError(caught)
      if (apiError.kind === 'aborted') return 0
      // Shown beside the live refresh control; the next tick tries again. The host hears of the
      // first failure of a run, not of every tick.
      const known = liveError.value !== null
      if (apiError.kind !== 'unauthorised') liveError.value = apiError
      if (!known) report(apiError)
      return 0
    } finally {
      if (request === requestCounter) {
        refreshing = false
        controller = null
      }
    }
  }

  /** Puts newer records (given, or the pending ones) into the grid, highlighted. */
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

  function restartPolling() {
    if (pollTimer) clearInterval(pollTimer)
    pollTimer = null
    if (!active || liveInterval.value <= 0) return
    pollTimer = setInterval(() => {
      if (status.value === 'complete') void refreshNewer(livePaused.value)
    }, liveInterval.value * 1000)
  }
  watch(liveInterval, restartPolling)

  return {
    status,
    loaded,
    totalEstimate,
    error,
    rejectedCount,
    rejected,
    loadedNarrowing,
    liveInterval,
    livePaused,
    liveError,
    pending,
    freshIds,
    window,
    waitSeconds,
    load,
    activate,
    abort,
    retry,
    reload,
    refreshNewer,
    showNewer,
  }
}
