/**
 * The typed client of the log API. Every response is validated against the shared schemas;
 * records are checked one by one, so one bad record never costs the rest of its page, and
 * rejected records are counted with their reasons instead of being silently dropped.
 */
import type { AxiosInstance, AxiosRequestConfig } from 'axios'
import { z } from 'zod/mini'
import {
  ColumnsShapeError,
  decodeColumns,
  STREAM_CONTENT_TYPE,
  type ColumnsPageBody,
  type DecodedColumns,
} from '@/api/columns'
import { ApiError, errorOfStatus, toApiError } from '@/api/errors'
import { parseStreamLine, readLines } from '@/api/stream'
import {
  MAX_PAGE_SIZE,
  DeleteLogsResponseSchema,
  LogPageSchema,
  LogSummarySchema,
  LogsClearingSettingsSchema,
  MetaSchema,
  RecordSchemas,
  type LogKindName,
  type LogQuery,
  type LogSummaryBody,
  type LogSummaryQuery,
  type LogRecordByKind,
  type LogsClearingSettings,
  type Meta,
} from '@/api/schemas'

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
  /** First retry delay; doubles each time. @default 500 */
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

/** The columns page's envelope; the columns themselves are checked by decodeColumns. */
const ColumnsEnvelopeSchema = z.object({
  format: z.literal('columns'),
  count: z.int().check(z.minimum(0)),
  columns: z.record(z.string(), z.unknown()),
  nextCursor: z.nullable(z.string().check(z.minLength(1))),
  totalEstimate: z.optional(z.nullable(z.int().check(z.minimum(0)))),
})

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

export interface ValidatedPage<K extends LogKindName> {
  items: LogRecordByKind[K][]
  rejected: RejectedRecord[]
  rejectedCount: number
  nextCursor: string | null
  totalEstimate: number | null
}

function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
}

function validate<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const looksLikeHtml = typeof data === 'string' && /^\s*</.test(data)
    throw new ApiError(
      'bad-response',
      looksLikeHtml
        ? `The server sent a web page instead of ${what}.`
        : `The server sent ${what} in an unexpected shape (${describeIssues(parsed.error).join('; ')}).`,
    )
  }
  return parsed.data
}

/** Validates each record; keeps the valid ones and explains the rest. */
export function validateRecords<K extends LogKindName>(kind: K, raw: readonly unknown[]) {
  const schema = RecordSchemas[kind]
  const items: LogRecordByKind[K][] = []
  const rejected: RejectedRecord[] = []
  let rejectedCount = 0
  for (let index = 0; index < raw.length; index++) {
    const parsed = schema.safeParse(raw[index])
    if (parsed.success) {
      items.push(parsed.data as LogRecordByKind[K])
      continue
    }
    rejectedCount += 1
    if (rejected.length < MAX_REJECTED_DETAILS) {
      const candidate = raw[index] as { id?: unknown } | null
      const id = typeof candidate?.id === 'number' && Number.isSafeInteger(candidate.id) ? candidate.id : null
      rejected.push({ index, id, reasons: describeIssues(parsed.error) })
    }
  }
  return { items, rejected, rejectedCount }
}

