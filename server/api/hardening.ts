/** Requests refused before anything else: a foreign `Host` or `Origin`, a missing or wrong `form_key`. */
import type { IncomingMessage } from 'node:http'

/** The options these checks read (ApiOptions' `allowedHosts` and `cors`). */
export interface HostRules {
  allowedHosts?: readonly string[]
  cors?: string
}

/** Methods that change something: refused when they come from a foreign page (`Origin`). */
const MUTATING = new Set(['POST', 'PUT', 'DELETE', 'PATCH'])

/**
 * Why this request may not be served: a `Host` outside `allowedHosts`, or a mutating request from
 * an `Origin` that is neither this server nor the one `cors` allows. Null when it may.
 */
export function foreignRequest(req: IncomingMessage, options: HostRules): { field: string; message: string } | null {
  const host = req.headers.host ?? ''
  if (options.allowedHosts) {
    const name = hostName(host)
    if (!options.allowedHosts.includes(name)) {
      // The addresses it does serve are for its own log, not for whoever sent a foreign Host.
      console.warn(`[preview api] refused Host "${name}": served are ${options.allowedHosts.join(', ')}`)
      return {
        field: 'Host',
        message: `"${name}" is not an address this server serves; start it with --allowed-host ${name || 'NAME'} to serve it`,
      }
    }
  }
  const origin = req.headers.origin
  if (origin === undefined || !MUTATING.has(req.method ?? 'GET')) return null
  if (origin === `http://${host}` || origin === `https://${host}`) return null
  if (options.cors !== undefined && (options.cors === '*' || options.cors === origin)) return null
  return {
    field: 'Origin',
    message: `a ${req.method} from ${origin} is refused: only this server's own pages${options.cors ? ` and ${options.cors}` : ''} may change data`,
  }
}

/** `example.com:8080` → `example.com`; `[::1]:8080` → `[::1]`. Lower case. */
function hostName(host: string): string {
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d*)?$/.exec(host.trim())
  return (match?.[1] ?? host).toLowerCase()
}

/** Why the request's `form_key` is not the expected one, or null when it is. */
export function checkFormKey(url: URL, expected: string): string | null {
  const given = url.searchParams.getAll('form_key')
  if (given.length === 0) return 'missing: every request needs the form_key query param'
  if (given.length > 1) return 'given more than once'
  return given[0] === expected ? null : 'does not match the session'
}
