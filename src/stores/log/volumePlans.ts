/**
 * The volume chart's and the trends' buckets. Their date maths (with dayjs and its time zone data)
 * load once the page asks for the chart (after the first rows), not before them; until then the
 * query counts no histogram.
 */
import { computed, markRaw, shallowRef, type ComputedRef, type Ref } from 'vue'
import type { LogSummaryBody } from '@/api/schemas'
import { TYPE_SLOTS, typeSlot, type HistogramRequest, type LogEngine } from '@/engine'
import type { LogKind } from '@/logKinds'
import type { LogViewState } from '@/logKinds/viewState'
import type * as VolumeDates from '@/time/volumePlan'
import type { VolumePlan } from '@/time/volumePlan'

const HOUR_MS = 3_600_000

/** What the volume plans read of the app's config (the config store has it): the admin's time zone. */
export interface VolumeConfig {
  readonly config: { readonly timeZone: string }
}

export interface UseVolumePlansOptions<K extends LogKind> {
  config: VolumeConfig
  held: Ref<LogEngine<K>>
  viewState: Ref<LogViewState>
  /** The whole log's summary, and its extent, for a log held as a window. */
  wholeLog: Ref<LogSummaryBody | null>
  summaryExtent: Ref<{ min: number; max: number } | null>
  /** The engine's hourly counts of the current result (read lazily: the result reads the plan). */
  hourly(): Uint32Array | null
}

export interface VolumePlans {
  /** Asks for the chart's date maths (once). */
  showChart(): void
  /** The chart's date maths are not loaded yet (the page keeps the chart's place). */
  chartPending: ComputedRef<boolean>
  /** The volume chart's buckets: over the date filter, or over the dates held (the whole log's, for a window). */
  volumePlan: ComputedRef<VolumePlan | null>
  /** The hours the query counts for the chart (undefined: no chart yet). */
  histogramRequest(): HistogramRequest | undefined
  /**
   * The buckets of a repeated row's trend: the volume chart's (hours for a week or less, days
   * beyond) over the dates held within the date filter. Null until the chart's date maths load.
   */
  trendVolume: ComputedRef<VolumePlan | null>
  /** The volume chart's counts per bucket and type: the engine's hours (or the summary's), summed into days. */
  volumeHistogram: ComputedRef<Uint32Array | null>
}

export function useVolumePlans<K extends LogKind>(options: UseVolumePlansOptions<K>): VolumePlans {
  const { config, held, viewState, wholeLog, summaryExtent } = options
  const planner = shallowRef<typeof VolumeDates | null>(null)
  let plannerRequested = false
  function showChart() {
    if (plannerRequested) return
    plannerRequested = true
    void import('@/time/volumePlan').then((module) => (planner.value = markRaw(module)))
  }
  const chartPending = computed(() => planner.value === null)

  /**
   * Volume plans made again only when their dates or time zone change, not at each keystroke or
   * toggle (the calendar maths cost a few ms, and what is drawn for a plan stays valid).
   */
  function keptPlans() {
    let last: { key: string; plan: VolumePlan | null } | null = null
    return (dates: typeof VolumeDates, start: number, end: number): VolumePlan | null => {
      const key = `${start}|${end}|${config.config.timeZone}`
      if (last?.key !== key)
        last = { key, plan: end < start ? null : dates.planVolume(start, end, config.config.timeZone) }
      return last.plan
    }
  }
  const chartPlans = keptPlans()
  const trendPlans = keptPlans()

  // The date filter alone: the plans are not worked out again for a keystroke in another filter
  // (which would read the records held since the last refresh, and query them, in the key's task).
  const from = computed(() => viewState.value.from)
  const to = computed(() => viewState.value.to)
  const volumePlan = computed<VolumePlan | null>(() => {
    const dates = planner.value
    if (!dates) return null
    const state = { from: from.value, to: to.value }
    const extent = summaryExtent.value ?? held.value.dateExtent()
    if (!extent) return null
    // Over the date filter, but no wider than the records held: a range of ten years around
    // a month of records would show a month of empty bars.
    const start = Math.max(state.from ? Date.parse(state.from) : extent.min, extent.min)
    const end = Math.min(state.to ? Date.parse(state.to) : extent.max, extent.max)
    return chartPlans(dates, start, end)
  })

  function histogramRequest(): HistogramRequest | undefined {
    const plan = volumePlan.value
    // Always counted by whole hours (the engine divides; no search per record). Calendar days,
    // 23 or 25 hours across a daylight-saving change, are summed from them.
    return plan && planner.value
      ? { from: plan.from, to: plan.edges[plan.buckets]! - 1, buckets: planner.value.hoursIn(plan) }
      : undefined
  }

  const trendVolume = computed<VolumePlan | null>(() => {
    const dates = planner.value
    const extent = held.value.dateExtent()
    if (!dates || !extent) return null
    const state = { from: from.value, to: to.value }
    const start = Math.max(state.from ? Date.parse(state.from) : extent.min, extent.min)
    const end = Math.min(state.to ? Date.parse(state.to) : extent.max, extent.max)
    return trendPlans(dates, start, end)
  })

  /** The summary's UTC hours as the plan's hours (a half-hour time zone puts each in the hour it starts in). */
  function summaryHours(plan: VolumePlan, whole: LogSummaryBody): Uint32Array {
    const hours = planner.value!.hoursIn(plan)
    const counts = new Uint32Array(hours * TYPE_SLOTS)
    for (const [hour, type, n] of whole.hours) {
      const index = Math.floor((hour - plan.from) / HOUR_MS)
      if (index >= 0 && index < hours) counts[index * TYPE_SLOTS + typeSlot(type)]! += n
    }
    return counts
  }

  const volumeHistogram = computed<Uint32Array | null>(() => {
    const plan = volumePlan.value
    const whole = wholeLog.value
    const hourly = whole && plan && planner.value ? summaryHours(plan, whole) : options.hourly()
    return plan && hourly && planner.value ? planner.value.bucketCounts(plan, hourly, TYPE_SLOTS) : null
  })

  return { showChart, chartPending, volumePlan, histogramRequest, trendVolume, volumeHistogram }
}
