// @vitest-environment jsdom
// Issue 29: the Filters button shows and hides the filter panel; each log (and host user) keeps
// the merchant's choice in the browser, and a blocked storage costs only the memory of it.
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import LogFilters from '@/logPage/filters/LogFilters.vue'
import type { LogKind } from '@/logKinds'
import { defaultViewState, type LogViewState } from '@/logKinds/viewState'
import { mountWithApp } from './helpers'

async function mountFilters(kind: LogKind = 'listing', state: Partial<LogViewState> = {}, userKey = '') {
  const { wrapper } = await mountWithApp(LogFilters, {
    props: { kind, state: { ...defaultViewState(), ...state }, narrowedToOne: false },
    config: { userKey },
  })
  await flushPromises()
  return wrapper
}
type Filters = Awaited<ReturnType<typeof mountFilters>>

const toggle = (wrapper: Filters) => wrapper.get('[data-testid="filters-toggle"]')
const expanded = (wrapper: Filters) => toggle(wrapper).attributes('aria-expanded')
const panel = (wrapper: Filters) => wrapper.get(`#${toggle(wrapper).attributes('aria-controls')!}`)

/** A window of this size (jsdom's is 1024×768). */
function windowOf(width: number, height: number) {
  vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(width)
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(height)
}

beforeEach(() => localStorage.clear())
afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('the filter panel', () => {
  it('starts hidden on a 1024×768 window and shown on a 1440×900 one, until the merchant chooses', async () => {
    const small = await mountFilters()
    expect(expanded(small)).toBe('false')
    expect(panel(small).isVisible()).toBe(false)
    windowOf(1440, 900)
    const large = await mountFilters()
    expect(expanded(large)).toBe('true')
    expect(panel(large).isVisible()).toBe(true)
  })

  it("remembers the merchant's choice per log and per host user", async () => {
    const listing = await mountFilters('listing', {}, 'admin-7')
    await toggle(listing).trigger('click')
    expect(expanded(listing)).toBe('true')
    expect(panel(listing).isVisible()).toBe(true)
    expect(localStorage.getItem('tts-logs:filters-panel:v1:admin-7:listing')).toBe('shown')
    listing.unmount()

    expect(expanded(await mountFilters('listing', {}, 'admin-7'))).toBe('true')
    expect(expanded(await mountFilters('order', {}, 'admin-7'))).toBe('false')
    expect(expanded(await mountFilters('listing', {}, 'admin-8'))).toBe('false')

    // Hidden on a large window, where it would start shown.
    windowOf(1440, 900)
    const again = await mountFilters('listing', {}, 'admin-7')
    await toggle(again).trigger('click')
    expect(localStorage.getItem('tts-logs:filters-panel:v1:admin-7:listing')).toBe('hidden')
    expect(expanded(await mountFilters('listing', {}, 'admin-7'))).toBe('false')
  })

  it('works on when the browser blocks storage', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const wrapper = await mountFilters()
    await toggle(wrapper).trigger('click')
    expect(expanded(wrapper)).toBe('true')
    expect(panel(wrapper).isVisible()).toBe(true)
  })

  it('counts the filters in use on the button, and keeps their chips and Clear all while hidden', async () => {
    const wrapper = await mountFilters('listing', { listingId: 3, types: [4], q: 'revised', view: 'grouped' })
    expect(expanded(wrapper)).toBe('false')
    expect(toggle(wrapper).text()).toBe('Filters (2)')
    expect(toggle(wrapper).attributes('aria-label')).toBe('Filters: 2 active')
    expect(wrapper.get('[data-testid="filter-chips"]').isVisible()).toBe(true)
    await wrapper.get('[data-testid="filters-clear-all"]').trigger('click')
    const [[state]] = wrapper.emitted('change') as [[LogViewState]]
    expect(state).toEqual({ ...defaultViewState(), listingId: 3, view: 'grouped' })
  })
})
