/** The filter bar's chips: one per filter in use, saying what it keeps, with a way to remove it. */
import { storeToRefs } from 'pinia'
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { useCodeLabels } from '@/app/useCodeLabels'
import { useFormatters } from '@/app/useFormatters'
import { CODE_FILTERS, TEXT_FILTERS } from '@/logKinds/filters'
import { defaultViewState, narrowingPart, type LogViewState } from '@/logKinds/viewState'
import { useMetaStore } from '@/stores/meta'
import { useLogIfAny } from '@/logPage/logContext'

export interface FilterChip {
  key: string
  label: string
  remove: () => void
}

export interface UseFilterChipsOptions {
  /** The page's state. */
  state: () => LogViewState
  /** Applies a state (the one without a removed chip's filter). */
  change: (state: LogViewState) => void
}

/** Reset: the page as it opens, but narrowed as it is, and with the columns the merchant set (not a filter). */
export const resetState = (state: LogViewState): LogViewState => ({
  ...defaultViewState(),
  ...narrowingPart(state),
  hidden: state.hidden,
})

/** Clear all, beside the chips: as Reset, but the view mode stays too (it is no filter either). */
export const withoutFilters = (state: LogViewState): LogViewState => ({ ...resetState(state), view: state.view })

export function useFilterChips(options: UseFilterChipsOptions): ComputedRef<FilterChip[]> {
  const { t } = useI18n()
  const label = useCodeLabels()
  const { formatDateTime } = useFormatters()
  const { accounts, shops } = storeToRefs(useMetaStore())
  const log = useLogIfAny()
  const update = <K extends keyof LogViewState>(key: K, value: LogViewState[K]) =>
    options.change({ ...options.state(), [key]: value })

  return computed<FilterChip[]>(() => {
    const s = options.state()
    const list: FilterChip[] = []
    const names = (prefix: string, codes: number[]) => codes.map((c) => label(`${prefix}.${c}`)).join(', ')
    if (s.accountId !== null) {
      const account = accounts.value.find((a) => a.id === s.accountId)
      list.push({
        key: 'account',
        label: `${t('filters.account')}: ${account?.title ?? s.accountId}`,
        remove: () => update('accountId', null),
      })
    }
    if (s.shopId !== null) {
      const shop = shops.value.find((x) => x.id === s.shopId)
      list.push({
        key: 'shop',
        label: `${t('filters.shop')}: ${shop ? `${shop.region} (${shop.name})` : s.shopId}`,
        remove: () => update('shopId', null),
      })
    }
    if (s.from || s.to) {
      const range = `${s.from ? formatDateTime(Date.parse(s.from)) : '…'} – ${s.to ? formatDateTime(Date.parse(s.to)) : '…'}`
      list.push({
        key: 'date',
        label: `${t('filters.dateRange')}: ${range}`,
        remove: () => options.change({ ...s, from: null, to: null }),
      })
    }
    for (const filter of CODE_FILTERS) {
      const codes = s[filter.stateKey]
      if (codes.length)
        list.push({
          key: filter.urlKey,
          label: `${t(filter.labelKey)}: ${names(filter.stateKey, codes)}`,
          remove: () => update(filter.stateKey, []),
        })
    }
    // The message's chip comes after the columns' (the URL writes it first).
    const texts = [...TEXT_FILTERS.filter((f) => f.urlKey !== 'q'), ...TEXT_FILTERS.filter((f) => f.urlKey === 'q')]
    for (const { urlKey: key, labelKey } of texts) {
      if (s[key].trim())
        list.push({
          key,
          label: `${t(labelKey)}: ${t('filters.quoted', { text: s[key].trim() })}`,
          remove: () => update(key, ''),
        })
    }
    // A Problems row drilled into: its message, numbers as "#" (the key itself until it is held).
    if (s.shape !== null) {
      const text = log?.shapeText(s.shape) ?? s.shape
      list.push({
        key: 'shape',
        label: `${t('filters.shape')}: ${t('filters.quoted', { text: text.length > 80 ? `${text.slice(0, 80)}…` : text })}`,
        remove: () => update('shape', null),
      })
    }
    return list
  })
}
