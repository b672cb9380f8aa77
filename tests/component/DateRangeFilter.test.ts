// @vitest-environment jsdom
import { flushPromises } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import { afterEach, describe, expect, it } from 'vitest'
import DateRangeFilter from '@/logPage/filters/DateRangeFilter.vue'
import { mountWithApp } from './helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

// December in Warsaw is UTC+1: the picker shows the admin's time, as Element Plus formats it.
const props = { id: 'd', from: '2026-12-01T00:00:00.000Z', to: '2026-12-03T12:00:00.000Z', timeZone: 'Europe/Warsaw' }
/** The ids and texts of the range's two inputs (the stand-in's, or the picker's own). */
const values = () =>
  [...document.querySelectorAll('.tts-el-date-editor input')].map((input) => [
    input.id,
    (input as HTMLInputElement).value,
  ])

describe('DateRangeFilter', () => {
  it('stands in for the picker with its look and values until a pointer presses it, then hands over the focus and opens it', async () => {
    const { wrapper } = await mountWithApp(DateRangeFilter, { props })
    await flushPromises()
    expect(wrapper.findComponent(ElDatePicker).exists()).toBe(false)
    const shown = [
      ['d', '2026-12-01 01:00:00'],
      ['d-to', '2026-12-03 13:00:00'],
    ]
    expect(values()).toEqual(shown)
    expect(wrapper.get('#d').attributes('placeholder')).toBe('From')

    await wrapper.get('#d-to').trigger('mousedown')
    await flushPromises()
    expect(wrapper.findComponent(ElDatePicker).exists()).toBe(true)
    // The picker's own inputs, with the same ids and texts, and the one clicked has the focus.
    expect(values()).toEqual(shown)
    expect(document.activeElement?.id).toBe('d-to')
    // And opened: the focus opens it, as it opens the picker's own box.
    expect(wrapper.get('#d-to').attributes('aria-expanded')).toBe('true')
  })

  it('shows a range only with both of its ends, as the picker does (a link may give one)', async () => {
    const { wrapper } = await mountWithApp(DateRangeFilter, { props: { ...props, to: null } })
    await flushPromises()
    const empty = [
      ['d', ''],
      ['d-to', ''],
    ]
    expect(values()).toEqual(empty)
    await wrapper.get('#d').trigger('mousedown')
    await flushPromises()
    expect(wrapper.findComponent(ElDatePicker).exists()).toBe(true)
    expect(values()).toEqual(empty)
  })

  it('hands over to the picker when the keyboard reaches it, in Polish too', async () => {
    const { wrapper } = await mountWithApp(DateRangeFilter, {
      locale: 'pl_PL',
      props: { ...props, from: null, to: null },
    })
    await flushPromises()
    expect(wrapper.get('#d').attributes('placeholder')).toBe('Od')
    await wrapper.get('#d').trigger('focusin')
    await flushPromises()
    expect(wrapper.findComponent(ElDatePicker).exists()).toBe(true)
    expect(document.activeElement?.id).toBe('d')
    expect(values()).toEqual([
      ['d', ''],
      ['d-to', ''],
    ])
    expect(wrapper.get('#d').attributes('placeholder')).toBe('Od')
  })
})
