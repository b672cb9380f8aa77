/**
 * Element Plus's own texts (date picker, tags, dialogs, selects) in the app's two languages.
 * Element Plus's Polish leaves many screen-reader texts in English ("Close this tag", "Use the
 * arrow keys…", the full day names) and abbreviates days so that "niedz." wraps in the day
 * header; ours fills every key of its English, over its Polish.
 */
import type { Language } from 'element-plus/es/locale'
import en from 'element-plus/es/locale/lang/en'
import pl from 'element-plus/es/locale/lang/pl'
// Registers dayjs's Polish (weekStart: Monday) under the name Element Plus's Polish carries:
// the date table reads the first day of the week from `dayjs().locale(lang)`.
import 'dayjs/locale/pl'

type Messages = { [key: string]: string | string[] | Messages }

function merge(base: Messages, overrides: Messages): Messages {
  const result: Messages = { ...base }
  for (const [key, value] of Object.entries(overrides)) {
    const under = result[key]
    result[key] =
      typeof value === 'object' && !Array.isArray(value) && typeof under === 'object' && !Array.isArray(under)
        ? merge(under, value)
        : value
  }
  return result
}

const arrowKeys = 'Użyj klawiszy strzałek i klawisza Enter, aby wybrać'

/** Our Polish over Element Plus's: every text a Polish screen reader or eye meets. */
const polishOverrides: Messages = {
  breadcrumb: { label: 'Ścieżka nawigacji' },
  colorpicker: {
    defaultLabel: 'wybór koloru',
    description: 'bieżący kolor to {color}. Naciśnij Enter, aby wybrać nowy kolor.',
    alphaLabel: 'wybierz przezroczystość',
    alphaDescription: 'przezroczystość {alpha}, bieżący kolor to {color}',
    hueLabel: 'wybierz odcień',
    hueDescription: 'odcień {hue}, bieżący kolor to {color}',
    svLabel: 'wybierz nasycenie i jasność',
    svDescription: 'nasycenie {saturation}, jasność {brightness}, bieżący kolor to {color}',
    predefineDescription: 'wybierz kolor {value}',
  },
  datepicker: {
    dateTablePrompt: `${arrowKeys} dzień miesiąca`,
    monthTablePrompt: `${arrowKeys} miesiąc`,
    quarterTablePrompt: `${arrowKeys} kwartał`,
    yearTablePrompt: `${arrowKeys} rok`,
    selectedDate: 'Wybrana data',
    endTime: 'Godzina końcowa',
    // No word after the year: the header reads "listopad 2026" (the theme puts the month first).
    year: '',
    weeks: { sun: 'Nd', mon: 'Pn', tue: 'Wt', wed: 'Śr', thu: 'Cz', fri: 'Pt', sat: 'So' },
    weeksFull: {
      sun: 'niedziela',
      mon: 'poniedziałek',
      tue: 'wtorek',
      wed: 'środa',
      thu: 'czwartek',
      fri: 'piątek',
      sat: 'sobota',
    },
  },
  inputNumber: { decrease: 'zmniejsz liczbę', increase: 'zwiększ liczbę' },
  dropdown: { toggleDropdown: 'Rozwiń lub zwiń listę' },
  pagination: {
    goto: 'Przejdź do',
    total: 'Razem {total}',
    page: 'Strona',
    prev: 'Przejdź do poprzedniej strony',
    next: 'Przejdź do następnej strony',
    currentPage: 'strona {pager}',
    prevPages: 'Poprzednie strony ({pager})',
    nextPages: 'Następne strony ({pager})',
    deprecationWarning: 'Wykryto przestarzały sposób użycia; szczegóły w dokumentacji komponentu el-pagination',
  },
  dialog: { close: 'Zamknij okno' },
  drawer: { close: 'Zamknij panel' },
  messagebox: { error: 'Nieprawidłowe dane', close: 'Zamknij okno' },
  upload: { deleteTip: 'naciśnij Delete, aby usunąć', delete: 'Usuń' },
  slider: {
    defaultLabel: 'suwak od {min} do {max}',
    defaultRangeStartLabel: 'wybierz wartość początkową',
    defaultRangeEndLabel: 'wybierz wartość końcową',
  },
  table: {
    selectAllLabel: 'Zaznacz wszystkie wiersze',
    selectRowLabel: 'Zaznacz ten wiersz',
    expandRowLabel: 'Rozwiń ten wiersz',
    collapseRowLabel: 'Zwiń ten wiersz',
    sortLabel: 'Sortuj według: {column}',
    filterLabel: 'Filtruj według: {column}',
  },
  // A tag's close button removes what the tag stands for (a chosen option, a filter).
  tag: { close: 'Usuń' },
  tour: { previous: 'Wstecz', close: 'Zamknij okno' },
  carousel: {
    leftArrow: 'Poprzedni slajd',
    rightArrow: 'Następny slajd',
    indicator: 'Przejdź do slajdu {index}',
  },
  inputOTP: { groupLabel: 'Kod jednorazowy', defaultLabel: 'Wpisz znak {index} kodu jednorazowego' },
}

/** Element Plus in Polish, complete: its Polish with ours over it. */
export const elementPolish: Language = {
  name: pl.name,
  el: merge(pl.el as Messages, polishOverrides) as Language['el'],
}

/** Element Plus in English, as it comes. */
export const elementEnglish: Language = en
