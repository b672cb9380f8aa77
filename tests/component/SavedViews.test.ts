// @vitest-environment jsdom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import SavedViews from '@/logPage/savedViews/SavedViews.vue'
import { defaultViewState, type LogViewState } from '@/logKinds/viewState'
import { readViews, storageKey } from '@/logPage/savedViews/savedViews'
import { mountWithApp } from './helpers'

beforeEach(() => localStorage.clear())
afterEach(() => {
  document.body.innerHTML = ''
})

async function mountViews(state: Partial<LogViewState> = {}, userKey = 'admin-7') {
  const mounted = await mountWithApp(SavedViews, {
    props: { kind: 'listing', state: { ...defaultViewState(), ...state }, narrowedColumns: [] },
    config: { userKey },
  })
  await flushPromises()
  return mounted
}

async function saveAs(wrapper: VueWrapper, name: string) {
  await wrapper.get('[data-testid="save-view"]').trigger('click')
  await wrapper.get('[data-testid="save-view-name"]').setValue(name)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

describe('SavedViews', () => {
  it('saves the filters, sort and hidden columns under the host user, not the open drawer', async () => {
    const { wrapper } = await mountViews({
      types: [4],
      sort: { field: 'message', direction: 'asc' },
      hidden: ['action'],
      detail: 12,
    })
    await saveAs(wrapper, '  Errors by message ')
    expect(readViews('admin-7', 'listing').views).toEqual([
      { name: 'Errors by message', query: { type: '4', sort: 'message:asc', hide: 'action' } },
    ])
    expect(wrapper.text()).toContain('View “Errors by message” saved.')
    // The page now matches the view: it is shown as chosen, and can be deleted.
    expect(wrapper.get('[data-testid="delete-view"]').text()).toBe('Delete “Errors by message”')
  })

  it('refuses an empty name with a message, and keeps the form open', async () => {
    const { wrapper } = await mountViews()
    await saveAs(wrapper, '   ')
    expect(wrapper.get('[role="alert"]').text()).toBe('Give the view a name.')
    expect(wrapper.find('form').exists()).toBe(true)
    expect(localStorage.getItem(storageKey('admin-7', 'listing'))).toBeNull()
  })

  it("applies a chosen view, keeping the page's narrowing and reporting what no longer fits", async () => {
    localStorage.setItem(
      storageKey('admin-7', 'listing'),
      JSON.stringify([{ name: 'Old', query: { type: '3', action: '70000', unique: '0' } }]),
    )
    const { wrapper } = await mountViews({ listingId: 3, q: 'typed' })
    const vm = wrapper.vm as unknown as { apply: (name: string) => void }
    vm.apply('Old')
    const [state, problems] = wrapper.emitted('apply')![0] as [LogViewState, { key: string }[]]
    expect(state).toMatchObject({ types: [3], unique: false, listingId: 3, q: '', actions: [] })
    expect(problems.map((p) => p.key)).toEqual(['action'])
    // The page now shows what is left of the view: it is still the chosen one, and can go.
    await wrapper.setProps({ state })
    expect(wrapper.get('[data-testid="delete-view"]').text()).toBe('Delete “Old”')
    await wrapper.get('[data-testid="delete-view"]').trigger('click')
    expect(readViews('admin-7', 'listing').views).toEqual([])
  })

  it('tells the merchant when stored views cannot be read, and saving keeps the old data aside', async () => {
    const key = storageKey('admin-7', 'listing')
    localStorage.setItem(key, '{oops')
    const { wrapper } = await mountViews({ types: [2] })
    expect(wrapper.get('[data-testid="saved-views-problem"]').text()).toContain('could not be read')
    await saveAs(wrapper, 'Successes')
    expect(localStorage.getItem(`${key}:unreadable`)).toBe('{oops')
    expect(readViews('admin-7', 'listing').views.map((v) => v.name)).toEqual(['Successes'])
  })

  it('hides and shows columns from the chooser, never the message', async () => {
    const { wrapper } = await mountViews({ hidden: ['type'] })
    await wrapper.get('[data-testid="column-chooser"]').trigger('click')
    const toggles = wrapper.findAll('[data-testid^="column-toggle-"]').map((t) => t.attributes('data-testid'))
    expect(toggles).not.toContain('column-toggle-message')
    expect(toggles).toContain('column-toggle-action')
    await wrapper.get('[data-testid="column-toggle-action"] input').setValue(false)
    expect((wrapper.emitted('apply')![0] as [LogViewState, unknown])[0].hidden).toEqual(['action', 'type'])
    await wrapper.get('[data-testid="column-toggle-type"] input').setValue(true)
    expect((wrapper.emitted('apply')![1] as [LogViewState, unknown])[0].hidden).toEqual([])
  })
})
