import { useI18n } from 'vue-i18n'
import { DEFAULT_LOCALE } from '@/locales'
import { withCodeLabels } from '@/locales/codeLabel'

/** `t` for components, naming the codes it has no text for by number ("Action 97"). */
export function useCodeLabels() {
  const { t, te } = useI18n()
  return withCodeLabels(
    (key, named, plural) => (named ? (plural === undefined ? t(key, named) : t(key, named, plural)) : t(key)),
    (key) => te(key) || te(key, DEFAULT_LOCALE),
  )
}
