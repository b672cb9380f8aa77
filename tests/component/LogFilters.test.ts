// @vitest-environment jsdom
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import LogFilters from '@/logPage/filters/LogFilters.vue'
import LabeledSelect from '@/logPage/filters/LabeledSelect.vue'
import LazyInput from '@/app/LazyInput.vue'
import type { LogKind } from '@/logKinds'
import { defaultViewState, type LogViewState } from '@/logKinds/viewState'
import { afterPaint } from '@/stores/loader/frames'
import { mountWithApp } from './helpers'

async function mountFilters(kind: LogKind, state: Partial<LogViewState> = {}, narrowedToOne = false) {
  const { wrapper } = await mountWithApp(LogFilters, {
    props: { kind, state: { ...defaultViewState(), ...state }, narrowedToOne },
  })
  await flushPromises()
  return wrapper
}

/** The bar while the log loads (typing deferred), and its Message box. */
async function mountLoading(state: Partial<LogViewState> = {}) {
  const { wrapper } = await mountWithApp(LogFilters, {
    props: { kind: 'listing', state: { ...defaultViewState(), ...state }, narrowedToOne: false, typingDeferred: true },
  })
  await flushPromises()
  return { wrapper, input: wrapper.get<HTMLInputElement>('input[data-testid="filter-q"]') }
}

/** The first task after the next frame (a box's wait asked for before it has run by then). */
async function afterTheFrame() {
  await afterPaint()
  await flushPromises()
}

