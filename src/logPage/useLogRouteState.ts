import { onBeforeUnmount, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery, type RouteLocationNormalized } from 'vue-router'
import type { LogKind } from '@/logKinds'
import { sameQuery, serializeViewState } from '@/logKinds/viewState'
import { parseViewState } from '@/logKinds/views/parseViewState'
import { navigationUnderWay } from '@/app/navigations'
import { useAppConfigStore } from '@/stores/appConfig'
import type { LogStore } from '@/stores/logStore'

/** Query keys that are not page state but must survive (the shell's language). */
const KEPT_KEYS = ['lang']

function stateQuery(query: LocationQuery): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(query)) {
    if (KEPT_KEYS.includes(key)) continue
    const last = Array.isArray(value) ? value[value.length - 1] : value
    if (typeof last === 'string') out[key] = last
  }
  return out
}

export interface UseLogRouteStateOptions {
  /** Typing is written to the URL after this pause. @default 300 */
  debounceMs?: number
}

/**
 * Keeps a log page's state and the URL query in step, both ways: opening a URL restores the
 * state; changing the state rewrites the URL (replace, so Back leaves the page, not a keystroke).
 * Also (re)loads the store when the narrowing changes.
 */
export function useLogRouteState(kind: LogKind, store: LogStore, options: UseLogRouteStateOptions = {}) {
  const route = useRoute()
  const router = useRouter()
  const config = useAppConfigStore()
  let timer: ReturnType<typeof setTimeout> | null = null
  /** This page's route: the state is written to its URL only. */
  const pageRoute = route.name

  /** The query this page last wrote: seeing it come back is no news (and keeps the warnings). */
  let written: Record<string, string> | null = null

  watch(
    () => route.query,
    (query) => {
      if (written && sameQuery(stateQuery(query), written)) return
      const { state, problems } = parseViewState(kind, query)
      if (
        !sameQuery(serializeViewState(state), serializeViewState(store.viewState)) ||
        problems.length !== store.problems.length
      ) {
        store.setViewState(state, problems)
      }
      void store.loadView(store.viewState)
    },
    { immediate: true },
  )

  /** The page's state as a query, with the kept keys of the URL shown now. */
  function wantedQuery() {
    const wanted = serializeViewState(store.viewState)
    const kept = Object.fromEntries(
      KEPT_KEYS.filter((key) => route.query[key] !== undefined).map((key) => [key, route.query[key]]),
    )
    return { wanted, query: { ...kept, ...wanted } }
  }

  function writeQuery() {
    // Another page's URL is its own (this one is on its way out).
    if (route.name !== pageRoute) return
    const { wanted, query } = wantedQuery()
    if (sameQuery(wanted, stateQuery(route.query))) return
    written = wanted
    void router.replace({ query })
    config.emit({ type: 'filters-change', view: kind, filters: wanted })
  }

  // The state is written to the URL once the typing pauses, and never while a navigation is under
  // way: the write would be a navigation of its own and cancel the one the merchant asked for (a
  // link followed within the pause), or land in the next page's URL. The guard below keeps it.
  const debounceMs = options.debounceMs ?? 300
  /** The state has changed since it was last written. */
  let unwritten = false

  function flush() {
    timer = null
    if (!unwritten || navigationUnderWay(router)) return
    unwritten = false
    writeQuery()
  }

  function schedule(delay = debounceMs) {
    unwritten = true
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, delay)
  }

  watch(
    () => store.viewState,
    () => {
      schedule()
      void store.loadView(store.viewState)
    },
    { deep: true },
  )

  // Back and Forward move the history before any guard runs: its entry is then the one being
  // gone to, which keeps its own URL.
  let historyMoved = false
  const stopHistoryListener = router.options.history.listen(() => {
    historyMoved = true
  })
  /** The navigation before which the typing was put into the history entry being left. */
  let savedBefore: RouteLocationNormalized | null = null

  // A navigation starts with typing not yet written: it goes into the current history entry, without
  // navigating, so Back comes back to it; the host hears it.
  const stopGuard = router.beforeEach((to) => {
    const moved = historyMoved
    historyMoved = false
    if (!unwritten) return
    unwritten = false
    if (timer) clearTimeout(timer)
    timer = null
    const { wanted, query } = wantedQuery()
    if (sameQuery(wanted, stateQuery(route.query))) return
    if (!moved) {
      router.options.history.replace(router.resolve({ path: route.path, query, hash: route.hash }).fullPath)
      savedBefore = to
    }
    config.emit({ type: 'filters-change', view: kind, filters: wanted })
  })

  const stopAfterEach = router.afterEach((to, _from, failure) => {
    // Stayed: the URL shows the typing the guard saved, and the route follows it.
    if (to === savedBefore && failure && !navigationUnderWay(router)) schedule(0)
    if (to === savedBefore) savedBefore = null
    // Typed while the navigation was under way.
    if (unwritten && !timer) schedule()
  })

  // Shown: live refresh may poll (until the page is left).
  store.activate()

  onBeforeUnmount(() => {
    stopGuard()
    stopAfterEach()
    stopHistoryListener()
    if (timer) clearTimeout(timer)
    timer = null
    // Unmounted where it is shown (the host unmounting the app): the typing is written.
    if (unwritten) writeQuery()
    // Leaving the page stops the load and live refresh; coming back continues them.
    store.abort()
  })
}
