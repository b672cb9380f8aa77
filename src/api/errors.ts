import { ApiErrorBodySchema, type ApiErrorBody } from '@/api/schemas'

/** Every way a request can fail, in the words the UI needs to explain it. */
export type ApiErrorKind =
  | 'offline'
  | 'timeout'
  | 'unauthorised'
  | 'forbidden'
  | 'read-only'
  | 'not-found'
  | 'bad-request'
  | 'server'
  | 'bad-response'
  | 'aborted'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly details: ApiErrorBody['details'] = [],
  ) {
    super(message)
  }

  /** Worth another try: the network or the server may be fine a moment later. */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'server'
  }
}

/** What axios throws, as far as it is read here (by shape: axios itself loads lazily). */
interface AxiosLikeError {
  isAxiosError: true
  code?: string
  response?: { status: number; data: unknown }
}
const isAxiosCancel = (error: unknown) =>
  typeof error === 'object' && error !== null && Boolean((error as { __CANCEL__?: unknown }).__CANCEL__)
const isAxiosError = (error: unknown): error is AxiosLikeError =>
  typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true

/** Turns whatever axios (or fetch) threw into an ApiError; never throws itself. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (isAxiosCancel(error)) return new ApiError('aborted', 'The request was cancelled.')
  if (!isAxiosError(error)) {
    return new ApiError('bad-response', error instanceof Error ? error.message : String(error))
  }
  if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
    return new ApiError('timeout', 'The server took too long to answer.')
  }
  const response = error.response
  if (!response) return new ApiError('offline', 'The server could not be reached.')
  return errorOfStatus(response.status, response.data)
}

/** The ApiError of an HTTP error status, with what the server's error body says. */
export function errorOfStatus(status: number, data: unknown): ApiError {
  const parsedBody = ApiErrorBodySchema.safeParse(data)
  const body = parsedBody.success ? parsedBody.data : undefined
  const serverSaid = body?.error ? `: ${body.error}` : ''
  if (status === 403 && body?.error === 'Read-only') {
    return new ApiError('read-only', `The server refused the change (HTTP 403)${serverSaid}.`, status, body.details)
  }
  // A token whose scope (the admin's role) does not allow it: not an expired session.
  if (status === 403 && body?.error === 'Forbidden') {
    return new ApiError('forbidden', `The admin's role does not allow this (HTTP 403).`, status, body.details)
  }
  if (status === 401 || status === 403) {
    return new ApiError('unauthorised', `The session has expired or access was refused (HTTP ${status}).`, status)
  }
  if (status === 404) return new ApiError('not-found', `Not found (HTTP 404)${serverSaid}.`, status, body?.details)
  if (status === 429) return new ApiError('server', 'The server is busy (HTTP 429).', status)
  if (status >= 500)
    return new ApiError('server', `The server failed (HTTP ${status})${serverSaid}.`, status, body?.details)
  return new ApiError('bad-request', `The request was refused (HTTP ${status})${serverSaid}.`, status, body?.details)
}
