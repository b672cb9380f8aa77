/** The client's options and what it hands back: batches of records, and the records it refused. */
import type { DecodedColumns } from '@/api/columns'
import type { FirstRequests } from '@/api/client/firstRequests'
import type { LogKindName, LogRecordByKind } from '@/api/schemas'

/** The first retry's delay unless `retryDelayMs` says otherwise, ms; it doubles at each retry. */
export const DEFAULT_RETRY_DELAY_MS = 500

export interface ApiClientOptions {
  /** Where `/api/v1` lives, e.g. `/api/v1` or `https://admin.example.com/m2e/api/v1`. */
  baseUrl: string
  /** Extra headers on every request. */
  headers?: Record<string, string>
  /** Extra query params on every request; the Magento admin needs `form_key`. */
  params?: Record<string, string>
  /** Send cookies to another origin. @default false */
  withCredentials?: boolean
  /** @default 30000 */
  timeoutMs?: number
  /** Retries of idempotent GETs after offline, timeout or 5xx. @default 3 */
  retries?: number
  /** First retry delay; doubles each time. @default DEFAULT_RETRY_DELAY_MS (500) */
  retryDelayMs?: number
  /**
   * Load whole logs in one streamed response (`format=columns-stream`) rather than page by page.
   * @default true where the browser can read a response as it arrives
   */
  stream?: boolean
  /**
   * The admin's bearer token (docs/embedding.md): asked for before the first request and sent
   * on every one, streams included. On a 401 it is asked for once more and the request tried
   * again; a second 401 is an expired session.
   */
  getToken?: () => string | Promise<string>
  /**
   * The page's first requests, started by the app's entry before the app loaded
   * (firstRequests.ts): the client takes the host's token from them, and adopts each response
   * once for the same request of its own. @default none: every request is the client's
   */
  firstRequests?: FirstRequests
}

/** A record the client refused, and why. */
export interface RejectedRecord {
  /** Position in its page. */
  index: number
  /** The record's id when it had a usable one. */
  id: number | null
  reasons: string[]
}

/** How many rejected records keep their reasons; the rest are only counted. */
export const MAX_REJECTED_DETAILS = 100

/** The records of a whole-log page: in columns (`columns`) or as records (`items`). */
export interface LogBatchRecords<K extends LogKindName> {
  columns: DecodedColumns | null
  items: LogRecordByKind[K][] | null
  /** Records kept. */
  accepted: number
  rejected: RejectedRecord[]
  rejectedCount: number
}

/** A page for a whole-log load; `read()` checks and returns its records. */
export interface LogBatch<K extends LogKindName> {
  nextCursor: string | null
  totalEstimate: number | null
  read(): LogBatchRecords<K>
}

/** Records checked one by one: the valid ones, and the rest counted (the first ones with their reasons). */
export interface ValidatedRecords<K extends LogKindName> {
  items: LogRecordByKind[K][]
  rejected: RejectedRecord[]
  rejectedCount: number
}

export interface ValidatedPage<K extends LogKindName> extends ValidatedRecords<K> {
  nextCursor: string | null
  totalEstimate: number | null
}
