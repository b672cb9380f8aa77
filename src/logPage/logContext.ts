/**
 * The log a page shows, handed to its parts (grid, drawer, dialog, export) without props: they
 * read rows and records through the store's typed reads, which are reactive on their own.
 */
import { inject, provide, type InjectionKey } from 'vue'
import type { LogStore } from '@/stores/logStore'

const LOG: InjectionKey<LogStore> = Symbol('tts-log')

export function provideLog(store: LogStore): void {
  provide(LOG, store)
}

/** The page's log, or null outside a log page (a part shown on its own, as in a test). */
export function useLogIfAny(): LogStore | null {
  return inject(LOG, null)
}

export function useLog(): LogStore {
  const store = inject(LOG, null)
  if (!store) throw new Error('useLog() is for the parts of a log page (LogPage provides the log)')
  return store
}
