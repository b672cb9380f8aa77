/**
 * Drilling into a Problems row: the separated view of that message shape, one row per product
 * (or order), pushed as a new history entry so Back returns to the Problems view.
 */
import { useRoute, useRouter } from 'vue-router'
import { DEFAULT_SORT } from '@/engine/types'
import { serializeViewState } from '@/logKinds/viewState'
import type { LogStore } from '@/stores/logStore'

export interface ProblemDrill {
  /** Opens a Problems row's records; false when the row is not a Problems row. */
  drillInto(row: number): boolean
}

export function useProblemDrill(store: LogStore): ProblemDrill {
  const route = useRoute()
  const router = useRouter()
  return {
    drillInto(row) {
      const shape = store.result.problems?.shapeKey(row)
      if (!shape) return false
      const state = {
        ...store.viewState,
        view: 'separated' as const,
        shape,
        unique: true,
        numbersAsEqual: true,
        sort: { ...DEFAULT_SORT },
        detail: null,
      }
      const lang = route.query.lang
      void router.push({ path: route.path, query: { ...(lang ? { lang } : {}), ...serializeViewState(state) } })
      return true
    },
  }
}
