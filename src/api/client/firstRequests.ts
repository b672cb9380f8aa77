/**
 * The first requests of a log page, started by the app's tiny entry (main.ts, embed/index.ts)
 * while the app's modules are still loading, and handed to the client, which adopts each once
 * for the same request of its own (same URL, headers and credentials). A guess that turns out
 * wrong (another URL, other headers, a request never made) is cancelled: it costs one request,
 * and nothing else changes. A request that failed is not adopted: the client sends its own.
 */
import {
  bearer,
  jsonShape,
  metaUrl,
  streamShape,
  streamUrl,
  type RequestOptions,
  type RequestShape,
} from '@/api/client/requests'
import type { LogKindName, LogQuery } from '@/api/schemas'

/** One request started early, for the client to adopt once. */
export interface EarlyResponse {
  /**
   * Its response when `url` and `shape` are the request that was started and it has not failed;
   * else null, and a request that was a wrong guess is cancelled. Once: later calls get null.
   * Aborting `signal` cancels an adopted request, as it would the client's own.
   */
  take(url: string, shape: RequestShape, signal?: AbortSignal): Promise<Response | null>
  /** Cancels the request unless it was taken. */
  discard(): void
}

interface Sent {
  url: string
  shape: RequestShape
  response: Promise<Response>
}

const shapeKey = ({ headers, credentials }: RequestShape) =>
  JSON.stringify([
    credentials,
    Object.entries(headers)
      .map(([name, value]) => [name.toLowerCase(), value])
      .sort(),
  ])

type Request = { url: string; shape: RequestShape } | null

/**
 * Sends `request` (at once; or once the promise resolves, none when it resolves null: the guess
 * was not to ask), and keeps its response for `take`. `seen` gets the response as it arrives,
 * before anyone can take it, or null when there is none (not sent, or failed).
 */
export function earlyResponse(
  request: Request | Promise<Request>,
  seen: (response: Response | null) => void = () => {},
): EarlyResponse {
  const controller = new AbortController()
  let state: 'waiting' | 'taken' | 'discarded' = 'waiting'
  const send = (url: string, shape: RequestShape) =>
    fetch(url, { ...shape, signal: controller.signal }).then(
      (response) => {
        seen(response)
        return response
      },
      (error: unknown) => {
        seen(null)
        throw error
      },
    )
  const sendNow = (next: Request): Sent | null =>
    next && state === 'waiting' ? { ...next, response: send(next.url, next.shape) } : null
  // A request known now leaves now, before whatever the caller does next (loading the app).
  const sent: Promise<Sent | null> = (
    request instanceof Promise ? request.then(sendNow) : Promise.resolve(sendNow(request))
  )
    .catch(() => null)
    .then((next) => {
      if (!next) seen(null)
      return next
    })
  // A failure is the client's to meet again with a request of its own, not an unhandled rejection.
  void sent.then((next) => next?.response.catch(() => undefined))
  return {
    async take(url, shape, signal) {
      if (state !== 'waiting' || signal?.aborted) return null
      state = 'taken'
      const next = await sent
      if (!next || next.url !== url || shapeKey(next.shape) !== shapeKey(shape)) {
        controller.abort()
        return null
      }
      signal?.addEventListener('abort', () => controller.abort(), { once: true })
      return next.response.catch(() => null)
    },
    discard() {
      if (state !== 'waiting') return
      state = 'discarded'
      controller.abort()
    },
  }
}

/** What the tiny entry started: the host's token, and the log page's first request(s). */
export interface FirstRequests {
  /**
   * The host's token (`getToken`'s answer, a promise while it comes): the first token of a client
   * with the same `getToken`, which then does not ask the host again.
   */
  readonly token: { from: () => string | Promise<string>; value: Promise<string> } | null
  /** `GET /meta`: with a token, the page asks it first (what the token allows). */
  readonly meta: EarlyResponse | null
  /** The streamed read of the log's first page and the rest. */
  readonly stream: EarlyResponse
  /** Cancels whatever was not taken (the page is gone, or its first load is over). */
  discard(): void
}

export interface FirstRequestOptions extends RequestOptions {
  getToken?: () => string | Promise<string>
}

/** Whether meta's answer lets the token read `kind` (absent: a server without authentication). */
async function allows(response: Response | null, kind: LogKindName): Promise<boolean> {
  if (!response?.ok) return false
  const meta = (await response.json().catch(() => null)) as { access?: Partial<Record<string, boolean>> } | null
  return meta?.access?.[kind] !== false
}

/**
 * Starts the requests a log page of `kind` makes first when its first load asks for `query`: the
 * streamed read; with the host's `getToken`, first the token and meta, and the read only when
 * meta says the token allows this log (as the page does: no data request without access).
 */
export function startFirstRequests(options: FirstRequestOptions, kind: LogKindName, query: LogQuery): FirstRequests {
  const url = streamUrl(options, kind, query)
  if (!options.getToken) {
    const stream = earlyResponse({ url, shape: streamShape(options, {}) })
    return { token: null, meta: null, stream, discard: () => stream.discard() }
  }
  const getToken = options.getToken
  const token = Promise.resolve().then(getToken)
  const auth = token.then(bearer)
  // The token's failure is the client's to report (its first request waits for the token).
  auth.catch(() => undefined)
  let metaCopy: (response: Response | null) => void = () => {}
  const metaSeen = new Promise<Response | null>((resolve) => (metaCopy = resolve))
  // Meta's answer, read here too (a copy), for whether to guess at the read.
  const meta = earlyResponse(
    auth.then((headers) => ({ url: metaUrl(options), shape: jsonShape(options, headers) })),
    (response) => metaCopy(response?.clone() ?? null),
  )
  const stream = earlyResponse(
    metaSeen.then(async (response) =>
      (await allows(response, kind)) ? { url, shape: streamShape(options, await auth) } : null,
    ),
  )
  return {
    token: { from: getToken, value: token },
    meta,
    stream,
    discard() {
      meta.discard()
      stream.discard()
    },
  }
}
