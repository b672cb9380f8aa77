import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { defineComponent, h, type Component, type Plugin } from 'vue'
import { defaultViewState, type LogViewState } from '@/logKinds/viewState'
import type { LogKind, LogRecord } from '@/logKinds'
import { provideLog } from '@/logPage/logContext'
import { useLogStore, type LogStore } from '@/stores/logStore'
import { createAppI18n } from '@/app/i18n'
import type { Router } from 'vue-router'
import { createAppRouter } from '@/app/router'
import { registerElementApp } from '@/app/elementApps'
import { ELEMENT_IDS } from '@/app/elementNamespace'
import type { AppLocale } from '@/locales'
import { useAppConfigStore, type AppConfig } from '@/stores/appConfig'

/** Mounts with a fresh Pinia, a memory router and i18n, as the app factory does. */
/**
 * As an app's root does (createLogsApp, useElementConfiguration): the app's Element Plus ids, and
 * Element Plus's configuration given to the app once its code is there (src/app/elementApps.ts).
 */
export const elementApp = (i18n: ReturnType<typeof createAppI18n>, prefix: number): Plugin => ({
  install: (app) => {
    const ids = { prefix, current: 0 }
    app.provide(ELEMENT_IDS, ids)
    app.onUnmount(registerElementApp({ app, locale: i18n.global.locale, ids }))
  },
})

export async function mountWithApp<T extends Component>(
  component: T,
  options: ComponentMountingOptions<T> & {
    path?: string
    locale?: AppLocale
    config?: Partial<AppConfig>
    /** Called with the router before anything is mounted (guards the app adds before its pages'). */
    routerSetup?: (router: Router) => void
  } = {},
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter('memory')
  options.routerSetup?.(router)
  await router.push(options.path ?? '/listings/logs')
  await router.isReady()
  const config = useAppConfigStore(pinia)
  config.configure({ timeZone: 'UTC', ...options.config })
  const i18n = createAppI18n(options.locale ?? 'en_US')
  const wrapper = mount(component, {
    ...options,
    attachTo: document.body,
    global: {
      plugins: [pinia, router, i18n, elementApp(i18n, 7000)],
      ...options.global,
    },
  } as ComponentMountingOptions<T>)
  return { wrapper, router, pinia, config }
}

/**
 * Mounts a part of a log page (grid, drawer, dialog, export) with the log it reads: the real
 * store of `kind`, holding `records`, provided as LogPage provides it.
 */
export async function mountWithLog<T extends Component>(
  component: T,
  options: {
    kind: LogKind
    /** Records of that log. */
    records: LogRecord[]
    state?: Partial<LogViewState>
    props?: Record<string, unknown> | ((store: LogStore) => Record<string, unknown>)
    config?: Partial<AppConfig>
    status?: 'complete'
    locale?: AppLocale
  },
) {
  let store: LogStore | null = null
  const Host = defineComponent({
    emits: ['show', 'close', 'open', 'details', 'sort'],
    setup() {
      store = useLogStore(options.kind)
      provideLog(store)
      ;(store.showNewer as (records: LogRecord[]) => void)(options.records)
      store.setViewState({ ...defaultViewState(), ...options.state })
      const props = typeof options.props === 'function' ? options.props(store) : (options.props ?? {})
      return () => h(component as Component, props)
    },
  })
  const mounted = await mountWithApp(Host, { config: options.config, locale: options.locale })
  if (options.status) store!.status = options.status
  return { ...mounted, store: store! }
}

/**
 * Waits, flushing Vue's updates, until `check` holds (a real backend or a lazy chunk answers),
 * looking again every 20 ms for up to 20 s (the test's own timeout is 30 s). Not under fake timers:
 * vi.waitFor advances them.
 */
export async function until(check: () => boolean, timeoutMs = 20_000) {
  await vi.waitFor(
    async () => {
      await flushPromises()
      if (!check()) throw new Error(`still waiting for ${check.toString()}`)
    },
    { timeout: timeoutMs, interval: 20 },
  )
}

/** A do-nothing 2D context: jsdom cannot draw, and what is under test is the chart's wiring. (The test restores `getContext` after.) */
export function fakeCanvas() {
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) =>
      key in target ? target[key] : key === 'measureText' ? () => ({ width: 10 }) : () => undefined,
    set: (target, key, value) => ((target[key] = value), true),
  })
  HTMLCanvasElement.prototype.getContext = (() => context) as unknown as typeof HTMLCanvasElement.prototype.getContext
  ;(globalThis as { Path2D?: unknown }).Path2D = class {
    rect() {}
    moveTo() {}
    lineTo() {}
    arc() {}
    closePath() {}
    addPath() {}
  }
}
