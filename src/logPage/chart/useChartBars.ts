import type uPlot from 'uplot'
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { VolumePlan } from '@/time/volumePlan'
import { bucketTotals, countAt, shownTypes, stackedSeries, stackOrder } from '@/logPage/chart/volumeBars'

export interface UseChartBarsOptions {
  plan: MaybeRefOrGetter<VolumePlan>
  /** `plan.buckets * TYPE_SLOTS` counts, bucket-major (the engine's histogram). */
  histogram: MaybeRefOrGetter<Uint32Array>
  /** The log's type codes, in the order the type chips show them. */
  types: MaybeRefOrGetter<number[]>
}

export interface ChartBars {
  /** The types with a series: the log's, and `OTHER_TYPES` when types the app does not know are counted. */
  types: ComputedRef<number[]>
  /** The series from the baseline up. */
  stackOrder: ComputedRef<number[]>
  /** Each bucket's records, every type's together. */
  totals: ComputedRef<number[]>
  /** The records of `type` in `bucket`. */
  countAt(bucket: number, type: number): number
  /** uPlot's data: the buckets' indexes, then the stacked series, tallest first. */
  data(): uPlot.AlignedData
}

/** The volume chart's bars over the histogram it is given (the maths is in volumeBars.ts). */
export function useChartBars(options: UseChartBarsOptions): ChartBars {
  const buckets = () => toValue(options.plan).buckets
  const histogram = () => toValue(options.histogram)
  const types = computed(() => shownTypes(histogram(), buckets(), toValue(options.types)))
  const order = computed(() => stackOrder(types.value))
  return {
    types,
    stackOrder: order,
    totals: computed(() => bucketTotals(histogram(), buckets(), types.value)),
    countAt: (bucket, type) => countAt(histogram(), bucket, type),
    data: () => [
      Float64Array.from({ length: buckets() }, (_, b) => b),
      ...stackedSeries(histogram(), buckets(), order.value),
    ],
  }
}
