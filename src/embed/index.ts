/**
 * The embed entry, a few kilobytes: `mount(el, options)` checks the options, starts the page's
 * first request (as the page will ask for it), and only then loads the app (mountApp.ts), which
 * adopts the request in flight. Until the app is there, `navigate()` and `update()` are checked
 * at once and applied when it arrives; `unmount()` cancels it all. The one-file IIFE build has the
 * app inside: it is there a moment later.
 */
import { narrowingOfQuery } from '@/app/firstRoute'
import {
  checkOptions,
  checkView,
  toQuery,
  type MountedLogs,
  type MountFilters,
  type MountOptions,
} from '@/embed/options'
import type { LogKind } from '@/logKinds/types'
import { DEFAULT_LOCALE, LANGUAGE_TAGS, type LocaleMatch } from '@/locales/match'
import { startFirstLoad } from '@/stores/loader/firstLoad'
import '@/styles/theme.css'

export type { AppEvent, MountedLogs, MountFilters, MountOptions, UrlTemplates } from '@/embed/options'

/** Mounts the app into `el` (an element or a selector). */
export function mount(el: HTMLElement | string, options: MountOptions = {}): MountedLogs {
  const host = typeof el === 'string' ? document.querySelector<HTMLElement>(el) : el
  if (!host) throw new Error(`tts-logs: no element matches "${String(el)}"`)
  const view = checkView(options.view)
  const query = toQuery(options.filters)
  const match = checkOptions(options)
  const firstRequests = startFirstLoad(
    {
      baseUrl: options.apiBaseUrl,
      headers: options.requestHeaders,
      params: options.requestParams,
      withCredentials: options.withCredentials,
      getToken: options.getToken,
    },
    view,
    narrowingOfQuery(view, (key) => query[key]),
  )

  let mounted = true
  let app: MountedLogs | null = null
  /** What was asked of the app before it arrived, in order. */
  const waiting: ((app: MountedLogs) => void)[] = []
  /** The language last asked for, until the app can say. */
  let choice: LocaleMatch = match ?? { language: DEFAULT_LOCALE, formatLocale: LANGUAGE_TAGS[DEFAULT_LOCALE] }

  import('@/embed/mountApp').then(
    ({ mountApp }) => {
      if (!mounted) return
      app = mountApp(host, options, { view, query, match, firstRequests })
      for (const call of waiting.splice(0)) call(app)
    },
    (error: unknown) => {
      firstRequests?.discard()
      options.onEvent?.({
        type: 'error',
        kind: 'offline',
        message: `tts-logs: the app could not be loaded (${String(error)})`,
      })
    },
  )

  const live = (what: string) => {
    if (!mounted) throw new Error(`tts-logs: ${what}() after unmount()`)
  }
  return {
    unmount() {
      if (!mounted) return
      mounted = false
      if (app) app.unmount()
      else firstRequests?.discard()
    },
    navigate(nextView: LogKind, filters?: MountFilters) {
      live('navigate')
      if (app) return app.navigate(nextView, filters)
      checkView(nextView)
      toQuery(filters)
      waiting.push((mounted) => mounted.navigate(nextView, filters))
    },
    update(next: MountOptions) {
      live('update')
      if (app) return app.update(next)
      const nextMatch = checkOptions(next)
      checkView(next.view)
      toQuery(next.filters)
      if (nextMatch) choice = nextMatch
      waiting.push((mounted) => mounted.update(next))
    },
    get language() {
      return app ? app.language : choice.language
    },
    get formatLocale() {
      return app ? app.formatLocale : choice.formatLocale
    },
  }
}
