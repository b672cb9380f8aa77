/**
 * Element Plus's configuration (its namespace, its texts in the app's language, the app's ids),
 * provided under Element Plus's own keys, as el-config-provider provides them, by the components
 * that hold Element Plus's: the lazily loaded controls (elementParts.ts), the date filter, the
 * dialogs, the drawer and the Logs Clearing page. Not at the app's root: the keys' modules bring
 * Element Plus's locale helpers and their lodash and VueUse parts, and the first rows need none of
 * Element Plus's code (deferredUi.ts). Size, z-index and empty values are not set, which is what
 * Element Plus assumes when they are not provided.
 */
import { configProviderContextKey, ID_INJECTION_KEY, localeContextKey, namespaceContextKey } from 'element-plus'
import { useI18n } from 'petite-vue-i18n'
import { computed, defineComponent, inject, provide, type ComputedRef } from 'vue'
import type { Language } from 'element-plus/es/locale'
import { ELEMENT_IDS, ELEMENT_NAMESPACE } from '@/app/elementNamespace'
import { localesLoaded } from '@/app/i18n'
import { loadedLocale, type AppLocale } from '@/locales'

/** Element Plus's own texts (date pickers, tags, "No data"), in the app's language. */
export function useElementLanguage(): ComputedRef<Language> {
  const { locale } = useI18n()
  return computed(() => {
    void localesLoaded.value
    return (loadedLocale(locale.value as AppLocale) ?? loadedLocale('en_US')!).element
  })
}

/** Provides Element Plus's configuration to what this component renders. */
export function provideElementContext(): void {
  const language = useElementLanguage()
  provide(
    configProviderContextKey,
    computed(() => ({ namespace: ELEMENT_NAMESPACE, locale: language.value })),
  )
  provide(
    namespaceContextKey,
    computed(() => ELEMENT_NAMESPACE),
  )
  provide(localeContextKey, language)
  const ids = inject(ELEMENT_IDS, null)
  if (ids) provide(ID_INJECTION_KEY, ids)
}

/** Renders its slot with Element Plus's configuration provided. */
export const ElementScope = defineComponent({
  name: 'ElementScope',
  setup(_, { slots }) {
    provideElementContext()
    // One child is rendered as the root (no fragment): `$el` stays the control's element.
    return () => {
      const nodes = slots.default?.() ?? []
      return nodes.length === 1 ? nodes[0] : nodes
    }
  },
})
