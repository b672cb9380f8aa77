import enUS from '@/locales/en_US'
import plPL from '@/locales/pl_PL'

export type MessageSchema = typeof enUS
export const LOCALES = ['en_US', 'pl_PL'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'en_US'

export const messages: Record<AppLocale, MessageSchema> = { en_US: enUS, pl_PL: plPL }

/** Accepts `en_US`, `pl_PL` and their short or BCP 47 forms (`pl`, `pl-PL`). */
export function parseLocale(value: unknown): AppLocale | undefined {
  if (typeof value !== 'string') return undefined
  const lower = value.toLowerCase()
  if (lower === 'pl' || lower === 'pl_pl' || lower === 'pl-pl') return 'pl_PL'
  if (lower === 'en' || lower === 'en_us' || lower === 'en-us') return 'en_US'
  return undefined
}
