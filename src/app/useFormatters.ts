import { storeToRefs } from 'pinia'
import { computed } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { formatLocaleOf, type AppI18n } from '@/app/i18n'
import { useAppConfigStore } from '@/stores/appConfig'

/**
 * Dates and numbers in the app's formatting locale (the host's, `de-DE`, or the language's own),
 * dates in the admin's time zone (Intl).
 */
export function useFormatters() {
  const i18n = useI18n({ useScope: 'global' }) as AppI18n['global']
  const { config } = storeToRefs(useAppConfigStore())
  const tag = computed(() => formatLocaleOf(i18n))

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
