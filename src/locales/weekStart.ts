/**
 * Element Plus's date table starts its week on the `weekStart` of the dayjs locale named like
 * Element Plus's language (`dayjs().locale(lang.name)`): Sunday for `en`, Monday for `pl`. A week
 * that starts on another day (a German admin's Monday in English) is the same texts under the
 * name of a dayjs locale with that `weekStart`, a copy of dayjs's own for the language.
 */
import dayjs from 'dayjs'
import type { Language } from 'element-plus/es/locale'

const made = new WeakMap<Language, Map<number, Language>>()

/**
 * Element Plus's `language` with its date picker's week starting on `firstDay`: 1 Monday … 7
 * Sunday, as `firstDayOfWeek` (src/locales) gives it.
 */
export function withWeekStart(language: Language, firstDay: number): Language {
  let byDay = made.get(language)
  if (!byDay) made.set(language, (byDay = new Map()))
  let variant = byDay.get(firstDay)
  if (!variant) {
    // Lower case: dayjs looks a locale up by its name in lower case.
    const name = `${language.name}-week${firstDay}`.toLowerCase()
    if (!dayjs.Ls[name]) {
      const own = dayjs.Ls[language.name.toLowerCase()] ?? dayjs.Ls.en!
      // Registered only (the third argument): dayjs's global locale stays as it is.
      dayjs.locale({ ...own, name, weekStart: firstDay % 7 }, undefined, true)
    }
    variant = { ...language, name }
    byDay.set(firstDay, variant)
  }
  return variant
}
