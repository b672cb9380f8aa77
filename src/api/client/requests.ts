/**
 * What the client's first requests look like: the streamed whole-log read (URL, headers,
 * credentials) and meta's. Light on purpose (no schemas, no parser, no axios): the app's tiny
 * entries build the same requests with these functions before the app's modules have loaded
 * (firstRequests.ts), and the client adopts what they started only when it is the same request.
 */
import { STREAM_CONTENT_TYPE } from '@/api/mediaTypes'
import type { LogKindName, LogQuery } from '@/api/schemas'

/** What of the client's options (ApiClientOptions) a request is made of. */
export interface RequestOptions {
  baseUrl: string
  params?: Record<string, string>
  headers?: Record<string, string>
  withCredentials?: boolean
}

/** A request's headers and credentials: with its URL, what makes it the same request. */
export interface RequestShape {
  headers: Record<string, string>
  credentials: RequestCredentials
}

/** Where the API lives unless the host says otherwise (`apiBaseUrl`). */
export const DEFAULT_API_BASE_URL = '/api/v1'

/** Whether this browser can read a response as it arrives (else the client pages). */
export function browserStreams(): boolean {
  return typeof fetch === 'function' && typeof ReadableStream === 'function' && 'any' in AbortSignal
}

/** The Authorization header of the host's token. */
export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` })

const absolute = (url: string) => (/^[a-z][a-z\d+.-]*:/i.test(url) ? url : new URL(url, globalThis.location?.href).href)

/** `baseUrl` without its trailing slashes. */
export const apiBase = (options: Pick<RequestOptions, 'baseUrl'>) => options.baseUrl.replace(/\/+$/, '')

/** The absolute URL of a streamed read of `kind` under `query` (`format=columns-stream`). */
export function streamUrl(options: RequestOptions, kind: LogKindName, query: LogQuery): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...options.params, ...query, format: 'columns-stream' })) {
    if (value !== undefined && value !== null) search.set(key, String(value))
  }
  return absolute(`${apiBase(options)}/logs/${encodeURIComponent(kind)}?${search}`)
}

/** The streamed read's headers and credentials, with the token's `auth` header when there is one. */
export function streamShape(options: RequestOptions, auth: Record<string, string>): RequestShape {
  return {
    headers: { Accept: STREAM_CONTENT_TYPE, ...options.headers, ...auth },
    credentials: options.withCredentials ? 'include' : 'same-origin',
  }
}

/** The absolute URL of `GET /meta` with the client's own params (the Magento admin's form_key). */
export function metaUrl(options: RequestOptions): string {
  const search = new URLSearchParams(options.params ?? {}).toString()
  return absolute(`${apiBase(options)}/meta${search ? `?${search}` : ''}`)
}

/** The headers and credentials of the client's JSON requests (axios sends the same). */
export function jsonShape(options: RequestOptions, auth: Record<string, string>): RequestShape {
  return {
    headers: { Accept: 'application/json', ...options.headers, ...auth },
    credentials: options.withCredentials ? 'include' : 'same-origin',
  }
}
