import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ApiError } from '@/api/errors'
import type { Meta } from '@/api/schemas'
import { useAppConfigStore } from '@/stores/appConfig'

/** Accounts and shops, loaded once per app. */
export const useMetaStore = defineStore('tts-meta', () => {
  // This app's config (with several apps on a page, the active Pinia may be another's later).
  const appConfig = useAppConfigStore()
  const meta = shallowRef<Meta | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const loading = ref(false)
  let pending: Promise<void> | null = null

  const accounts = computed(() => meta.value?.accounts ?? [])
  const shops = computed(() =>
    accounts.value.flatMap((account) => account.shops.map((shop) => ({ ...shop, accountId: account.id }))),
  )

  function load(): Promise<void> {
    if (meta.value) return Promise.resolve()
    if (pending) return pending
    const config = useAppConfigStore()
    loading.value = true
    error.value = null
    pending = config.client
      .getMeta()
      .then((value) => {
        meta.value = value
      })
      .catch((caught: ApiError) => {
        error.value = caught
        if (caught.kind === 'unauthorised') config.emit({ type: 'session-expired', status: caught.status })
      })
      .finally(() => {
        loading.value = false
        pending = null
      })
    return pending
  }

  /**
   * Reads meta again, keeping what is shown until the answer comes (after Clear All, whose
   * undated records are gone too). A failure keeps the old meta.
   */
  async function refresh(): Promise<void> {
    if (!meta.value) return load()
    try {
      meta.value = await appConfig.client.getMeta()
    } catch {
      // The old accounts and counts stay; the next load of the app reads them again.
    }
  }

  return { meta, error, loading, accounts, shops, load, refresh }
})
