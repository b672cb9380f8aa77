/**
 * The formats a trend's accessible name uses, made once per locale, time zone and bucket unit
 * (an Intl format costs far more to make than to use, and every row on screen needs them).
 */
import { canonicalLocale, LANGUAGE_TAGS, type AppLocale } from '@/locales'
import type { MessageTrend } from '@/trend/trend'

export interface TrendFormats {
  /** A day ("Nov 20, 2026"), or an hour ("Nov 20, 02:00 PM") for a trend by hours. */
  bucket(ms: number): string
  number(value: number): string
}

const made = new Map<string, TrendFormats>()

/**
 * `locale`: the formatting locale, BCP 47 (`de-DE`, useFormatters' `locale`), or one of the app's
 * languages (`pl_PL`), which stands for its own (`pl-PL`); what is neither gets `en-US`.
 */
export function trendFormats(locale: string, timeZone: string, unit: MessageTrend['unit']): TrendFormats {
  const key = `${locale}|${timeZone}|${unit}`
  let formats = made.get(key)
  if (!formats) {
    const tag = LANGUAGE_TAGS[locale as AppLocale] ?? canonicalLocale(locale) ?? LANGUAGE_TAGS.en_US
    const options: Intl.DateTimeFormatOptions =
      unit === 'hour'
        ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
        : { year: 'numeric', month: 'short', day: 'numeric' }
    let date: Intl.DateTimeFormat
    try {
      date = new Intl.DateTimeFormat(tag, { ...options, timeZone })
    } catch {
      // A time zone the host got wrong: UTC, as the rest of the page does.
      date = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' })
    }
    const number = new Intl.NumberFormat(tag)
    formats = { bucket: (ms) => date.format(ms), number: (value) => number.format(value) }
    made.set(key, formats)
  }
  return formats
}