describe('LogFilters', () => {
  it('offers the unique checkbox, checked by default, with the exact label of each log', async () => {
    const listing = await mountFilters('listing')
    const checkbox = listing.get('[data-testid="filter-unique"]')
    expect(checkbox.text()).toBe('Only messages with unique Product ID')
    expect(checkbox.get('input').element.checked).toBe(true)
    expect((await mountFilters('order')).get('[data-testid="filter-unique"]').text()).toBe(
      'Only messages with unique Order ID',
    )
    expect((await mountFilters('synchronization')).find('[data-testid="filter-unique"]').exists()).toBe(false)
  })

  it('hides the unique checkbox in Grouped view and on a page narrowed to one product or order', async () => {
    expect((await mountFilters('listing', { view: 'grouped' })).find('[data-testid="filter-unique"]').exists()).toBe(
      false,
    )
    expect(
      (await mountFilters('listing', { listingProductId: 5001 }, true)).find('[data-testid="filter-unique"]').exists(),
    ).toBe(false)
    expect((await mountFilters('order', { orderId: 20001 }, true)).find('[data-testid="filter-unique"]').exists()).toBe(
      false,
    )
  })

  it('reports a change when the checkbox is unticked', async () => {
    const wrapper = await mountFilters('listing')
    await wrapper.get('[data-testid="filter-unique"] input').setValue(false)
    const [[state]] = wrapper.emitted('change') as [[LogViewState]]
    expect(state.unique).toBe(false)
  })

  it('updates the message filter as the merchant types', async () => {
    const wrapper = await mountFilters('listing')
    await wrapper.get('input[data-testid="filter-q"]').setValue('blad')
    const events = wrapper.emitted('change') as [LogViewState][]
    expect(events.at(-1)![0].q).toBe('blad')
  })

  it('while the log loads, shows what is typed at once and tells the page in the task after, the keys as one change', async () => {
    const { wrapper, input } = await mountLoading()
    await input.setValue('b')
    await input.setValue('bl')
    // The box shows the keys; the page has not heard of them yet (its chips, address and query wait).
    expect(input.element.value).toBe('bl')
    expect(wrapper.emitted('change')).toBeUndefined()
    await afterTheFrame()
    const events = wrapper.emitted('change') as [LogViewState][]
    expect(events.map(([state]) => state.q)).toEqual(['bl'])
    // The page's state comes back with it: the box keeps showing it.
    await wrapper.setProps({ state: events[0]![0] })
    expect(input.element.value).toBe('bl')
  })

  it('keys typed while the log loads are sent after their frame even if the load ended meanwhile; then at once', async () => {
    const { wrapper, input } = await mountLoading()
    await input.setValue('It')
    await wrapper.setProps({ typingDeferred: false })
    expect(wrapper.emitted('change')).toBeUndefined()
    await afterTheFrame()
    const events = wrapper.emitted('change') as [LogViewState][]
    expect(events.map(([state]) => state.q)).toEqual(['It'])
    await wrapper.setProps({ state: events[0]![0] })
    // Loaded: a key reaches the page in its own task, so the rows answer in its own frame.
    await input.setValue('Ite')
    expect(events.map(([state]) => state.q)).toEqual(['It', 'Ite'])
  })

  it('while the log loads, a change from elsewhere wins over keys not yet sent', async () => {
    const { wrapper, input } = await mountLoading({ q: 'old' })
    await input.setValue('olde')
    // Reset (or the chip's close, or Back) before the keys were sent: the box shows the new state,
    // and the keys are not sent over it.
    await wrapper.setProps({ state: defaultViewState() })
    expect(input.element.value).toBe('')
    await afterTheFrame()
    expect(wrapper.emitted('change')).toBeUndefined()
  })

  it('renders no other control again while the merchant types in one box', async () => {
    const wrapper = await mountFilters('listing', { types: [4], actions: [6] })
    const others = [
      ...wrapper.findAllComponents(LabeledSelect),
      ...wrapper.findAllComponents(LazyInput).filter((input) => !input.find('[data-testid="filter-q"]').exists()),
    ]
    expect(others.length).toBeGreaterThanOrEqual(6)
    // A component rendered again has a new tree of its render.
    const trees = others.map((control) => control.vm.$.subTree)
    const typed = { ...(wrapper.props('state') as LogViewState), q: 'b' }
    await wrapper.setProps({ state: typed })
    await wrapper.setProps({ state: { ...typed, q: 'bl' } })
    expect(wrapper.get<HTMLInputElement>('input[data-testid="filter-q"]').element.value).toBe('bl')
    expect(
      others
        .filter((control, i) => control.vm.$.subTree !== trees[i])
        .map((c) => c.find('[data-testid]').attributes('data-testid')),
    ).toEqual([])
    // What the bar shows still follows the state: a chosen type is a chip, and the list says so.
    await wrapper.setProps({ state: { ...typed, q: 'bl', types: [4, 3] } })
    expect(wrapper.get('[data-testid="filter-chips"]').text()).toContain('Type: Error, Warning')
  })

  it('shows active filters as removable chips', async () => {
    const wrapper = await mountFilters('listing', { types: [4, 3], q: 'revised', listing: 'Summer' })
    const chips = wrapper.get('[data-testid="filter-chips"]')
    expect(chips.text()).toContain('Type: Error, Warning')
    expect(chips.text()).toContain('Message: “revised”')
    await wrapper.get('[data-testid="chip-type"] .tts-el-tag__close').trigger('click')
    const [[state]] = wrapper.emitted('change') as [[LogViewState]]
    expect(state.types).toEqual([])
    expect(state.q).toBe('revised')
  })

  it('offers only the columns of the log: no action or listing filter on the order log', async () => {
    const wrapper = await mountFilters('order')
    expect(wrapper.find('[data-testid="filter-action"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="filter-listing"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="filter-ttsOrder"]').exists()).toBe(true)
    // The order log's View Mode: Separated and Problems (no action runs to group).
    expect(wrapper.find('[data-testid="filter-view"]').exists()).toBe(true)
    expect((await mountFilters('synchronization')).find('[data-testid="filter-view"]').exists()).toBe(false)
  })

  it('keeps the narrowing when Reset is pressed', async () => {
    const wrapper = await mountFilters('listing', { listingId: 3, types: [4], unique: false })
    await wrapper.get('[data-testid="filter-reset"]').trigger('click')
    const [[state]] = wrapper.emitted('change') as [[LogViewState]]
    expect(state).toEqual({ ...defaultViewState(), listingId: 3 })
  })
})
