import { createI18n, type PluralizationRule } from 'vue-i18n'
import { DEFAULT_LOCALE, messages, type AppLocale, type MessageSchema } from '@/locales'

/**
 * Polish has three forms, in this order in every pluralised pl_PL message: one (1 wpis), few
 * (2–4, 22–24, 32–34 … wpisy, but not 12–14) and many (0, 5–21, 25–31 … wpisów).
 * vue-i18n's default rule reads three forms as zero | one | many, hence "1 nowe wpisy".
 */
const polishPlural: PluralizationRule = (choice, choicesLength) => {
  const n = Math.abs(choice)
  if (choicesLength < 3) return n === 1 ? 0 : 1
  if (n === 1) return 0
  const lastDigit = n % 10
  const lastTwo = n % 100
  return lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14) ? 1 : 2
}

export function createAppI18n(locale: AppLocale = DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    // English keeps vue-i18n's default: one | other.
    pluralRules: { pl_PL: polishPlural },
    // Messages are plain strings compiled at build time; no runtime compilation (CSP-safe).
    missingWarn: false,
    fallbackWarn: false,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
