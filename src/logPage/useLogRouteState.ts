import { onBeforeUnmount, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import type { LogKind } from '@/logKinds'
import { parseViewState, sameQuery, serializeViewState } from '@/logKinds/viewState'
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
    timer = null
    const { wanted, query } = wantedQuery()
    if (sameQuery(wanted, stateQuery(route.query))) return
    written = wanted
    void router.replace({ query })
    config.emit({ type: 'filters-change', view: kind, filters: wanted })
  }

  // A navigation that starts while typing is still to be written (a link clicked within the
  // pause): the write must not become a navigation of its own, which would cancel the one the
  // merchant asked for and leave the URL at what was typed. What was typed goes into the current
  // history entry instead, without navigating, so Back comes back to it; the host hears it.
  // Not when the history has already moved (Back or Forward): its entry now is the one being
  // gone to, and must keep its own URL.
  const stopGuard = router.beforeEach(() => {
    if (!timer) return
    clearTimeout(timer)
    timer = null
    const { wanted, query } = wantedQuery()
    if (sameQuery(wanted, stateQuery(route.query))) return
    const history = router.options.history
    if (history.location === route.fullPath) {
      history.replace(router.resolve({ path: route.path, query, hash: route.hash }).fullPath)
    }
    config.emit({ type: 'filters-change', view: kind, filters: wanted })
  })

  watch(
    () => store.viewState,
    () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(writeQuery, options.debounceMs ?? 300)
      void store.loadView(store.viewState)
    },
    { deep: true },
  )

  // Shown: live refresh may poll (until the page is left).
  store.activate()

  onBeforeUnmount(() => {
    stopGuard()
    if (timer) {
      clearTimeout(timer)
      writeQuery()
    }
    // Leaving the page stops the load and live refresh; coming back continues them.
    store.abort()
  })
}
