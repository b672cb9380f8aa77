import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { provideGlobalConfig } from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { createAppI18n } from '@/app/i18n'
import { createAppRouter } from '@/app/router'
import { ELEMENT_NAMESPACE } from '@/app/elementNamespace'
import type { AppLocale } from '@/locales'
import { useAppConfigStore, type AppConfig } from '@/stores/appConfig'

/** Mounts with a fresh Pinia, a memory router and i18n, as the app factory does. */
export async function mountWithApp<T extends Component>(
  component: T,
  options: ComponentMountingOptions<T> & { path?: string; locale?: AppLocale; config?: Partial<AppConfig> } = {},
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter('memory')
  await router.push(options.path ?? '/listings/logs')
  await router.isReady()
  const config = useAppConfigStore(pinia)
  config.configure({ timeZone: 'UTC', ...options.config })
  const wrapper = mount(component, {
    ...options,
    attachTo: document.body,
    global: {
      plugins: [
        pinia,
        router,
        createAppI18n(options.locale ?? 'en_US'),
        // Element Plus under the app's own namespace, as ElementProvider does in the app.
        { install: (app) => void provideGlobalConfig({ namespace: ELEMENT_NAMESPACE }, app, true) },
      ],
      ...options.global,
    },
  } as ComponentMountingOptions<T>)
  return { wrapper, router, pinia, config }
}
