import en from 'element-plus/es/locale/lang/en'
import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { elementEnglish, elementPolish } from '@/locales/elementPlus'
import { at, leaves } from './messageTree'

/** Where Polish and English rightly say the same. */
const SAME_IN_BOTH: Record<string, string> = {
  'el.colorpicker.confirm': '"OK" is the Polish button word too',
  'el.datepicker.confirm': '"OK" is the Polish button word too',
  'el.messagebox.confirm': '"OK" is the Polish button word too',
  'el.datepicker.year': 'no word after the year in either: the header reads "listopad 2026"',
  'el.pagination.pageClassifier': 'empty in both (a word some languages put after the page number)',
}

describe("Element Plus's texts in Polish", () => {
  it('give every key of its English a Polish value of the same shape', () => {
    const missing = leaves(en.el, 'el').filter(([key]) => at(elementPolish, key) === undefined)
    expect(missing.map(([key]) => key)).toEqual([])
    for (const [key, english] of leaves(en.el, 'el')) {
      const polish = at(elementPolish, key)
      expect(typeof polish, key).toBe(typeof english)
    }
  })

  it('leave no English behind, but where both languages say the same', () => {
    const english = leaves(en.el, 'el').filter(([key, value]) => {
      const polish = at(elementPolish, key)
      return JSON.stringify(polish) === JSON.stringify(value) && !(key in SAME_IN_BOTH)
    })
    expect(english).toEqual([])
    // The whitelist holds only what really coincides.
    for (const key of Object.keys(SAME_IN_BOTH)) expect(at(elementPolish, key), key).toBe(at(en, key))
  })

  it('name the days so that the day header does not wrap, and in full for screen readers', () => {
    expect(Object.values(at(elementPolish, 'el.datepicker.weeks') as object)).toEqual([
      'Nd',
      'Pn',
      'Wt',
      'Śr',
      'Cz',
      'Pt',
      'So',
    ])
    expect(at(elementPolish, 'el.datepicker.weeksFull.mon')).toBe('poniedziałek')
  })

  it("start the Polish week on Monday and the English one on Sunday (dayjs's locale by Element Plus's name)", () => {
    // Element Plus's date table reads `dayjs().locale(lang).$locale().weekStart || 7`.
    const weekStart = (name: string) =>
      (dayjs().locale(name) as unknown as { $locale(): { weekStart?: number } }).$locale().weekStart
    expect(weekStart(elementPolish.name)).toBe(1)
    expect(weekStart(elementEnglish.name) ?? 7).toBe(7)
  })
})
