/**
 * Element Plus's configuration (its namespace, its texts in the app's language, the app's ids),
 * provided under Element Plus's own keys, as el-config-provider provides them. Not when the app
 * starts: the keys' modules bring Element Plus's locale helpers and their lodash and VueUse parts,
 * and the first rows need none of Element Plus's code (deferredUi.ts). So it is provided
 * - to the whole app, when the form controls' code arrives (deferredUi.ts, before any control
 *   shows), and
 * - by each lazily loaded component that holds Element Plus's own (the date filter, the dialogs,
 *   the drawer, the Logs Clearing page), which may come before the controls.
 * Size, z-index and empty values are not set, which is what Element Plus assumes when they are
 * not provided.
 */
import { configProviderContextKey, ID_INJECTION_KEY, localeContextKey, namespaceContextKey } from 'element-plus'
import { useI18n } from 'petite-vue-i18n'
import { computed, effectScope, inject, provide, type App, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import type { Language } from 'element-plus/es/locale'
import { ELEMENT_IDS, ELEMENT_NAMESPACE } from '@/app/elementNamespace'
import { localesLoaded } from '@/app/i18n'
import { loadedLocale, type AppLocale } from '@/locales'

/** An app, with what its configuration is made of. */
export interface ElementApp {
  app: App
  /** Its language (its i18n's locale). */
  locale: Readonly<Ref<string>>
  /** Its Element Plus ids (the value of ELEMENT_IDS). */
  ids: { prefix: number; current: number }
}

/** Element Plus's own texts (date pickers, tags, "No data") in the language `locale` names. */
const languageOf = (locale: Readonly<Ref<string>>): ComputedRef<Language> =>
  computed(() => {
    void localesLoaded.value
    return (loadedLocale(locale.value as AppLocale) ?? loadedLocale('en_US')!).element
  })

/** Element Plus's texts in the app's language, for a component. */
export const useElementLanguage = (): ComputedRef<Language> => languageOf(useI18n().locale)

function provideConfiguration(
  give: <T>(key: InjectionKey<T> | string, value: T) => void,
  language: ComputedRef<Language>,
  ids: ElementApp['ids'] | null,
) {
  give(
    configProviderContextKey,
    computed(() => ({ namespace: ELEMENT_NAMESPACE, locale: language.value })),
  )
  give(
    namespaceContextKey,
    computed(() => ELEMENT_NAMESPACE),
  )
  give(localeContextKey, language)
  if (ids) give(ID_INJECTION_KEY, ids)
}

/** Provides Element Plus's configuration to what this component renders. */
export function provideElementContext(): void {
  provideConfiguration(provide, useElementLanguage(), inject(ELEMENT_IDS, null))
}

/**
 * Provides Element Plus's configuration to the whole of `target`'s app (every component reads
 * the app's provides, those set after it mounted included). Returns what stops its language from
 * following the app's, for the app's unmount.
 */
export function provideElementContextToApp(target: ElementApp): () => void {
  const scope = effectScope(true)
  scope.run(() =>
    provideConfiguration((key, value) => void target.app.provide(key, value), languageOf(target.locale), target.ids),
  )
  return () => scope.stop()
}
