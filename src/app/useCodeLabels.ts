import { resolveValue } from '@intlify/core-base'
import { useI18n } from 'petite-vue-i18n'
import { DEFAULT_LOCALE } from '@/locales'
import { withCodeLabels } from '@/locales/codeLabel'

/**
 * Texts without parameters already given, per language, keyed by that language's messages: a
 * language's messages are set whole (setAppLocale), never edited, so new messages start afresh.
 * The grid names a type, an action and a run mode in every row it draws: petite-vue-i18n makes a
 * message context for each call, about 4 ms of a keystroke's 45 at 100,000 records.
 */
const given = new WeakMap<object, Map<string, string>>()

/** `t` for components, naming the codes it has no text for by number ("Action 97"). */
export function useCodeLabels() {
  const { t, locale, getLocaleMessage } = useI18n()
  // petite-vue-i18n has no `te`: a code's key exists when the language's messages hold something
  // at its path (a code's key is always a leaf: `actions.97`).
  const has = (key: string, language: string) => resolveValue(getLocaleMessage(language), key) != null
  const label = withCodeLabels(
    (key, named, plural) => (named ? (plural === undefined ? t(key, named) : t(key, named, plural)) : t(key)),
    (key) => has(key, locale.value) || has(key, DEFAULT_LOCALE),
  )
  return (key: string, named?: Record<string, unknown>, plural?: number): string => {
    if (named) return label(key, named, plural)
    // Read reactively, as `t` reads them: a render that names something renders again in another language.
    const messages = getLocaleMessage(locale.value)
    let texts = given.get(messages)
    if (!texts) given.set(messages, (texts = new Map()))
    let text = texts.get(key)
    if (text === undefined) texts.set(key, (text = label(key)))
    return text
  }
}
