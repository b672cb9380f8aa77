/**
 * "New since I last looked": when the merchant last viewed each log, one date per log and per
 * host user, in the browser's localStorage (beside the saved views). Unreadable data is reported
 * and, at the next write, copied aside (`…:unreadable`) rather than overwritten.
 */
import { z } from 'zod/mini'
import { browserStorage, logStorageKey } from '@/app/browserStorage'
import type { LogKind } from '@/logKinds'

export function lastVisitKey(userKey: string, kind: LogKind): string {
  return logStorageKey('last-visit', userKey, kind)
}

const lastVisitSchema = z.object({ visitedAt: z.iso.datetime() })

/**
 * `since`: the last visit (UTC ms), or null on the first visit. `unavailable`: the browser blocks
 * storage; `corrupt`: something is stored there that is not a visit. Either way nothing is new.
 */
export type LastVisitRead =
  { ok: true; since: number | null } | { ok: false; reason: 'unavailable' | 'corrupt'; since: null }

function parse(raw: string): number | null {
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return null
  }
  const parsed = lastVisitSchema.safeParse(data)
  return parsed.success ? Date.parse(parsed.data.visitedAt) : null
}

export function readLastVisit(userKey: string, kind: LogKind): LastVisitRead {
  const store = browserStorage()
  if (!store) return { ok: false, reason: 'unavailable', since: null }
  let raw: string | null
  try {
    raw = store.getItem(lastVisitKey(userKey, kind))
  } catch {
    return { ok: false, reason: 'unavailable', since: null }
  }
  if (raw === null) return { ok: true, since: null }
  const since = parse(raw)
  return since === null ? { ok: false, reason: 'corrupt', since: null } : { ok: true, since }
}

/** Records a visit at `at` (UTC ms), unless a later one is stored. False when the browser refuses to store it. */
export function writeLastVisit(userKey: string, kind: LogKind, at: number): boolean {
  const store = browserStorage()
  if (!store) return false
  const key = lastVisitKey(userKey, kind)
  try {
    const existing = store.getItem(key)
    const stored = existing === null ? null : parse(existing)
    if (existing !== null && stored === null) store.setItem(`${key}:unreadable`, existing)
    // Another tab may have recorded a later visit meanwhile: the last visit never moves back.
    if (stored !== null && stored >= at) return true
    store.setItem(key, JSON.stringify({ visitedAt: new Date(at).toISOString() }))
    return true
  } catch {
    return false
  }
}
