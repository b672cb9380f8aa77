import { ApiError } from '@/api/errors'

/** Waits `ms`; an abort ends the wait with an 'aborted' ApiError. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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
