/** Whether the admin's token allows this log (meta's `access`): without it nothing is asked for. */
import { ref, type Ref } from 'vue'
import type { LogKind } from '@/logKinds'
import type { useAppConfigStore } from '@/stores/appConfig'
import type { useMetaStore } from '@/stores/meta'

export interface LogAccess {
  /** The admin's token does not allow this log. */
  noAccess: Ref<boolean>
  /**
   * With a token (the host's `getToken`), what it allows is known before any data request:
   * meta says it. Without one, every log is open and nothing waits for meta.
   */
  allowed(): Promise<boolean>
}

export function useLogAccess(
  kind: LogKind,
  config: ReturnType<typeof useAppConfigStore>,
  metaStore: ReturnType<typeof useMetaStore>,
): LogAccess {
  const noAccess = ref(false)
  async function allowed(): Promise<boolean> {
    if (!config.config.getToken) return true
    await metaStore.load()
    const access = metaStore.meta?.access
    noAccess.value = metaStore.error?.kind === 'forbidden' || (access !== undefined && !access[kind])
    return !noAccess.value
  }
  return { noAccess, allowed }
}
