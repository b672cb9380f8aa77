import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { useFormatters } from '@/app/useFormatters'
import { OTHER_TYPES } from '@/engine'
import type { ChartBars } from '@/logPage/chart/useChartBars'
import { useAppConfigStore } from '@/stores/appConfig'
import type { VolumePlan } from '@/time/volumePlan'
import { trendFormats } from '@/trend/trendFormats'

export interface UseChartTextsOptions {
  plan: MaybeRefOrGetter<VolumePlan>
  bars: ChartBars
  /** The bucket under the pointer, or null. */
  hover: Ref<number | null>
}

export interface ChartTexts {
  /** A bucket's date ("Nov 20, 2026"), or its hour ("Nov 20, 02:00 PM"), on the admin's clock. */
  bucketLabel(bucket: number): string
  typeName(type: number): string
  /** The line under the chart: the hovered bucket's counts by type, else how to use the chart. */
  readout: ComputedRef<string>
  /** The chart in one sentence (its accessible name): its buckets, range and total. */
  summary: ComputedRef<string>
}

/** What the volume chart says in words: its labels, its readout line and its accessible name. */
export function useChartTexts(options: UseChartTextsOptions): ChartTexts {
  const { t } = useI18n()
  const { formatNumber, locale } = useFormatters()
  const config = useAppConfigStore()
  const plan = () => toValue(options.plan)

  // The same bucket formats as a message's trend, which is cut into hours and days the same way.
  const formats = computed(() => trendFormats(locale.value, config.config.timeZone, plan().unit))
  const bucketLabel = (bucket: number) => formats.value.bucket(plan().edges[bucket] ?? plan().from)
  const typeName = (type: number) => (type === OTHER_TYPES ? t('unknownCodes.otherTypes') : t(`types.${type}`))

  const readout = computed(() => {
    const bucket = options.hover.value
    if (bucket === null || bucket < 0 || bucket >= plan().buckets) return t('volume.hint')
    const parts = options.bars.types.value.map(
      (type) => `${typeName(type)} ${formatNumber(options.bars.countAt(bucket, type))}`,
    )
    return `${bucketLabel(bucket)}: ${parts.join(' · ')}`
  })
  const summary = computed(() =>
    t(plan().unit === 'hour' ? 'volume.summaryHours' : 'volume.summaryDays', {
      buckets: formatNumber(plan().buckets),
      from: bucketLabel(0),
      to: bucketLabel(plan().buckets - 1),
      total: formatNumber(options.bars.totals.value.reduce((a, b) => a + b, 0)),
    }),
  )
  return { bucketLabel, typeName, readout, summary }
}
