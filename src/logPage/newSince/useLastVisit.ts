import { onBeforeUnmount } from 'vue'
import type { LogKind } from '@/logKinds'
import { readLastVisit, writeLastVisit } from '@/logPage/newSince/lastVisit'
import { useAppConfigStore } from '@/stores/appConfig'

/** A visit counts after this long on the page (or when the merchant leaves it sooner). */
export const VISIT_COUNTS_AFTER_MS = 60_000

export interface LastVisit {
  /** The last visit (UTC ms); null on the first visit, or when it could not be read. */
  since: number | null
  /** Why the last visit could not be read (a locale key under `newSince.`), or null. */
  problem: 'unavailable' | 'corrupt' | null
}

/**
 * The merchant's last visit to a log page, read when the page opens, and this visit, recorded
 * when the merchant leaves the page or after a minute on it: never on load, so reloading to look
 * again keeps the "New" badges. (Closing the browser tab within the minute is not a visit.)
 */
export function useLastVisit(kind: LogKind): LastVisit {
  const userKey = useAppConfigStore().config.userKey
  const read = readLastVisit(userKey, kind)
  const openedAt = Date.now()
  let counted = false
  function count() {
    if (counted) return
    counted = true
    writeLastVisit(userKey, kind, openedAt)
  }
  const timer = setTimeout(count, VISIT_COUNTS_AFTER_MS)
  onBeforeUnmount(() => {
    clearTimeout(timer)
    count()
  })
  return { since: read.since, problem: read.ok ? null : read.reason }
}
