// @vitest-environment jsdom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import TypeLabel from '@/cells/TypeLabel.vue'
import { createAppI18n, setAppLocale } from '@/app/i18n'
import { useCodeLabels } from '@/app/useCodeLabels'
import { loadLocale, type AppLocale } from '@/locales'
import { compileMessages } from '../../tooling/precompileMessages'

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

/** Every message's key and text, in a language's messages. */
function leaves(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]]
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) => leaves(child, [...path, key]))
}

/** The build's messages: each one compiled to its AST (tooling/precompileMessages.ts). */
const AS_BUILT = { strings: false, 'compiled, as the build ships them': true }

describe('the texts with values, as the rows show them', () => {
  for (const [form, compiled] of Object.entries(AS_BUILT))
    it.each(['en_US', 'pl_PL'] as AppLocale[])(
      `are the library's own in %s, for every message, its plural forms and values that are not plain text (${form})`,
      async (language) => {
        const i18n = createAppI18n('en_US')
        await setAppLocale(i18n.global, language)
        const messages = (await loadLocale(language)).messages
        if (compiled) {
          i18n.global.setLocaleMessage('en_US', compileMessages((await loadLocale('en_US')).messages) as never)
          i18n.global.setLocaleMessage(language, compileMessages(messages) as never)
        }
        let label: ReturnType<typeof useCodeLabels> = () => ''
        mount(
          defineComponent({
            setup() {
              label = useCodeLabels()
              return () => h('i')
            },
          }),
          { global: { plugins: [i18n] } },
        )
        // Text with marks and syntax in it, numbers that pick each plural form (1, 2, 5, 22), none.
        const values = [
          (name: string) => `${name} <b>{x}</b> \u0000 | @:grid.more 'q'`,
          () => 1,
          () => 2,
          () => 5,
          () => 22,
          (name: string) => name.length * 1001,
          () => '',
        ]
        let checked = 0
        for (const [key, message] of leaves(messages)) {
          const names = [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))]
          for (const value of values) {
            const named = Object.fromEntries(names.map((name) => [name, value(name)]))
            // Twice: given, then from what was kept.
            for (let time = 0; time < 2; time++) expect(label(key, named), key).toBe(i18n.global.t(key, named))
          }
          checked++
        }
        expect(checked).toBeGreaterThan(250)
      },
    )
})
