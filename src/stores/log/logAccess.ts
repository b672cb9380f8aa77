/** Whether the admin's token allows this log (meta's `access`): without it nothing is asked for. */
import { ref, type Ref } from 'vue'
import type { ApiError } from '@/api/errors'
import type { Meta } from '@/api/schemas'
import type { LogKind } from '@/logKinds'
import type { AppConfig } from '@/stores/appConfig'

/** What access reads of the app's config (the config store has it): whether the host gives a token. */
export interface AccessConfig {
  readonly config: { readonly getToken: AppConfig['getToken'] }
}

/** What access reads of the accounts and shops (the meta store has it): what the token allows. */
export interface AccessMeta {
  /** Loads meta once (an answer or an error). */
  load(): Promise<void>
  readonly meta: { readonly access?: Meta['access'] } | null
  readonly error: { readonly kind: ApiError['kind'] } | null
}

export interface LogAccess {
  /** The admin's token does not allow this log. */
  noAccess: Ref<boolean>
  /**
   * With a token (the host's `getToken`), what it allows is known before any data request:
   * meta says it. Without one, every log is open and nothing waits for meta.
   */
  allowed(): Promise<boolean>
}

export function useLogAccess(kind: LogKind, config: AccessConfig, metaStore: AccessMeta): LogAccess {
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
