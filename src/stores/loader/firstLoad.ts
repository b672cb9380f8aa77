/**
 * A load's first request: a small first page (the rest follows in the same streamed response),
 * so that the first rows are painted early. Light on purpose: the app's tiny entries (main.ts,
 * embed/index.ts) start the same request with it before the app has loaded, and the client
 * adopts it (api/client/firstRequests.ts).
 */
import { startFirstRequests, type FirstRequestOptions, type FirstRequests } from '@/api/client/firstRequests'
import { browserStreams, DEFAULT_API_BASE_URL } from '@/api/client/requests'
import type { LogKindName, LogQuery } from '@/api/schemas'
import type { Narrowing } from '@/stores/loader/types'

/** Records in a load's first page. */
export const FIRST_PAGE_SIZE = 1000

/** The query of a load's first request under `narrowing`. */
export const firstLoadQuery = (narrowing: Narrowing): LogQuery => ({ limit: FIRST_PAGE_SIZE, ...narrowing })

/**
 * Starts the requests of a log page's first load under `narrowing`, as the page will ask for them
 * (with a token: the token and meta first); null where the page would not stream (it then pages,
 * and nothing is guessed). `baseUrl` defaults as the app's own does.
 */
export function startFirstLoad(
  options: Omit<FirstRequestOptions, 'baseUrl'> & { baseUrl?: string },
  kind: LogKindName,
  narrowing: Narrowing,
): FirstRequests | null {
  if (!browserStreams()) return null
  const baseUrl = options.baseUrl ?? DEFAULT_API_BASE_URL
  try {
    return startFirstRequests({ ...options, baseUrl }, kind, firstLoadQuery(narrowing))
  } catch {
    // A request that cannot even be built is no guess: the page makes its own, and says why.
    return null
  }
}
