import { storeToRefs } from 'pinia'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { AppLocale } from '@/locales'
import { useAppConfigStore } from '@/stores/appConfig'

const BCP47: Record<AppLocale, string> = { en_US: 'en-US', pl_PL: 'pl-PL' }

/** Dates and numbers for the current locale, dates in the admin's time zone (Intl). */
export function useFormatters() {
  const { locale } = useI18n()
  const { config } = storeToRefs(useAppConfigStore())
  const tag = computed(() => BCP47[locale.value as AppLocale] ?? 'en-US')

  const dateTime = computed(() => {
    try {
      return new Intl.DateTimeFormat(tag.value, {
        dateStyle: 'medium',
        timeStyle: 'medium',
        timeZone: config.value.timeZone,
      })
    } catch {
      // An unknown time zone from the host: fall back to UTC rather than break the page.
      return new Intl.DateTimeFormat(tag.value, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })
    }
  })
  const number = computed(() => new Intl.NumberFormat(tag.value))

  return {
    locale: tag,
    formatDateTime: (ms: number) => dateTime.value.format(ms),
    formatNumber: (value: number) => number.value.format(value),
  }
}
