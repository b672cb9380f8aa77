import type { Language } from 'element-plus/es/locale'
import elementEnglish from 'element-plus/es/locale/lang/en'
import enUS from '@/locales/en_US'

export type MessageSchema = typeof enUS
export const LOCALES = ['en_US', 'pl_PL'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'en_US'

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

/** Accepts `en_US`, `pl_PL` and their short or BCP 47 forms (`pl`, `pl-PL`). */
export function parseLocale(value: unknown): AppLocale | undefined {
  if (typeof value !== 'string') return undefined
  const lower = value.toLowerCase()
  if (lower === 'pl' || lower === 'pl_pl' || lower === 'pl-pl') return 'pl_PL'
  if (lower === 'en' || lower === 'en_us' || lower === 'en-us') return 'en_US'
  return undefined
}
