import { resolveValue } from '@intlify/core-base'
import { createI18n, registerMessageResolver, type PluralizationRule } from 'petite-vue-i18n'
import { shallowRef, type ShallowRef } from 'vue'
import {
  DEFAULT_LOCALE,
  LANGUAGE_TAGS,
  LOCALES,
  loadLocale,
  loadedLocale,
  type AppLocale,
  type MessageSchema,
} from '@/locales'

// petite-vue-i18n, vue-i18n's translation-only build (no date or number formats, which the app
// does with Intl itself), 2 KB less before the first rows. Its messages are flat keys
// unless told otherwise: ours are grouped (`filters.shape`), so keys are read as paths, as
// vue-i18n reads them. Registered for this bundle's copy of it, before any i18n is created.
registerMessageResolver(resolveValue)

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

/**
 * An app's i18n, in `locale` when that language is loaded already (else in English until
 * setAppLocale has loaded it). Every language loaded so far comes with it.
 */
export function createAppI18n(locale: AppLocale = DEFAULT_LOCALE) {
  const messages: Partial<Record<AppLocale, MessageSchema>> = {}
  for (const code of LOCALES) {
    const bundle = loadedLocale(code)
    if (bundle) messages[code] = bundle.messages
  }
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale: messages[locale] ? locale : DEFAULT_LOCALE,
    fallbackLocale: DEFAULT_LOCALE,
    messages: messages as Record<AppLocale, MessageSchema>,
    // English keeps vue-i18n's default: one | other.
    pluralRules: { pl_PL: polishPlural },
    // Messages are plain strings compiled at build time; no runtime compilation (CSP-safe).
    missingWarn: false,
    fallbackWarn: false,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
type AppComposer = AppI18n['global']

/** What an app was last asked for: a language, and the locale of its dates and numbers. */
export interface LanguageChoice {
  language: AppLocale
  /** BCP 47: the language's own (`en-US`, `pl-PL`) unless the host gave another locale (`de-DE`). */
  formatLocale: string
}

interface AppLanguage {
  /** Last asked for, so a slow load never overrides a later choice. */
  wanted: ShallowRef<LanguageChoice>
  /** The choice the app shows: set with its language, once that language's texts are there. */
  shown: ShallowRef<LanguageChoice>
}

const languages = new WeakMap<AppComposer, AppLanguage>()

function languageOf(i18n: AppComposer): AppLanguage {
  let state = languages.get(i18n)
  if (!state) {
    const language = i18n.locale.value as AppLocale
    const choice = { language, formatLocale: LANGUAGE_TAGS[language] }
    state = { wanted: shallowRef(choice), shown: shallowRef(choice) }
    languages.set(i18n, state)
  }
  return state
}

/** Bumped when a language's texts arrive: Element Plus's texts follow (elementScope.ts). */
export const localesLoaded = shallowRef(0)

/**
 * Switches an app to `locale`, loading its texts first when needed: the app stays in the
 * language it shows until they are there (never a flash of untranslated keys). Its dates and
 * numbers follow `formatLocale` from then on; without one (the app's own language switch), the
 * language's own.
 */
export async function setAppLocale(
  i18n: AppComposer,
  locale: AppLocale,
  formatLocale: string = LANGUAGE_TAGS[locale],
): Promise<void> {
  const choice: LanguageChoice = { language: locale, formatLocale }
  const state = languageOf(i18n)
  state.wanted.value = choice
  if (!i18n.availableLocales.includes(locale)) {
    const bundle = await loadLocale(locale)
    i18n.setLocaleMessage(locale, bundle.messages)
    localesLoaded.value++
  }
  if (state.wanted.value === choice) {
    state.shown.value = choice
    i18n.locale.value = locale
  }
}

/** The language an app was last asked for (shown, or loading), and its formatting locale (reactive). */
export function languageChoice(i18n: AppComposer): LanguageChoice {
  return languageOf(i18n).wanted.value
}

/**
 * The BCP 47 locale an app shows dates and numbers in (reactive): the one that came with the
 * language it shows, so while another language loads the dates stay as they are. A language
 * set on the i18n directly (tests do) has its own.
 */
export function formatLocaleOf(i18n: AppComposer): string {
  const language = i18n.locale.value as AppLocale
  const shown = languageOf(i18n).shown.value
  return shown.language === language ? shown.formatLocale : (LANGUAGE_TAGS[language] ?? LANGUAGE_TAGS.en_US)
}
