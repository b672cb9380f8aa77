import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ApiError } from '@/api/errors'
import type { Meta } from '@/api/schemas'
import { useAppConfigStore } from '@/stores/appConfig'

/** Accounts and shops, loaded once per app. */
export const useMetaStore = defineStore('tts-meta', () => {
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

  return { meta, error, loading, accounts, shops, load }
})