function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new ApiError('aborted', 'The request was cancelled.'))
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(new ApiError('aborted', 'The request was cancelled.'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** A columns page as a batch: the envelope checked now, the records when read. */
function columnsBatch<K extends LogKindName>(kind: K, data: unknown): LogBatch<K> {
  const envelope = validate(ColumnsEnvelopeSchema, data, 'a page of log records')
  return {
    nextCursor: envelope.nextCursor,
    totalEstimate: envelope.totalEstimate ?? null,
    read() {
      let columns: DecodedColumns
      try {
        columns = decodeColumns(kind, data as ColumnsPageBody, MAX_REJECTED_DETAILS)
      } catch (error) {
        if (!(error instanceof ColumnsShapeError)) throw error
        throw new ApiError(
          'bad-response',
          `The server sent a page of log records in an unexpected shape (${error.message}).`,
        )
      }
      return {
        columns,
        items: null,
        accepted: columns.count - columns.rejectedCount,
        rejected: columns.rejected,
        rejectedCount: columns.rejectedCount,
      }
    },
  }
}

/** A batch of records that could not be read at all: counted as rejected, with the reason. */
function rejectedBatch<K extends LogKindName>(
  cursor: string | null,
  position: number,
  count: number,
  reason: string,
): LogBatch<K> {
  return {
    nextCursor: cursor,
    totalEstimate: null,
    read: () => ({
      columns: null,
      items: [],
      accepted: 0,
      rejected: count > 0 ? [{ index: position, id: null, reasons: [`${reason} (${count} records)`] }] : [],
      rejectedCount: count,
    }),
  }
}

/** Statuses with which a server says it has no streamed format: the client pages instead. */
const NO_STREAM_STATUSES = new Set([400, 404, 405, 406, 415, 501])

export function createApiClient(options: ApiClientOptions) {
  /**
   * axios, loaded on the first request that needs it: a log's records come by fetch (streamed),
   * so the first rows never wait for it.
   */
  let httpInstance: Promise<AxiosInstance> | null = null
  const http = () =>
    (httpInstance ??= import('axios').then(({ default: axios }) =>
      axios.create({
        baseURL: options.baseUrl.replace(/\/+$/, ''),
        headers: { Accept: 'application/json', ...options.headers },
        params: options.params,
        withCredentials: options.withCredentials ?? false,
        timeout: options.timeoutMs ?? 30_000,
        // Responses are parsed as JSON ourselves: a non-JSON body must become a clear error.
        transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: true },
      }),
    ))
  /** The token in use (a promise while the host makes it), null until the first request. */
  let token: Promise<string> | null = null
  /** The Authorization header of the token in use; `renew`: ask the host for a new one. */
  async function authorization(renew = false): Promise<Record<string, string>> {
    const getToken = options.getToken
    if (!getToken) return {}
    if (renew || token === null) token = Promise.resolve().then(getToken)
    const value = await token.catch((error: unknown) => {
      token = null
      throw new ApiError(
        'unauthorised',
        `The host gave no token: ${error instanceof Error ? error.message : String(error)}`,
      )
    })
    return { Authorization: `Bearer ${value}` }
  }
  /** Runs a request with the token; after a 401, once more with a new token. */
  async function withToken<T>(request: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    try {
      return await request(await authorization())
    } catch (error) {
      const apiError = toApiError(error)
      if (!options.getToken || apiError.status !== 401) throw apiError
      return request(await authorization(true))
    }
  }

  const retries = options.retries ?? 3
  const retryDelayMs = options.retryDelayMs ?? 500
  const timeoutMs = options.timeoutMs ?? 30_000
  const baseUrl = options.baseUrl.replace(/\/+$/, '')

  /** GETs are idempotent: retried with backoff after offline, timeout or 5xx. */
  async function get(url: string, config: AxiosRequestConfig = {}): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        const instance = await http()
        return await withToken(async (headers) => (await instance.get(url, { ...config, headers })).data)
      } catch (error) {
        const apiError = toApiError(error)
        if (!apiError.retryable || attempt >= retries || config.signal?.aborted) throw apiError
        await sleep(retryDelayMs * 2 ** attempt, config.signal as AbortSignal | undefined)
      }
    }
  }

  async function send(method: 'post' | 'put' | 'delete', url: string, body?: unknown): Promise<unknown> {
    try {
      const instance = await http()
      return await withToken(async (headers) => (await instance.request({ method, url, data: body, headers })).data)
    } catch (error) {
      throw toApiError(error)
    }
  }

  async function getLogPage<K extends LogKindName>(
    kind: K,
    query: LogQuery = {},
    signal?: AbortSignal,
  ): Promise<ValidatedPage<K>> {
    const data = await get(`/logs/${kind}`, { params: query, signal })
    const page = validate(LogPageSchema, data, 'a page of log records')
    return {
      ...validateRecords(kind, page.items),
      nextCursor: page.nextCursor,
      totalEstimate: page.totalEstimate ?? null,
    }
  }

  /** Whether the server speaks `format=columns`; turned off for good by the first refusal. */
  let columnsSupported = true

  /**
   * A page for loading a whole log: the compact columns format when the server has it (records
   * stay in columns, ready for the engine), else the rows format. Only the envelope is checked
   * before this returns, so the caller can ask for the next page at once; `read()` then checks
   * every record (a bad page throws a clear ApiError, a bad record is counted and explained, the
   * rest are kept).
   */
  async function getLogBatch<K extends LogKindName>(
    kind: K,
    query: LogQuery = {},
    signal?: AbortSignal,
  ): Promise<LogBatch<K>> {
    if (columnsSupported) {
      let data: unknown
      try {
        data = await get(`/logs/${kind}`, { params: { ...query, format: 'columns' }, signal })
      } catch (error) {
        const apiError = toApiError(error)
        // A server without the compact format may refuse the unknown key: ask in rows from now on.
        if (apiError.status === 400 && /format/.test(JSON.stringify(apiError.details) + apiError.message)) {
          columnsSupported = false
          return getLogBatch(kind, query, signal)
        }
        throw apiError
      }
      const body = data as Partial<ColumnsPageBody> | null
      if (body && typeof body === 'object' && body.format === 'columns') return columnsBatch(kind, data)
      // It ignored the key and sent rows: take them, and stop asking.
      columnsSupported = false
      const page = validate(LogPageSchema, data, 'a page of log records')
      return {
        nextCursor: page.nextCursor,
        totalEstimate: page.totalEstimate ?? null,
        read() {
          const records = validateRecords(kind, page.items)
          return { ...records, columns: null, accepted: records.items.length }
        },
      }
    }
    const page = await getLogPage(kind, query, signal)
    return {
      nextCursor: page.nextCursor,
      totalEstimate: page.totalEstimate,
      read: () => ({
        columns: null,
        items: page.items,
        accepted: page.items.length,
        rejected: page.rejected,
        rejectedCount: page.rejectedCount,
      }),
    }
  }

  /** Whether to ask for `format=columns-stream`; turned off for good by the first refusal. */
  let streamSupported =
    options.stream ?? (typeof fetch === 'function' && typeof ReadableStream === 'function' && 'any' in AbortSignal)

  function streamUrl(kind: LogKindName, query: LogQuery): string {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries({ ...options.params, ...query, format: 'columns-stream' })) {
      if (value !== undefined && value !== null) search.set(key, String(value))
    }
    const url = `${baseUrl}/logs/${encodeURIComponent(kind)}?${search}`
    return /^[a-z][a-z\d+.-]*:/i.test(url) ? url : new URL(url, globalThis.location?.href).href
  }

  /**
   * The whole log from `query.cursor` on, in one streamed response, a batch per line as it
   * arrives. A cut connection or a silent server (nothing for `timeoutMs`) is asked again from
   * the last whole line, so no record comes twice and none is missed; like any GET it is tried
   * `retries` more times (a line that arrives resets the count). Returns 'done', or the cursor
   * to page on from when the server turns out not to stream.
   */
  async function* streamLog<K extends LogKindName>(
    kind: K,
    query: LogQuery,
    signal: AbortSignal,
    onWait?: (seconds: number) => void,
  ): AsyncGenerator<LogBatch<K>, { done: true } | { done: false; cursor: string | null }> {
    let cursor = query.cursor ?? null
    /** The last whole line said there is nothing after it: only the end line can be missing. */
    let last = false
    let failures = 0
    /** Records before the current line, for the positions of rejected ones. */
    let position = 0
    for (;;) {
      const attempt = new AbortController()
      let timer: ReturnType<typeof setTimeout> | undefined
      let timedOut = false
      let finished = false
      const arm = () => {
        clearTimeout(timer)
        timer = setTimeout(() => {
          timedOut = true
          attempt.abort()
        }, timeoutMs)
      }
      try {
        arm()
        const open = async (auth: Record<string, string>) => {
          const answer = await fetch(streamUrl(kind, { ...query, cursor: cursor ?? undefined }), {
            signal: AbortSignal.any([signal, attempt.signal]),
            headers: { Accept: STREAM_CONTENT_TYPE, ...options.headers, ...auth },
            credentials: options.withCredentials ? 'include' : 'same-origin',
          })
          return answer
        }
        let response = await open(await authorization())
        // An expired token: a new one from the host, once.
        if (response.status === 401 && options.getToken) {
          void response.body?.cancel().catch(() => undefined)
          response = await open(await authorization(true))
        }
        // Loads are bounded: wait as long as the server says (saying so), then go on from here.
        if (response.status === 429) {
          void response.body?.cancel().catch(() => undefined)
          clearTimeout(timer)
          const seconds = Math.min(60, Math.max(1, Number(response.headers.get('retry-after')) || 2))
          onWait?.(seconds)
          await sleep(seconds * 1000, signal)
          onWait?.(0)
          continue
        }
        if (!response.ok) {
          const data: unknown = await response.json().catch(() => null)
          if (NO_STREAM_STATUSES.has(response.status)) {
            streamSupported = false
            return { done: false, cursor }
          }
          throw errorOfStatus(response.status, data)
        }
        if (!response.body || !(response.headers.get('content-type') ?? '').includes(STREAM_CONTENT_TYPE)) {
          // It ignored the format: page from here (the body is the first page, asked again).
          streamSupported = false
          void response.body?.cancel().catch(() => undefined)
          return { done: false, cursor }
        }
        const reader = response.body.getReader()
        /** Records this response carried, for the check against its end line. */
        let carried = 0
        for await (const text of readLines(() => (arm(), reader.read()))) {
          const line = parseStreamLine(text)
          if (line.kind === 'end') {
            // Records the response counted but no line delivered are rejected, not lost silently.
            const missing = line.count - carried
            if (missing > 0)
              yield rejectedBatch(cursor, position, missing, 'records the response counted but did not carry')
            // Read to its end, so the response finishes rather than being cancelled.
            for (let rest = await reader.read(); !rest.done; rest = await reader.read()) arm()
            finished = true
            return { done: true }
          }
          failures = 0
          if (line.kind === 'broken') {
            const count = line.declaredCount ?? 0
            carried += count
            yield rejectedBatch(cursor, position, count, line.reason)
            position += count
            continue
          }
          const count = typeof line.body.count === 'number' ? line.body.count : 0
          carried += count
          const at = position
          position += count
          let batch: LogBatch<K>
          try {
            batch = columnsBatch(kind, line.body)
          } catch (error) {
            if (!(error instanceof ApiError)) throw error
            yield rejectedBatch(cursor, at, count, error.message)
            continue
          }
          cursor = batch.nextCursor
          last = cursor === null
          // A line in the wrong shape rejects its own records, not the rest of the log.
          const read = batch.read
          const previous = cursor
          yield {
            ...batch,
            read() {
              try {
                return read()
              } catch (error) {
                if (!(error instanceof ApiError)) throw error
                return rejectedBatch<K>(previous, at, count, error.message).read()
              }
            },
          }
        }
        throw new ApiError('offline', 'The connection was cut before the whole log arrived.')
      } catch (caught) {
        if (signal.aborted) throw new ApiError('aborted', 'The request was cancelled.')
        // Cut after the last records, before the end line: everything is here (asking again
        // without a cursor would start the log over).
        if (last) return { done: true }
        const error = timedOut
          ? new ApiError('timeout', 'The server took too long to answer.')
          : caught instanceof ApiError
            ? caught
            : caught instanceof TypeError
              ? new ApiError('offline', 'The server could not be reached.')
              : toApiError(caught)
        if (!error.retryable || failures >= retries) throw error
        await sleep(retryDelayMs * 2 ** failures, signal)
        failures++
      } finally {
        clearTimeout(timer)
        // Left early (the caller stopped reading, or it failed): the request goes too.
        if (!finished) attempt.abort()
      }
    }
  }

  /** The whole log from `query.cursor` on, a page per request, the next asked for at once. */
  async function* pageLog<K extends LogKindName>(
    kind: K,
    query: LogQuery,
    signal: AbortSignal,
  ): AsyncGenerator<LogBatch<K>> {
    let nextPage: Promise<LogBatch<K>> | null = getLogBatch(kind, query, signal)
    while (nextPage) {
      const page: LogBatch<K> = await nextPage
      // Ask for the next page now: the server works on it while this one goes in.
      nextPage = page.nextCursor
        ? getLogBatch(kind, { ...query, limit: MAX_PAGE_SIZE, cursor: page.nextCursor }, signal)
        : null
      // A failed prefetch is reported when it is awaited, not as an unhandled rejection.
      nextPage?.catch(() => undefined)
      yield page
    }
  }

  /**
   * A whole log (or the rest of it, from `query.cursor`), newest first, batch by batch: streamed
   * when the server streams, else page by page. `query.limit` is the first batch's size.
   */
  async function* readLog<K extends LogKindName>(
    kind: K,
    query: LogQuery,
    signal: AbortSignal,
    /** Told how long the load waits when the server is busy (429), and 0 when it goes on. */
    onWait?: (seconds: number) => void,
  ): AsyncGenerator<LogBatch<K>> {
    let from = query
    if (streamSupported) {
      const outcome = yield* streamLog(kind, query, signal, onWait)
      if (outcome.done) return
      from = { ...query, cursor: outcome.cursor ?? undefined }
    }
    yield* pageLog(kind, from, signal)
  }

  return {
    getLogBatch,

    readLog,

    /** Whether whole logs are streamed (until a server refuses). */
    get streams() {
      return streamSupported
    },

    async getMeta(signal?: AbortSignal): Promise<Meta> {
      return validate(MetaSchema, await get('/meta', { signal }), 'the accounts and shops')
    },

    getLogPage,

    /** The whole log's shape: its total and counts per UTC hour and type, under the server-side filters. */
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

export type ApiClient = ReturnType<typeof createApiClient>
