/**
 * The trends of the rows a result draws: built as each row is first drawn, then kept for that
 * result and plan (scrolling back costs nothing). A plan is made once per volume plan.
 */
import type { LogEngine, QueryResult } from '@/engine'
import type { VolumePlan } from '@/time/volumePlan'
import { buildTrend, trendPlan, type MessageTrend, type TrendPlan } from './trend'

export interface RowTrends {
  /**
   * The trend of a result's row; null for a single message, or when there is nothing to draw
   * (no plan: the date maths still loading, or repeats not collapsed).
   */
  of(volume: VolumePlan | null, engine: LogEngine, answer: QueryResult, row: number): MessageTrend | null
}

export function createRowTrends(): RowTrends {
  let plan: TrendPlan | null = null
  let drawn: { answer: QueryResult; plan: TrendPlan; rows: Map<number, MessageTrend | null> } | null = null
  return {
    of(volume, engine, answer, row) {
      if (!volume) {
        // Nothing to draw: the trends of an older result go (with it, the records they held).
        drawn = null
        return null
      }
      // One record (nothing collapses, or a row of one): no trend.
      if (answer.counts === null || (answer.counts[row] ?? 0) < 2) return null
      if (plan?.plan !== volume) plan = trendPlan(volume)
      if (drawn?.answer !== answer || drawn.plan !== plan) drawn = { answer, plan, rows: new Map() }
      let trend = drawn.rows.get(row)
      if (trend === undefined) {
        trend = buildTrend(plan, engine.datesOf(answer.membersOf(row)))
        drawn.rows.set(row, trend)
      }
      return trend
    },
  }
}
