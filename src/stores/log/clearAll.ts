/** "Clear All": deletes a log on the server, then shows what is left (nothing). */
import { ref, type Ref } from 'vue'
import type { ApiClient } from '@/api/client'
import { LOG_KIND_DEFINITIONS, type LogKind } from '@/logKinds'

/** What Clear All reads of the app's config (the config store has it): the API client's delete. */
export interface ClearAllConfig {
  readonly client: Pick<ApiClient, 'clearLog'>
}

/** What Clear All asks of the accounts and shops (the meta store does it): to read them again. */
export interface MetaRefresh {
  refresh(): Promise<void>
}

export interface UseClearAllOptions {
  kind: LogKind
  config: ClearAllConfig
  metaStore: MetaRefresh
  /** Forgets what was known of the log's size and shape. */
  forget(): void
  /** Loads the (now empty) log again. */
  reload(): Promise<void>
}

export interface ClearAll {
  /** A Clear All is under way. */
  clearing: Ref<boolean>
  /** Resolves to how many records were deleted (0 while another Clear All is under way). */
  clearAll(): Promise<number>
}

export function useClearAll(options: UseClearAllOptions): ClearAll {
  const { kind, config, metaStore } = options
  const clearing = ref(false)

  async function clearAll(): Promise<number> {
    if (clearing.value) return 0
    if (!LOG_KIND_DEFINITIONS[kind].canClearAll) throw new Error(`the ${kind} log cannot be cleared`)
    clearing.value = true
    try {
      const deleted = await config.client.clearLog(kind as Exclude<LogKind, 'order'>)
      // The log is gone: so is what was known of its size and shape.
      options.forget()
      // Undated records went too: meta counts them again (what it says is kept until then).
      void metaStore.refresh()
      await options.reload()
      return deleted
    } finally {
      clearing.value = false
    }
  }

  return { clearing, clearAll }
}
