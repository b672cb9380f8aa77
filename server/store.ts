/**
 * What the API reads and writes, whatever holds it: the preview's SQLite file (`SqliteStore`,
 * server/db.ts) or M2E's own tables in MySQL/MariaDB (`MysqlStore`, server/mysql/store.ts). The
 * API (server/api.ts) talks to this interface only.
 */
import { narrowingFields, type NarrowingField } from '../src/api/fields.ts'
import type { LogKindName, LogsClearingSettings, Meta, NewLogRecord } from '../src/api/schemas.ts'
import type { ApiErrorBody } from '../src/api/schemas.ts'

/** Where a page of records starts: after this record, in newest-first order. */
export interface Seek {
  /** UTC milliseconds. */
  createDate: number
  id: number
}

/** The server-side narrowing of a log query (already validated). Dates are UTC milliseconds. */
export type LogFilter = Partial<Record<NarrowingField, number>> & {
  from?: number
  to?: number
  afterId?: number
}

/** The fields each log's filter may narrow by (the others are refused with a 400): its field list's. */
export const FILTER_FIELDS: Record<LogKindName, readonly NarrowingField[]> = {
  listing: narrowingFields('listing'),
  order: narrowingFields('order'),
  synchronization: narrowingFields('synchronization'),
}

/** One log under one filter, read newest first. */
export interface LogReader {
  /** The API names of the row values, in row order; `createDate` is UTC milliseconds. */
  readonly fields: readonly string[]
  /** Records matching the filter. */
  count(): Promise<number>
  /** Up to `limit` rows after `after` (null: from the newest), newest first (create date, then id). */
  rows(after: Seek | null, limit: number): Promise<unknown[][]>
  /**
   * The same records as `rows`, column by column: an array per field (`fields` order), a value per
   * record in each; null when this page must be read row by row after all. For a store that can
   * read them so for less than a row each (SQLite: a million records in 1.4 s against 1.9 s); the
   * others leave it out.
   */
  columns?(after: Seek | null, limit: number): Promise<unknown[][] | null>
}

export const HOUR_MS = 3_600_000

/**
 * A log's shape under a filter: its records counted per UTC hour and type, `[hourStartMs, type,
 * count]` oldest first (hours without records are left out), and their total.
 */
export interface LogSummary {
  total: number
  hours: [number, number, number][]
}

/** A summary from counts keyed `hour:type`. */
export function summaryOf(counts: Map<string, number>): LogSummary {
  const hours: [number, number, number][] = []
  let total = 0
  for (const [key, n] of counts) {
    if (n <= 0) continue
    const [hour, type] = key.split(':').map(Number) as [number, number]
    hours.push([hour, type, n])
    total += n
  }
  hours.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  return { total, hours }
}

/** What a store may be asked to change. */
export type StoreWrite = 'clear' | 'settings' | 'post'

export interface LogStore {
  /** Where the data is, for logs and startup messages (never a password). */
  readonly label: string
  /** Why the store refuses this write, in words that say how to allow it; null when it is allowed. */
  refuses(write: StoreWrite): string | null
  meta(): Promise<Meta>
  settings(): Promise<LogsClearingSettings>
  saveSettings(settings: LogsClearingSettings): Promise<void>
  reader(kind: LogKindName, filter: LogFilter): LogReader
  /** The whole log's counts per hour and type under the filter (`afterId` aside). */
  summary(kind: LogKindName, filter: LogFilter): Promise<LogSummary>
  /** Adds records, all or none; answers their ids. */
  insert<K extends LogKindName>(kind: K, records: readonly NewLogRecord<K>[]): Promise<number[]>
  /** Clear All: deletes every record of the log; answers how many. */
  clear(kind: LogKindName): Promise<number>
  /** Logs Clearing, run by the preview server hourly; a store whose owner runs it answers null. */
  applyRetention(now?: number): Promise<Record<LogKindName, number> | null>
  close(): Promise<void>
}

/**
 * A failure the store can explain to the client (a database that is down, a missing table):
 * the API answers `status` with this body, never a stack trace.
 */
export class StoreError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(`${body.error}: ${body.details.map((d) => d.message).join('; ')}`)
  }
}
