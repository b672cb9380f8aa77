/**
 * The browser's localStorage, where the app keeps what a merchant chose per log and per host user
 * (saved views, the last visit, the filter panel), under keys of one shape.
 */
import type { LogKind } from '@/logKinds'

/** localStorage, or null where the browser has none or blocks it (some throw on access then). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** `tts-logs:<what>:v1:<host user>:<log>`: one entry per log and per host user (`userKey`). */
export function logStorageKey(what: string, userKey: string, kind: LogKind): string {
  return `tts-logs:${what}:v1:${encodeURIComponent(userKey || 'default')}:${kind}`
}
