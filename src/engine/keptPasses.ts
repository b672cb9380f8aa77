/**
 * The passes a LogEngine keeps (its queries' work before sorting), so that what comes back is
 * read, not passed over every record again:
 * - the Problems view's pass, for its filters (its rows are few): sorting again, or coming back
 *   to the view;
 * - the other views' last pass (the same query sorted again), and the pass of the view left last
 *   (the unique checkbox ticked off, then on again), as long as nothing else changed.
 * A pass is made in the engine's scratch buffers, which the next pass writes again: one kept
 * beyond that is copied out of them first (`detach`). A pass whose rows are a view never written
 * again (every record shown, nothing collapsed) is kept as it is.
 */
import { detach, partsKey, type Pass, type PassFigures, type RowKeys } from './queryParts'
import { passesEveryRecord, type FilterPlan } from './plan'
import type { LogQueryOptions } from './types'

type View = RowKeys['view']

export class KeptPasses {
  private problems: { key: string; pass: Pass } | null = null
  /** The last pass of the other views, in the scratch buffers unless it was a kept one. */
  private current: { key: string; view: View; pass: Pass; kept: boolean } | null = null
  /** The pass of the view before the current one, copied out of the scratch buffers. */
  private other: { key: string; pass: Pass } | null = null

  /** The Problems pass of `key`: kept, or made by `make` (in the scratch buffers) and kept. */
  problemsPass(key: string, make: () => Pass): Pass {
    if (this.problems?.key !== key) {
      this.keepCurrent('problems')
      this.problems = { key, pass: detach(make()) }
    }
    return this.problems.pass
  }

  /** The pass of `view` for `key`: the last one or the one left last, or made by `make`. */
  viewPass(key: string, view: View, make: () => Pass): Pass {
    if (this.current?.key !== key) {
      const back = this.other?.key === key ? this.other.pass : null
      this.keepCurrent(view)
      this.current = { key, view, pass: back ?? make(), kept: back !== null }
    }
    return this.current.pass
  }

  /** Forgets every pass. */
  clear(): void {
    this.problems = null
    this.current = null
    this.other = null
  }

  /**
   * Before a pass of `next`'s view writes the scratch buffers again: the current pass is kept
   * when it is another view's (one copy, for coming back to it), and let go when it is the same
   * view's (a filter typed: what it held will not be asked for again).
   */
  private keepCurrent(next: View | 'problems') {
    const current = this.current
    this.current = null
    if (current && current.view !== next)
      this.other = { key: current.key, pass: current.kept ? current.pass : detach(current.pass) }
  }
}

/**
 * The figures of the last few passes that let every record held through (no filter), whatever
 * their view: they count records, not rows. The unique checkbox ticked off over no filter then
 * needs no pass at all: its rows are the date order, and its figures those of such a pass (the
 * unique view's just before, usually).
 */
export class WholeLogFigures {
  private readonly held = new Map<string, PassFigures>()

  /**
   * What the figures of a pass over no filter depend on: the records held (`count` of them), the
   * last visit and what "new" groups on (newGrouping), and the chart's buckets. Null when the
   * pass is not over no filter ("only new" is one).
   */
  keyOf(plan: FilterPlan, options: LogQueryOptions, count: number, grouping: boolean | 'problems' | null) {
    if (options.onlyNew || !passesEveryRecord(plan)) return null
    return partsKey([count, options.newSince ?? null, grouping, options.histogram ?? null])
  }

  get(key: string | null): PassFigures | null {
    return key === null ? null : (this.held.get(key) ?? null)
  }

  /** The pass, its figures kept under `key` (unless null) with the last few (a histogram each). */
  kept<P extends PassFigures>(key: string | null, pass: P): P {
    if (key === null) return pass
    const { total, matched, newCount, typeCounts, histogram } = pass
    this.held.delete(key)
    this.held.set(key, { total, matched, newCount, typeCounts, histogram })
    if (this.held.size > 4) this.held.delete(this.held.keys().next().value!)
    return pass
  }

  clear(): void {
    this.held.clear()
  }
}
