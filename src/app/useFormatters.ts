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

  /** A formatter in the admin's time zone; an unknown zone from the host falls back to UTC. */
  function zoned(options: Intl.DateTimeFormatOptions) {
    try {
      return new Intl.DateTimeFormat(tag.value, { ...options, timeZone: config.value.timeZone })
    } catch {
      return new Intl.DateTimeFormat(tag.value, { ...options, timeZone: 'UTC' })
    }
  }
  const dateTime = computed(() => zoned({ dateStyle: 'medium', timeStyle: 'medium' }))
  const time = computed(() => zoned({ timeStyle: 'medium' }))
  const day = computed(() => zoned({ dateStyle: 'short' }))
  const number = computed(() => new Intl.NumberFormat(tag.value))

  return {
    locale: tag,
    formatDateTime: (ms: number) => dateTime.value.format(ms),
    /** The time of `ms`; with its date as well when that is not the day of `sameDayAs`. */
    formatTime: (ms: number, sameDayAs: number) =>
      day.value.format(ms) === day.value.format(sameDayAs) ? time.value.format(ms) : dateTime.value.format(ms),
    formatNumber: (value: number) => number.value.format(value),
  }
}
