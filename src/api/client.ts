/**
 * The typed client of the log API. Every response is validated against the shared schemas;
 * records are checked one by one, so one bad record never costs the rest of its page, and
 * rejected records are counted with their reasons instead of being silently dropped. Its parts
 * are under `api/client/`: HTTP and tokens, pages, the stream, and the checks.
 */
import {
  DeleteLogsResponseSchema,
  LogSummarySchema,
  LogsClearingSettingsSchema,
  MetaSchema,
  type LogKindName,
  type LogQuery,
  type LogSummaryBody,
  type LogSummaryQuery,
  type LogsClearingSettings,
  type Meta,
} from '@/api/schemas'
import { validate } from '@/api/client/batches'
import { createLineParser } from '@/api/lines/lineParser'
import { createLogStream } from '@/api/client/logStream'
import { createPageReader } from '@/api/client/pages'
import { metaUrl } from '@/api/client/requests'
import { createTransport } from '@/api/client/transport'
import type { ApiClientOptions, LogBatch, ValidatedPage } from '@/api/client/types'

export { validateRecords } from '@/api/client/batches'
export { MAX_REJECTED_DETAILS } from '@/api/client/types'
export type {
  ApiClientOptions,
  LogBatch,
  LogBatchRecords,
  RejectedRecord,
  ValidatedPage,
  ValidatedRecords,
} from '@/api/client/types'
export type { FirstRequests } from '@/api/client/firstRequests'

export interface ApiClient {
  /** A page for loading a whole log (see `PageReader.getLogBatch`). */
  getLogBatch<K extends LogKindName>(kind: K, query?: LogQuery, signal?: AbortSignal): Promise<LogBatch<K>>
  /**
   * A whole log (or the rest of it, from `query.cursor`), newest first, batch by batch: streamed
   * when the server streams, else page by page. `query.limit` is the first batch's size.
   * `onWait` is told how long the load waits when the server is busy (429), and 0 when it goes on.
   */
  readLog<K extends LogKindName>(
    kind: K,
    query: LogQuery,
    signal: AbortSignal,
    onWait?: (seconds: number) => void,
  ): AsyncGenerator<LogBatch<K>>
  /** Whether whole logs are streamed (until a server refuses). */
  readonly streams: boolean
  /**
   * Ends the worker that parses streamed logs once no load uses it (the page that loaded is
   * left, or the app unmounted); a later load starts another.
   */
  release(): void
  getMeta(signal?: AbortSignal): Promise<Meta>
  getLogPage<K extends LogKindName>(kind: K, query?: LogQuery, signal?: AbortSignal): Promise<ValidatedPage<K>>
  /** The whole log's shape: its total and counts per UTC hour and type, under the server-side filters. */
  getSummary(kind: LogKindName, query?: LogSummaryQuery, signal?: AbortSignal): Promise<LogSummaryBody>
  clearLog(kind: Exclude<LogKindName, 'order'>): Promise<number>
  getLogsClearing(signal?: AbortSignal): Promise<LogsClearingSettings>
  putLogsClearing(settings: LogsClearingSettings): Promise<LogsClearingSettings>
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const transport = createTransport(options)
  const pages = createPageReader(transport)
  const lines = createLineParser()
  const stream = createLogStream(options, transport, lines)
  const { get, send } = transport

  async function* readLog<K extends LogKindName>(
    kind: K,
    query: LogQuery,
    signal: AbortSignal,
    onWait?: (seconds: number) => void,
  ): AsyncGenerator<LogBatch<K>> {
    let from = query
    if (stream.supported) {
      const outcome = yield* stream.streamLog(kind, query, signal, onWait)
      if (outcome.done) return
      from = { ...query, cursor: outcome.cursor ?? undefined }
    }
    yield* pages.pageLog(kind, from, signal)
  }

  return {
    getLogBatch: pages.getLogBatch,

    readLog,

    get streams() {
      return stream.supported
    },

    release: lines.release,

    async getMeta(signal?: AbortSignal): Promise<Meta> {
      const first = options.firstRequests?.meta
      const early = first ? { response: first, url: metaUrl(options) } : undefined
      return validate(MetaSchema, await get('/meta', { signal }, early), 'the accounts and shops')
    },

    getLogPage: pages.getLogPage,

    async getSummary(kind: LogKindName, query: LogSummaryQuery = {}, signal?: AbortSignal): Promise<LogSummaryBody> {
      const data = await get(`/logs/${kind}/summary`, { params: query, signal })
      return validate(LogSummarySchema, data, 'the log summary')
    },

    async clearLog(kind: Exclude<LogKindName, 'order'>): Promise<number> {
      return validate(DeleteLogsResponseSchema, await send('delete', `/logs/${kind}`), 'the deleted count').deleted
    },

    async getLogsClearing(signal?: AbortSignal): Promise<LogsClearingSettings> {
      return validate(LogsClearingSettingsSchema, await get('/settings/logs-clearing', { signal }), 'the settings')
    },

    async putLogsClearing(settings: LogsClearingSettings): Promise<LogsClearingSettings> {
      return validate(
        LogsClearingSettingsSchema,
        await send('put', '/settings/logs-clearing', settings),
        'the settings',
      )
    },
  }
}
