// @vitest-environment jsdom
/** The first search readied after the page settles (useWarmSearch), with a real store and backend. */
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { LogEngine } from '@/engine'
import { useWarmSearch } from '@/logPage/useWarmSearch'
import { useAppConfigStore } from '@/stores/appConfig'
import { useListingLogStore } from '@/stores/logStore'
import { startTestServer, type TestServer } from '../api/testServer.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ listing: 300, order: 10, synchronization: 10 }, { cors: '*', testMode: true })
})
afterAll(() => server.stop())
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** A loaded listing log's store, and a component readying its search when `settled` turns true. */
async function loadedPage() {
  setActivePinia(createPinia())
  useAppConfigStore().configure({ apiBaseUrl: server.apiUrl })
  const store = useListingLogStore()
  await store.load()
  expect(store.loaded).toBe(300)
  const settled = ref(false)
  const Page = defineComponent(() => {
    useWarmSearch({ store, settled })
    return () => h('div')
  })
  // jsdom has no requestIdleCallback: the readying waits for a timer, which the tests run.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  const warm = vi.spyOn(LogEngine.prototype, 'warmSearch')
  return { store, settled, warm, wrapper: mount(Page) }
}

describe('useWarmSearch', () => {
  it('readies the search once the page has settled, once for its log, with the query the rows answer', async () => {
    const { store, settled, warm, wrapper } = await loadedPage()
    vi.runAllTimers()
    expect(warm).not.toHaveBeenCalled()
    settled.value = true
    await nextTick()
    vi.runAllTimers()
    expect(warm).toHaveBeenCalledTimes(1)
    expect(warm.mock.calls[0]![0]).toMatchObject({ unique: true, view: 'separated' })
    // Settled again (a page come back to): the same log's engine is not passed over again.
    settled.value = false
    await nextTick()
    settled.value = true
    await nextTick()
    vi.runAllTimers()
    expect(warm).toHaveBeenCalledTimes(1)
    expect(store.warmSearch()).toBe(false)
    wrapper.unmount()
  })

  it('readies nothing when the page goes before its idle moment, or when a search is typed already', async () => {
    const first = await loadedPage()
    first.settled.value = true
    await nextTick()
    first.wrapper.unmount()
    vi.runAllTimers()
    expect(first.warm).not.toHaveBeenCalled()
    vi.useRealTimers()
    vi.restoreAllMocks()

    const typed = await loadedPage()
    typed.store.setViewState({ ...typed.store.viewState, q: 'revised' })
    typed.settled.value = true
    await nextTick()
    vi.runAllTimers()
    expect(typed.warm).not.toHaveBeenCalled()
    typed.wrapper.unmount()
  })

  it('a page settled before any record came readies the search once its first records are held', async () => {
    setActivePinia(createPinia())
    useAppConfigStore().configure({ apiBaseUrl: server.apiUrl })
    const store = useListingLogStore()
    const settled = ref(true)
    const warm = vi.spyOn(LogEngine.prototype, 'warmSearch')
    const wrapper = mount(
      defineComponent(() => {
        useWarmSearch({ store, settled })
        return () => h('div')
      }),
    )
    // Nothing held yet: nothing readied.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(warm).not.toHaveBeenCalled()
    await store.load()
    await vi.waitFor(() => expect(warm).toHaveBeenCalledTimes(1))
    wrapper.unmount()
  })
})
