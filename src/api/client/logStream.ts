/**
 * A whole log in one streamed response (`format=columns-stream`), a batch per line as it
 * arrives. A cut connection or a silent server is asked again from the last whole line.
 */
import { STREAM_CONTENT_TYPE } from '@/api/mediaTypes'
import { ApiError, errorOfStatus, toApiError } from '@/api/errors'
import type { LogKindName, LogQuery } from '@/api/schemas'
import type { LineParser } from '@/api/lines/lineParser'
import { readBody, type Progress } from '@/api/client/streamBody'
import { browserStreams, streamShape, streamUrl } from '@/api/client/requests'
import { sleep } from '@/api/client/sleep'
import type { Transport } from '@/api/client/transport'
import { DEFAULT_RETRY_DELAY_MS, type ApiClientOptions, type LogBatch } from '@/api/client/types'

/** Statuses with which a server says it has no streamed format: the client pages instead. */
const NO_STREAM_STATUSES = new Set([400, 404, 405, 406, 415, 501])

/** How a stream ended: whole, or refused (page on from `cursor`). */
export type StreamOutcome = { done: true } | { done: false; cursor: string | null }

export interface LogStream {
  /** Whether whole logs are streamed (until a server refuses). */
  readonly supported: boolean
  /**
   * The whole log from `query.cursor` on, in one streamed response, a batch per line as it
   * arrives. A cut connection or a silent server (nothing for `timeoutMs`) is asked again from
   * the last whole line, so no record comes twice and none is missed; like any GET it is tried
   * `retries` more times (a line that arrives resets the count). Returns 'done', or the cursor
   * to page on from when the server turns out not to stream.
   */
  streamLog<K extends LogKindName>(
    kind: K,
    query: LogQuery,
    signal: AbortSignal,
    onWait?: (seconds: number) => void,
  ): AsyncGenerator<LogBatch<K>, StreamOutcome>
}

export function createLogStream(options: ApiClientOptions, transport: Transport, lines: LineParser): LogStream {
  const retries = options.retries ?? 3
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS
  const timeoutMs = options.timeoutMs ?? 30_000
  /** Whether to ask for `format=columns-stream`; turned off for good by the first refusal. */
  let streamSupported = options.stream ?? browserStreams()

  /**
   * Opens the response (with a new token once after a 401), or says why there is none. The first
   * request, when the app's entry started it already, is adopted rather than sent again.
   */
  async function open(url: string, signal: AbortSignal): Promise<Response> {
    const fetchWith = (auth: Record<string, string>) => fetch(url, { signal, ...streamShape(options, auth) })
    const auth = await transport.authorization()
    const response =
      (await options.firstRequests?.stream.take(url, streamShape(options, auth), signal)) ?? (await fetchWith(auth))
    // An expired token: a new one from the host, once.
    if (response.status !== 401 || !options.getToken) return response
    void response.body?.cancel().catch(() => undefined)
    return fetchWith(await transport.authorization(true))
  }

  async function* streamLog<K extends LogKindName>(
    kind: K,
    query: LogQuery,
    signal: AbortSignal,
    onWait?: (seconds: number) => void,
  ): AsyncGenerator<LogBatch<K>, StreamOutcome> {
    const progress: Progress = { cursor: query.cursor ?? null, last: false, failures: 0, position: 0 }
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
        // The parsing worker starts while the request is under way.
        void lines.prepare()
        const url = streamUrl(options, kind, { ...query, cursor: progress.cursor ?? undefined })
        const response = await open(url, AbortSignal.any([signal, attempt.signal]))
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
            return { done: false, cursor: progress.cursor }
          }
          throw errorOfStatus(response.status, data)
        }
        if (!response.body || !(response.headers.get('content-type') ?? '').includes(STREAM_CONTENT_TYPE)) {
          // It ignored the format: page from here (the body is the first page, asked again).
          streamSupported = false
          void response.body?.cancel().catch(() => undefined)
          return { done: false, cursor: progress.cursor }
        }
        yield* readBody(kind, await lines.open(kind, response.body.getReader(), arm), progress)
        finished = true
        return { done: true }
      } catch (caught) {
        if (signal.aborted) throw new ApiError('aborted', 'The request was cancelled.')
        // Cut after the last records, before the end line: everything is here (asking again
        // without a cursor would start the log over).
        if (progress.last) return { done: true }
        const error = timedOut
          ? new ApiError('timeout', 'The server took too long to answer.')
          : caught instanceof ApiError
            ? caught
            : caught instanceof TypeError
              ? new ApiError('offline', 'The server could not be reached.')
              : toApiError(caught)
        if (!error.retryable || progress.failures >= retries) throw error
        await sleep(retryDelayMs * 2 ** progress.failures, signal)
        progress.failures++
      } finally {
        clearTimeout(timer)
        // Left early (the caller stopped reading, or it failed): the request goes too.
        if (!finished) attempt.abort()
      }
    }
  }

  return {
    get supported() {
      return streamSupported
    },
    streamLog,
  }
}
