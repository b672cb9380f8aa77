/**
 * A log held as its newest window is put aside, not dropped, while a date range before the
 * window is looked at (the server is asked for that range alone). Coming back to the log, the
 * window is held again at once, and only what arrived meanwhile is asked for: a second load of a
 * million records would take seconds.
 */
import type { LogEngine } from '@/engine'
import type { LogKind } from '@/logKinds'
import { narrowingKey, type LogWindow, type Narrowing } from '@/stores/loader/types'

/** What a window's load left, to be held again. */
export interface HeldWindow<K extends LogKind> {
  engine: LogEngine<K>
  loaded: number
  totalEstimate: number | null
  window: LogWindow
}

export interface WindowParking<K extends LogKind> {
  /**
   * The narrowing changes from `current` to `next`. Returns the window put aside under `next`, if
   * there is one (it is held again); else puts `held` aside when `next` is a date range of
   * `current`, and forgets what was aside when `next` is another narrowing.
   */
  change(current: Narrowing, next: Narrowing, held: HeldWindow<K> | null): HeldWindow<K> | null
  /** Forgets what was put aside (the log was cleared or loaded again). */
  drop(): void
}

/** The narrowing without its date range. */
const withoutDates = (narrowing: Narrowing): string => narrowingKey({ ...narrowing, from: undefined, to: undefined })

const hasDates = (narrowing: Narrowing) => narrowing.from !== undefined || narrowing.to !== undefined

export function useWindowParking<K extends LogKind>(): WindowParking<K> {
  let parked: { key: string; held: HeldWindow<K> } | null = null

  return {
    change(current, next, held) {
      const nextKey = narrowingKey(next)
      if (parked?.key === nextKey) {
        const back = parked.held
        parked = null
        return back
      }
      if (held && !hasDates(current) && hasDates(next) && withoutDates(next) === narrowingKey(current))
        parked = { key: narrowingKey(current), held }
      else if (parked && withoutDates(next) !== parked.key) parked = null
      return null
    },
    drop() {
      parked = null
    },
  }
}
