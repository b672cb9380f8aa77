/**
 * Which language a locale gets, with no texts loaded: the app's tiny embed entry checks the
 * `locale` option with it before the app (and its English texts) has loaded.
 */
export const LOCALES = ['en_US', 'pl_PL'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'en_US'

/** Each language's own BCP 47 locale: its dates and numbers when no other locale is given. */
export const LANGUAGE_TAGS: Record<AppLocale, string> = { en_US: 'en-US', pl_PL: 'pl-PL' }

/** Accepts `en_US`, `pl_PL` and their short or BCP 47 forms (`pl`, `pl-PL`). */
export function parseLocale(value: unknown): AppLocale | undefined {
  if (typeof value !== 'string') return undefined
  const lower = value.toLowerCase()
  if (lower === 'pl' || lower === 'pl_pl' || lower === 'pl-pl') return 'pl_PL'
  if (lower === 'en' || lower === 'en_us' || lower === 'en-us') return 'en_US'
  return undefined
}

/**
 * A BCP 47 or Magento locale (`de_DE`, `fr-CA`, `de`, `zh_Hans_CN`) in canonical BCP 47 form
 * (`de-DE`, `zh-Hans-CN`); undefined for what is not a locale at all (`42`, `xx_YY_ZZ`, `''`).
 * Magento writes underscores where BCP 47 has hyphens; Intl decides what is a locale.
 */
export function canonicalLocale(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    return Intl.getCanonicalLocales(value.replaceAll('_', '-'))[0]
  } catch {
    // RangeError: not a well-formed language tag.
    return undefined
  }
}

/** A locale as the app takes it: the language it shows, and the locale of its dates and numbers. */
export interface LocaleMatch {
  language: AppLocale
  /** Canonical BCP 47 (`de-DE`). */
  formatLocale: string
}

/**
 * Any locale: its interface in the closest language the app has (Polish for a Polish locale,
 * `pl`, `pl-PL`, `pl_PL`; English for every other), its dates and numbers in the locale itself
 * (`de_DE` is English with German dates). Undefined for what is not a locale.
 */
export function matchLocale(value: unknown): LocaleMatch | undefined {
  const formatLocale = canonicalLocale(value)
  if (!formatLocale) return undefined
  return { language: new Intl.Locale(formatLocale).language === 'pl' ? 'pl_PL' : 'en_US', formatLocale }
}
