import type { Language } from 'element-plus/es/locale'
import elementEnglish from 'element-plus/es/locale/lang/en'
import enUS from '@/locales/en_US'
import type { AppLocale } from '@/locales/match'

export type MessageSchema = typeof enUS
export {
  canonicalLocale,
  DEFAULT_LOCALE,
  LANGUAGE_TAGS,
  LOCALES,
  matchLocale,
  parseLocale,
  type AppLocale,
  type LocaleMatch,
} from '@/locales/match'

/** A language's texts: the app's own and Element Plus's. */
export interface LocaleBundle {
  messages: MessageSchema
  element: Language
}

/** Languages loaded so far. English, the fallback, is always there; the others load on demand. */
const loaded = new Map<AppLocale, LocaleBundle>([['en_US', { messages: enUS, element: elementEnglish }]])

/** A language's texts, once loaded (see loadLocale); English always. */
export function loadedLocale(locale: AppLocale): LocaleBundle | undefined {
  return loaded.get(locale)
}

/** Loads a language's texts (Polish is its own chunk, fetched the first time it is chosen). */
export async function loadLocale(locale: AppLocale): Promise<LocaleBundle> {
  const known = loaded.get(locale)
  if (known) return known
  const polish = await import('@/locales/polish')
  const bundle: LocaleBundle = { messages: polish.messages, element: polish.element }
  loaded.set(locale, bundle)
  return bundle
}

/** Regions whose week starts on a Sunday, and on a Saturday (CLDR's week data); Maldives: Friday. */
const SUNDAY_FIRST = new Set(
  (
    'AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX ' +
    'MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'
  ).split(' '),
)
const SATURDAY_FIRST = new Set('AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '))

/** The first day of the week in a region (`DE`), 1 Monday … 7 Sunday: Monday unless listed above. */
export function regionFirstDay(region: string | undefined): number {
  if (!region) return 1
  return SUNDAY_FIRST.has(region) ? 7 : SATURDAY_FIRST.has(region) ? 6 : region === 'MV' ? 5 : 1
}

type WeekInfo = { firstDay: number }

/**
 * The first day of the week in a BCP 47 locale, 1 Monday … 7 Sunday (Intl's numbering): Monday
 * in `de-DE` and `pl`, Sunday in `en-US` and `fr-CA`. Intl knows it (`getWeekInfo()`, or the
 * older `weekInfo` getter); a browser without either gets the table's day for the locale's region.
 */
export function firstDayOfWeek(tag: string): number {
  const locale = new Intl.Locale(tag) as Intl.Locale & { getWeekInfo?(): WeekInfo; weekInfo?: WeekInfo }
  const info = locale.getWeekInfo?.() ?? locale.weekInfo
  return info?.firstDay ?? regionFirstDay(locale.maximize().region)
}
