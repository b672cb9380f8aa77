import { createI18n } from 'vue-i18n'
import { DEFAULT_LOCALE, messages, type AppLocale, type MessageSchema } from '@/locales'

export function createAppI18n(locale: AppLocale = DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    // Messages are plain strings compiled at build time; no runtime compilation (CSP-safe).
    missingWarn: false,
    fallbackWarn: false,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
