/**
 * HTTP for the client: axios (loaded on the first request that needs it), the host's token on
 * every request (asked for again once after a 401), and retries of idempotent GETs.
 */
import type { AxiosInstance, AxiosRequestConfig } from 'axios'
import { ApiError, errorOfStatus, toApiError } from '@/api/errors'
import type { EarlyResponse } from '@/api/client/firstRequests'
import { bearer, jsonShape } from '@/api/client/requests'
import { sleep } from '@/api/client/sleep'
import { DEFAULT_RETRY_DELAY_MS, type ApiClientOptions } from '@/api/client/types'

/** A request the app's entry started already (firstRequests.ts), and the URL it must have. */
export interface Adoptable {
  response: EarlyResponse
  url: string
}

/** An adopted response read as axios reads one here: JSON when it parses, else the text. */
async function readAdopted(response: Response): Promise<unknown> {
  const text = await response.text()
  let data: unknown = text
  try {
    data = JSON.parse(text)
  } catch {
    // Not JSON: the text, for the schema check to call it what it is.
  }
  if (!response.ok) throw errorOfStatus(response.status, data)
  return data
}

export interface Transport {
  /** The Authorization header of the token in use; `renew`: ask the host for a new one. */
  authorization(renew?: boolean): Promise<Record<string, string>>
  /**
   * GETs are idempotent: retried with backoff after offline, timeout or 5xx. `early`: the same
   * request, started by the app's entry, adopted for the first try when it is there.
   */
  get(url: string, config?: AxiosRequestConfig, early?: Adoptable): Promise<unknown>
  send(method: 'post' | 'put' | 'delete', url: string, body?: unknown): Promise<unknown>
}

export function createTransport(options: ApiClientOptions): Transport {
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
  /**
   * The token in use (a promise while the host makes it), null until the first request; the one
   * the app's entry asked the same getToken for, if it did.
   */
  const first = options.firstRequests?.token
  let token: Promise<string> | null = first && first.from === options.getToken ? first.value : null
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
    return bearer(value)
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
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS

  async function get(url: string, config: AxiosRequestConfig = {}, early?: Adoptable): Promise<unknown> {
    const signal = config.signal as AbortSignal | undefined
    for (let attempt = 0; ; attempt++) {
      try {
        return await withToken(async (headers) => {
          const adopted = await early?.response.take(early.url, jsonShape(options, headers), signal)
          if (adopted) return readAdopted(adopted)
          const instance = await http()
          return (await instance.get(url, { ...config, headers })).data
        })
      } catch (error) {
        const apiError = toApiError(error)
        if (!apiError.retryable || attempt >= retries || config.signal?.aborted) throw apiError
        await sleep(retryDelayMs * 2 ** attempt, signal)
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

  return { authorization, get, send }
}
