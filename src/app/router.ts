import {
  createMemoryHistory,
  createRouter,
  createWebHistory,
  type Router,
  type RouteRecordRaw,
} from 'vue-router'
import { LOG_KIND_DEFINITIONS, LOG_KINDS, LOGS_CLEARING_PATH } from '@/logKinds'
// The log page is what nearly every visit opens: in the entry chunk, not one round trip later.
import LogPage from '@/logPage/LogPage.vue'
import { trackNavigations } from '@/app/navigation'

/** `web` drives the browser URL (standalone preview); `memory` never touches it (embedded). */
export type HistoryMode = 'web' | 'memory'

export function createAppRouter(mode: HistoryMode, base?: string): Router {
  const logRoutes: RouteRecordRaw[] = LOG_KINDS.map((kind) => {
    const definition = LOG_KIND_DEFINITIONS[kind]
    return {
      path: definition.path,
      name: definition.routeName,
      component: LogPage,
      props: { kind },
    }
  })
  const router = createRouter({
    history: mode === 'web' ? createWebHistory(base) : createMemoryHistory(base),
    routes: [
      { path: '/', redirect: LOG_KIND_DEFINITIONS.listing.path },
      ...logRoutes,
      {
        path: LOGS_CLEARING_PATH,
        name: 'logs-clearing',
        component: () => import('@/logsClearing/LogsClearingPage.vue'),
      },
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/shell/NotFoundPage.vue'),
      },
    ],
  })
  trackNavigations(router)
  return router
}
