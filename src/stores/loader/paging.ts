/**
 * A whole-log load: a small first page, then the rest (streamed or paged) into the engine, newest
 * first, up to the record budget; a larger log is held as its newest window.
 */
import type { Ref, ShallowRef } from 'vue'
import type { ApiClient, LogBatchRecords } from '@/api/client'
import { recordLoadTiming } from '@/api/lines/loadTiming'
import type { LogQuery } from '@/api/schemas'
import type { EngineRecordByKind, LogEngine } from '@/engine'
import type { LogKind } from '@/logKinds'
import type { AppEvent } from '@/stores/appConfig'
import { firstLoadQuery } from '@/stores/loader/firstLoad'
import { nextFrame, yieldToInput } from '@/stores/loader/frames'
import { cutFor } from '@/stores/loader/pageRecords'
import type { RejectedRecords } from '@/stores/loader/rejectedRecords'
import type { RequestGuard } from '@/stores/loader/requests'
import { PAGE_SIZE, type LogLoaderHooks, type LogWindow, type Narrowing } from '@/stores/loader/types'

/** A load gives the browser a turn (input, paint) after this long of appending: well within a frame. */
const YIELD_AFTER_MS = 8
/** Records appended between looks at the clock (a few ms of work). */
const SLICE = 1000

/** What paging uses of the app's config (the config store has it): the whole-log read, and the host's events. */
export interface PagingConfig {
  readonly client: Pick<ApiClient, 'readLog'>
  /** Tells the host (a log held as a window: the `window` event). */
  emit(event: AppEvent): void
}

export interface UsePagingOptions<K extends LogKind> {
  hooks: LogLoaderHooks<K>
  config: PagingConfig
  guard: RequestGuard
  rejected: RejectedRecords
  loaded: Ref<number>
  totalEstimate: Ref<number | null>
  window: ShallowRef<LogWindow | null>
  waitSeconds: Ref<number>
}

export interface Paging {
  /**
   * Reads the log under `narrowing` into the engine, from where an earlier read stopped. Resolves
   * false when a newer request took over (nothing more of this one may land).
   */
  readPages(narrowing: Narrowing, request: number, signal: AbortSignal): Promise<boolean>
  /** Forgets where the last read stopped: the next one starts at the newest record. */
  restart(): void
}

export function usePaging<K extends LogKind>(options: UsePagingOptions<K>): Paging {
  const { hooks, config, guard, loaded, totalEstimate, window, waitSeconds } = options
  const { kind } = hooks
  let resumeCursor: string | null = null
  /** The last read, settled: a new read starts once the batch it was putting in is in. */
  let previousRead: Promise<unknown> = Promise.resolve()
  const clock = { lastYield: 0 }

  /**
   * A columns page into the engine in slices, giving the browser a turn whenever a frame's worth
   * of time has gone. A page once begun goes in whole, even if the load is left meanwhile (a later
   * read resumes after it); only a new narrowing, which empties the engine, stops it (null).
   */
  async function appendSliced(
    engine: LogEngine<K>,
    columns: NonNullable<LogBatchRecords<K>['columns']>,
    count: number,
  ) {
    // One measure per page, not per slice (those were about a twentieth of appending's time in a
    // profile): it starts when the page's appender is made and lasts as long as that and the
    // slices together, not the browser's turns between them (so it lines up with no one task).
    const first = performance.now()
    const append = engine.columnsAppender(columns)
    let spent = performance.now() - first
    let accepted = 0
    const measure = () => recordLoadTiming('tts-logs:append', first, first + spent, { records: accepted })
    for (let from = 0; from < count; from += SLICE) {
      if (performance.now() - clock.lastYield > YIELD_AFTER_MS) {
        await yieldToInput()
        if (hooks.engine() !== engine) {
          measure()
          return null
        }
        clock.lastYield = performance.now()
      }
      const started = performance.now()
      accepted += append(from, Math.min(count, from + SLICE))
      spent += performance.now() - started
    }
    measure()
    return accepted
  }

  function readPages(narrowing: Narrowing, request: number, signal: AbortSignal): Promise<boolean> {
    const read = previousRead.then(() => readPagesNow(narrowing, request, signal))
    previousRead = read.catch(() => undefined)
    return read
  }

  async function readPagesNow(narrowing: Narrowing, request: number, signal: AbortSignal): Promise<boolean> {
    if (!guard.isCurrent(request)) return false
    const engine = hooks.engine()
    // A small first batch paints the first rows early; then the rest, streamed or paged.
    const query: LogQuery = resumeCursor
      ? { limit: PAGE_SIZE, ...narrowing, cursor: resumeCursor }
      : firstLoadQuery(narrowing)
    clock.lastYield = performance.now()
    const budget = Math.max(1, hooks.maxRecords())
    const onWait = (seconds: number) => {
      if (guard.isCurrent(request)) waitSeconds.value = seconds
    }
    for await (const batch of config.client.readLog(kind, query, signal, onWait)) {
      if (!guard.isCurrent(request)) return false
      if (batch.totalEstimate !== null) {
        totalEstimate.value = batch.totalEstimate
        engine.reserve(Math.min(batch.totalEstimate, budget))
      }
      const records = batch.read()
      // Past the budget, the records go no further: the newest `budget` of the log are held.
      const room = budget - loaded.value
      const full = records.accepted >= room
      let accepted: number
      if (records.columns) {
        const count = full ? cutFor(records.columns.count, records.columns.valid, room) : records.columns.count
        const added = await appendSliced(engine, records.columns, count)
        if (added === null) return false
        accepted = added
      } else {
        const items = records.items as EngineRecordByKind[K][]
        accepted = Math.min(items.length, room)
        engine.append(full ? items.slice(0, room) : items)
      }
      loaded.value += accepted
      options.rejected.note(records)
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
      // click waits for at most one slice (or the refresh of the views).
      if (first || performance.now() - clock.lastYield > YIELD_AFTER_MS) {
        await (first ? nextFrame() : yieldToInput())
        if (!guard.isCurrent(request)) return false
        clock.lastYield = performance.now()
      }
    }
    return true
  }

  return {
    readPages,
    restart() {
      resumeCursor = null
    },
  }
}
