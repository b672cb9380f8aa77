/** What a log's loader holds and how its narrowings are told apart. */
import type { Ref, ShallowRef } from 'vue'
import type { RejectedRecord } from '@/api/client'
import type { ApiError } from '@/api/errors'
import { MAX_PAGE_SIZE } from '@/api/schemas'
import type { EngineRecordByKind, LogEngine } from '@/engine'
import type { LogKind } from '@/logKinds'
import { NARROW_KEYS, type NarrowKey } from '@/logKinds/filters'

export type LoadStatus = 'idle' | 'loading' | 'complete' | 'error'

/** Server-side narrowing: the only filters sent to the API; the rest run in the engine. */
export interface Narrowing extends Partial<Record<NarrowKey, number>> {
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

/** What tells two narrowings apart: one string of their keys and dates. */
export const narrowingKey = (narrowing: Narrowing): string =>
  [...NARROW_KEYS.map((key) => narrowing[key] ?? ''), narrowing.from ?? '', narrowing.to ?? ''].join('|')

export interface LogLoaderHooks<K extends LogKind> {
  kind: K
  /** The engine the records go into. */
  engine(): LogEngine<K>
  /** Start again with an empty engine (the narrowing changed, or the log was cleared). */
  emptyEngine(): void
  /** Hold these records again (a window put aside while a date range was looked at). */
  adoptEngine(engine: LogEngine<K>): void
  /** The records changed; `force`: refresh the views now, not at the next throttled moment. */
  changed(force: boolean): void
  /** Records to hold at most: a larger log is held as its newest window. */
  maxRecords(): number
}

/** What a log's loader offers the store (and, through it, the views). */
export interface LogLoader<K extends LogKind> {
  status: Ref<LoadStatus>
  /** Records held. */
  loaded: Ref<number>
  /** Records the log holds under the narrowing, as the server said (null: not told yet). */
  totalEstimate: Ref<number | null>
  error: ShallowRef<ApiError | null>
  rejectedCount: Ref<number>
  rejected: ShallowRef<RejectedRecord[]>
  /** The narrowing whose records are held (its key), or null before the first load. */
  loadedNarrowing: Ref<string | null>
  /** Live refresh: seconds between checks for newer records; 0 is off. */
  liveInterval: Ref<number>
  /** Reading further down, or a dialog is open: new records wait in `pending`. */
  livePaused: Ref<boolean>
  /** The last live refresh failed (other than an expired session, which the host handles). */
  liveError: ShallowRef<ApiError | null>
  /** Newer records fetched while the merchant was reading further down: shown on request. */
  pending: ShallowRef<EngineRecordByKind[K][]>
  /** Ids of records that arrived by live refresh, for a brief highlight. */
  freshIds: ShallowRef<ReadonlySet<number>>
  /** The log is larger than the budget: what is held of it (null: the whole log is held). */
  window: ShallowRef<LogWindow | null>
  /** The server is busy (429): seconds until the load goes on; 0 when it is not waiting. */
  waitSeconds: Ref<number>
  /**
   * Loads the log page by page, newest first. Called again for the same narrowing it keeps what
   * it has (a resumed or retried load continues from where it stopped); for another narrowing it
   * starts again from nothing.
   */
  load(next?: Narrowing): Promise<void>
  /** The page is shown: live refresh may poll. */
  activate(): void
  /** Stops loading and polling (leaving the page); `load()` later continues from where it stopped. */
  abort(): void
  retry(): Promise<void>
  /** Forgets the records and loads the log again (after Clear All). */
  reload(): Promise<void>
  refreshNewer(hold: boolean, comingBack?: boolean): Promise<number>
  showNewer(records?: EngineRecordByKind[K][]): void
}
