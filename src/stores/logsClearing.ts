import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { toApiError, type ApiError } from '@/api/errors'
import type { LogsClearingSettings } from '@/api/schemas'
import { useAppConfigStore } from '@/stores/appConfig'

/** Help Center > Logs Clearing: the retention settings of the three logs, read and saved. */
export const useLogsClearingStore = defineStore('tts-logs-clearing', () => {
  const settings = ref<LogsClearingSettings | null>(null)
  const loadError = shallowRef<ApiError | null>(null)
  const saveError = shallowRef<ApiError | null>(null)
  const saving = ref(false)
  let request = 0

  async function load(): Promise<void> {
    const current = ++request
    loadError.value = null
    saveError.value = null
    try {
      const loaded = await useAppConfigStore().client.getLogsClearing()
      if (current === request) settings.value = loaded
    } catch (caught) {
      if (current === request) loadError.value = toApiError(caught)
    }
  }

  /** Saves the settings; resolves to whether the server took them. */
  async function save(next: LogsClearingSettings): Promise<boolean> {
    if (saving.value) return false
    saving.value = true
    saveError.value = null
    try {
      settings.value = await useAppConfigStore().client.putLogsClearing(next)
      return true
    } catch (caught) {
      saveError.value = toApiError(caught)
      return false
    } finally {
      saving.value = false
    }
  }

  return { settings, loadError, saveError, saving, load, save }
})
