// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import TypeCounts from '@/logPage/filters/TypeCounts.vue'
import { mountWithApp } from './helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

const counts = { 1: 120, 2: 250, 3: 1682, 4: 852, 100: 96 }

describe('TypeCounts', () => {
  it('says in a visible caption that the chips count records, and names each chip by its count', async () => {
    const { wrapper } = await mountWithApp(TypeCounts, { props: { types: [1, 2, 3, 4, 100], counts, selected: [4] } })
    const caption = wrapper.get('[data-testid="type-counts-caption"]')
    expect(caption.text()).toBe('Records by type:')
    expect(wrapper.get('ul').attributes('aria-labelledby')).toBe(caption.attributes('id'))
    const warning = wrapper.get('[data-testid="type-count-3"]')
    expect(warning.attributes('aria-label')).toBe('Warning records: 1,682. Show only this type')
    expect(warning.attributes('data-count')).toBe('1682')
    expect(wrapper.get('[data-testid="type-count-4"]').attributes('aria-pressed')).toBe('true')
  })

  it('says the same in Polish', async () => {
    const { wrapper } = await mountWithApp(TypeCounts, {
      locale: 'pl_PL',
      props: { types: [1, 2, 3, 4, 100], counts, selected: [] },
    })
    expect(wrapper.get('[data-testid="type-counts-caption"]').text()).toBe('Wpisy według typu:')
    expect(wrapper.get('[data-testid="type-count-4"]').attributes('aria-label')).toMatch(/^Wpisy typu Błąd: 852\./)
  })

  it('adds a chip for a type the log is not expected to hold when it has records, so none goes uncounted', async () => {
    const { wrapper } = await mountWithApp(TypeCounts, {
      props: { types: [3, 4], counts: { 1: 0, 2: 7, 3: 1, 4: 2, 100: 0 }, selected: [] },
    })
    const shown = wrapper.findAll('button').map((chip) => chip.attributes('data-testid'))
    expect(shown).toEqual(['type-count-3', 'type-count-4', 'type-count-2'])
    expect(wrapper.get('[data-testid="type-count-2"]').attributes('data-count')).toBe('7')
  })
})
