// @vitest-environment jsdom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import TypeLabel from '@/cells/TypeLabel.vue'
import { createAppI18n, setAppLocale } from '@/app/i18n'

afterEach(() => {
  document.body.innerHTML = ''
})

// useCodeLabels keeps the texts it gave, per language: a switch must still reach every label.
describe('the names of codes, as the rows show them', () => {
  it('follow the language back and forth, a known type and one a newer M2E writes', async () => {
    const i18n = createAppI18n('en_US')
    const label = (type: number) => mount(TypeLabel, { props: { type }, global: { plugins: [i18n] } })
    const error = label(4)
    const newer = label(7)
    expect([error.text(), newer.text()]).toEqual(['✕Error', '?Type 7'])
    // A second label after the first: the same text, from what the first one was given.
    expect(label(4).text()).toBe('✕Error')

    await setAppLocale(i18n.global, 'pl_PL')
    await nextTick()
    expect([error.text(), newer.text(), label(4).text()]).toEqual(['✕Błąd', '?Typ 7', '✕Błąd'])

    await setAppLocale(i18n.global, 'en_US')
    await nextTick()
    expect([error.text(), newer.text()]).toEqual(['✕Error', '?Type 7'])
  })
})
