import { resolveValue } from '@intlify/core-base'
import { useI18n } from 'petite-vue-i18n'
import { DEFAULT_LOCALE } from '@/locales'
import { withCodeLabels } from '@/locales/codeLabel'

/** `t` for components, naming the codes it has no text for by number ("Action 97"). */
export function useCodeLabels() {
  const { t, locale, getLocaleMessage } = useI18n()
  // petite-vue-i18n has no `te`: a code's key exists when the language's messages hold something
  // at its path (a code's key is always a leaf: `actions.97`).
  const has = (key: string, language: string) => resolveValue(getLocaleMessage(language), key) != null
  return withCodeLabels(
    (key, named, plural) => (named ? (plural === undefined ? t(key, named) : t(key, named, plural)) : t(key)),
    (key) => has(key, locale.value) || has(key, DEFAULT_LOCALE),
  )
}
