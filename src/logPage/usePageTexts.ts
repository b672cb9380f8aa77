/** What the page says of its rows: the summary line, and why the grid is empty. */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { useFormatters } from '@/app/useFormatters'
import type { LastVisit } from '@/logPage/newSince/useLastVisit'
import type { LogStore } from '@/stores/logStore'

export interface PageTexts {
  /** Rows and records differ when repeats collapse or runs group: then it says both. */
  summary: ComputedRef<string>
  /** The empty grid's text: an empty log, nothing new since the last visit, or nothing matching. */
  emptyText: ComputedRef<string>
}

export function usePageTexts(store: LogStore, lastVisit: LastVisit): PageTexts {
  const { t } = useI18n()
  const { formatNumber, formatDateTime } = useFormatters()
  const lastVisitText = computed(() => (lastVisit.since === null ? '' : formatDateTime(lastVisit.since)))

  const summary = computed(() => {
    const { shown, matched, total } = store.result
    if (store.result.problems)
      return t(
        'summary.problems',
        { shown: formatNumber(shown), matched: formatNumber(matched), total: formatNumber(total) },
        shown,
      )
    return shown === matched
      ? t('summary.showing', { shown: formatNumber(shown), total: formatNumber(total) }, total)
      : t(
          'summary.rows',
          { shown: formatNumber(shown), matched: formatNumber(matched), total: formatNumber(total) },
          shown,
        )
  })

  const emptyText = computed(() =>
    store.result.total === 0
      ? t('grid.emptyLog')
      : store.viewState.onlyNew
        ? lastVisitText.value
          ? t('newSince.empty', { since: lastVisitText.value })
          : t(lastVisit.problem ? `newSince.${lastVisit.problem}` : 'newSince.firstVisit')
        : t('grid.empty'),
  )
  return { summary, emptyText }
}
