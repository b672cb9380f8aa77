/**
 * Element Plus's configuration (its namespace, its texts in the app's language, the app's ids),
 * provided under Element Plus's own keys, as el-config-provider provides them. Not when the app
 * starts: the keys' modules bring Element Plus's locale helpers and their lodash and VueUse parts,
 * and the first rows need none of Element Plus's code (deferredUi.ts). So it is provided
 * - to the whole app, when the form controls' code arrives (deferredUi.ts, before any control
 *   shows), and
 * - when a lazily loaded component that holds Element Plus's own (the date filter, the dialogs,
 *   the drawer, the Logs Clearing page) is set up first, which may come before the controls.
 * Either way once per app, to the whole app (elementApps.ts keeps the apps).
 * Size, z-index and empty values are not set, which is what Element Plus assumes when they are
 * not provided.
 */
import { configProviderContextKey, ID_INJECTION_KEY, localeContextKey, namespaceContextKey } from 'element-plus'
import { useI18n } from 'petite-vue-i18n'
import { computed, effectScope, type ComputedRef, type Ref } from 'vue'
import type { Language } from 'element-plus/es/locale'
import { elementCodeArrived, type ElementApp } from '@/app/elementApps'
import { ELEMENT_NAMESPACE } from '@/app/elementNamespace'
import { localesLoaded } from '@/app/i18n'
import { loadedLocale, type AppLocale } from '@/locales'

/** Element Plus's own texts (date pickers, tags, "No data") in the language `locale` names. */
const languageOf = (locale: Readonly<Ref<string>>): ComputedRef<Language> =>
  computed(() => {
    void localesLoaded.value
    return (loadedLocale(locale.value as AppLocale) ?? loadedLocale('en_US')!).element
  })

/** Element Plus's texts in the app's language, for a component. */
export const useElementLanguage = (): ComputedRef<Language> => languageOf(useI18n().locale)

/**
 * For a part with Element Plus's own components, in its setup: its code is there, so every app
 * (this one included) is given the configuration, if not yet (elementApps.ts).
 */
export function provideElementContext(): void {
  elementCodeArrived(provideElementContextToApp)
}

/**
 * Provides Element Plus's configuration to the whole of `target`'s app (every component reads
 * the app's provides, those set after it mounted included). Returns what stops its language from
 * following the app's, for the app's unmount.
 */
export function provideElementContextToApp(target: ElementApp): () => void {
  const { app, ids } = target
  const scope = effectScope(true)
  scope.run(() => {
    const language = languageOf(target.locale)
    app.provide(
      configProviderContextKey,
      computed(() => ({ namespace: ELEMENT_NAMESPACE, locale: language.value })),
    )
    app.provide(
      namespaceContextKey,
      computed(() => ELEMENT_NAMESPACE),
    )
    app.provide(localeContextKey, language)
    app.provide(ID_INJECTION_KEY, ids)
  })
  return () => scope.stop()
}
