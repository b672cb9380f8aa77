import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { createAppI18n, formatLocaleOf, languageChoice, setAppLocale } from '@/app/i18n'
import { LISTING_ACTION_CODES, TASK_CODES } from '@/logKinds'
import { trendFormats } from '@/trend/trendFormats'
import { canonicalLocale, firstDayOfWeek, loadLocale, matchLocale, regionFirstDay } from '@/locales'
import { elementEnglish, elementPolish } from '@/locales/elementPlus'
import { withWeekStart } from '@/locales/weekStart'
import enUS from '@/locales/en_US'
import plPL from '@/locales/pl_PL'

const messages = { en_US: enUS, pl_PL: plPL }
// Polish loads on demand in the app; here createAppI18n('pl_PL') needs it loaded first.
await loadLocale('pl_PL')
import { at, leaves } from './messageTree'

const keys = (value: unknown) => leaves(value).map(([key]) => key)

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

const has = (tree: unknown, key: string) => at(tree, key) !== undefined

describe('the locales', () => {
  it('have exactly the same keys in English and Polish, none empty', () => {
    const english = keys(messages.en_US).sort()
    const polish = keys(messages.pl_PL).sort()
    expect(polish).toEqual(english)
    for (const key of english) {
      expect(has(messages.pl_PL, key), key).toBe(true)
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages.pl_PL)
      expect(String(value).trim(), key).not.toBe('')
    }
  })

  it('contain every literal key the source asks for', () => {
    const missing: string[] = []
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        if (!has(messages.en_US, match[1]!)) missing.push(`${file}: ${match[1]}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('use the terms of the Polish M2E documentation', () => {
    const pl = messages.pl_PL
    expect([pl.logs.listing.title, pl.logs.order.title, pl.logs.synchronization.title]).toEqual([
      'Dzienniki ofert',
      'Dziennik zamówień',
      'Logi synchronizacji',
    ])
    expect([pl.types['1'], pl.types['2'], pl.types['3'], pl.types['4']]).toEqual([
      'Info',
      'Sukces',
      'Ostrzeżenie',
      'Błąd',
    ])
    expect(pl.filters.uniqueProduct).toBe('Tylko wiadomości z unikalnym identyfikatorem produktu')
    expect(pl.filters.uniqueOrder).toBe('Tylko wiadomości z unikalnym identyfikatorem zamówienia')
    expect(pl.menu.logsAndEvents).toBe('Dzienniki i wydarzenia')
    // The guide's own words for these two actions (25 it leaves in English).
    expect([pl.actions['15'], pl.actions['25']]).toEqual(['Przejrzyj produkt na kanale', 'External Change'])
  })

  it('name every action in the form the English label has: an order as an imperative, an event as a noun', () => {
    // The guide's "Przejrzyj produkt na kanale" translates "Revise Product on Channel" as it is
    // written; the labels that say "Change of …" stay "Zmiana …". Channel actions say "na kanale".
    for (const [code, english] of Object.entries(messages.en_US.actions)) {
      const polish = messages.pl_PL.actions[code as keyof typeof messages.pl_PL.actions]
      if (english.startsWith('Change of ')) expect(polish, code).toMatch(/^Zmiana /)
      else expect(polish, code).not.toMatch(/^(Dodanie|Usunięcie|Wystawienie|Zmiana|Przeniesienie|Edycja)\b/)
      if (english.includes('on Channel')) expect(polish, code).toContain('na kanale')
    }
  })

  it('give the Detailed column and the Details link different Polish words', () => {
    expect(messages.pl_PL.columns.detailed).not.toBe(messages.pl_PL.details.open)
  })

  it('quote with „…” in Polish', () => {
    const texts = keys(messages.pl_PL).map((key) => String(at(messages.pl_PL, key)))
    expect(texts.filter((text) => /[“"]/.test(text.replace(/„[^”]*”/g, '')))).toEqual([])
  })
})

/** Every listing action in the order the filter lists them (domain.md), with its label in both languages. */
const ACTIONS: [code: number, en_US: string, pl_PL: string][] = [
  [1, 'System', 'System'],
  [2, 'Add new Listing', 'Dodaj nową ofertę'],
  [3, 'Delete existing Listing', 'Usuń istniejącą ofertę'],
  [4, 'Add Product to Listing', 'Dodaj produkt do oferty'],
  [5, 'Delete Product from Listing', 'Usuń produkt z oferty'],
  [35, 'Add New Child Product', 'Dodaj nowy produkt podrzędny'],
  [6, 'Add new Product to Magento Store', 'Dodaj nowy produkt do sklepu Magento'],
  [7, 'Delete existing Product from Magento Store', 'Usuń istniejący produkt ze sklepu Magento'],
  [8, 'Change of Product Price in Magento Store', 'Zmiana ceny produktu w sklepie Magento'],
  [9, 'Change of Product Special Price in Magento Store', 'Zmiana ceny specjalnej produktu w sklepie Magento'],
  [10, 'Change of Product QTY in Magento Store', 'Zmiana ilości produktu w sklepie Magento'],
  [11, 'Change of Product Stock availability in Magento Store', 'Zmiana dostępności produktu w sklepie Magento'],
  [12, 'Change of Product status in Magento Store', 'Zmiana statusu produktu w sklepie Magento'],
  [13, 'List Product on Channel', 'Wystaw produkt na kanale'],
  [14, 'Relist Product on Channel', 'Wystaw ponownie produkt na kanale'],
  [15, 'Revise Product on Channel', 'Przejrzyj produkt na kanale'],
  [16, 'Stop Product on Channel', 'Zatrzymaj produkt na kanale'],
  [17, 'Remove from Channel / Remove from Listing', 'Usuń z kanału / Usuń z oferty'],
  [
    19,
    'Change of Product Special Price from date in Magento Store',
    'Zmiana daty początku ceny specjalnej produktu w sklepie Magento',
  ],
  [
    20,
    'Change of Product Special Price to date in Magento Store',
    'Zmiana daty końca ceny specjalnej produktu w sklepie Magento',
  ],
  [
    18,
    'Change of Product Custom Attribute in Magento Store',
    'Zmiana atrybutu niestandardowego produktu w sklepie Magento',
  ],
  [21, 'Move to another Listing', 'Przenieś do innej oferty'],
  [22, 'Move from Unmanaged Listing', 'Przenieś z niezarządzanej oferty'],
  [33, 'Sell On Another Marketplace', 'Sprzedawaj na innym rynku'],
  [25, 'External Change', 'External Change'],
  [34, 'Relink', 'Powiąż ponownie'],
  [38, 'Update Discount', 'Zaktualizuj rabat'],
  [42, 'Edit Listing Settings', 'Edytuj ustawienia oferty'],
]

/** Synchronization tasks in the filter's order; 100 ("All") is the filter's "no task". */
const TASKS: [code: number, en_US: string, pl_PL: string][] = [
  [0, 'Other', 'Inne'],
  [2, 'Listings', 'Oferty'],
  [5, 'Unmanaged Listings', 'Niezarządzane oferty'],
  [3, 'Orders', 'Zamówienia'],
  [100, 'All', 'Wszystkie'],
]

const TYPES: [code: number, en_US: string, pl_PL: string][] = [
  [1, 'Info', 'Info'],
  [2, 'Success', 'Sukces'],
  [3, 'Warning', 'Ostrzeżenie'],
  [4, 'Error', 'Błąd'],
  [100, 'Fatal Error', 'Błąd krytyczny'],
]

const INITIATORS: [code: number, en_US: string, pl_PL: string][] = [
  [0, 'Unknown', 'Brak danych'],
  [1, 'Manual', 'Ręcznie'],
  [2, 'Automatic', 'Automatycznie'],
  [3, 'Developer', 'Przez programistę'],
]

const i18n = { en_US: createAppI18n('en_US').global, pl_PL: createAppI18n('pl_PL').global }

/** The label the page shows for a code, through the app's own i18n. */
const label = (locale: 'en_US' | 'pl_PL', group: string, code: number) => i18n[locale].t(`${group}.${code}`)

describe('the labels of codes, word for word in both languages', () => {
  it('offer the listing actions and the tasks in the order of the original filter', () => {
    expect([...LISTING_ACTION_CODES]).toEqual(ACTIONS.map(([code]) => code))
    expect([...TASK_CODES, 100]).toEqual(TASKS.map(([code]) => code))
  })

  for (const [group, table] of [
    ['actions', ACTIONS],
    ['tasks', TASKS],
    ['types', TYPES],
    ['initiators', INITIATORS],
  ] as const) {
    it(`name every one of the ${group} as the table says, and nothing more`, () => {
      for (const locale of ['en_US', 'pl_PL'] as const) {
        expect(
          Object.keys(messages[locale][group])
            .map(Number)
            .sort((a, b) => a - b),
        ).toEqual(table.map(([code]) => code).sort((a, b) => a - b))
      }
      expect(table.map(([code]) => [code, label('en_US', group, code), label('pl_PL', group, code)])).toEqual(table)
    })
  }
})

/** A message for `count` the way the live refresh pill asks: the number formatted, and as the plural. */
const plural = (locale: 'en_US' | 'pl_PL', key: string, count: number) =>
  i18n[locale].t(key, { count: String(count) }, count)

describe('plurals', () => {
  it('say "N new records" in Polish with the form each number takes', () => {
    expect([1, 2, 5, 12, 22, 25].map((n) => plural('pl_PL', 'live.pending', n))).toEqual([
      '1 nowy wpis',
      '2 nowe wpisy',
      '5 nowych wpisów',
      '12 nowych wpisów',
      '22 nowe wpisy',
      '25 nowych wpisów',
    ])
    expect([0, 4, 11, 13, 14, 21, 24, 100, 102, 112, 1001].map((n) => plural('pl_PL', 'live.pending', n))).toEqual([
      '0 nowych wpisów',
      '4 nowe wpisy',
      '11 nowych wpisów',
      '13 nowych wpisów',
      '14 nowych wpisów',
      '21 nowych wpisów',
      '24 nowe wpisy',
      '100 nowych wpisów',
      '102 nowe wpisy',
      '112 nowych wpisów',
      '1001 nowych wpisów',
    ])
  })

  it('say "N new records" in English with one and other', () => {
    expect([1, 2, 5, 12, 22, 25].map((n) => plural('en_US', 'live.pending', n))).toEqual([
      '1 new record',
      '2 new records',
      '5 new records',
      '12 new records',
      '22 new records',
      '25 new records',
    ])
  })

  it('say how often a collapsed message was repeated, in both languages', () => {
    expect([1, 2, 5, 12, 22, 25].map((n) => plural('pl_PL', 'grid.count', n))).toEqual([
      'powtórzono 1 raz',
      'powtórzono 2 razy',
      'powtórzono 5 razy',
      'powtórzono 12 razy',
      'powtórzono 22 razy',
      'powtórzono 25 razy',
    ])
    expect([1, 2, 22].map((n) => plural('en_US', 'grid.count', n))).toEqual([
      'repeated 1 time',
      'repeated 2 times',
      'repeated 22 times',
    ])
    // The cell passes the number as a named value only: that alone must pick the form.
    expect(i18n.pl_PL.t('grid.count', { count: 22 })).toBe('powtórzono 22 razy')
  })

  it('count problems, their products and their occurrences with the right form', () => {
    const problems = (locale: 'en_US' | 'pl_PL', n: number) =>
      i18n[locale].t('summary.problems', { shown: String(n), matched: '1', total: '2' }, n)
    expect([1, 2, 5].map((n) => problems('en_US', n))).toEqual([
      'Showing 1 problem (1 of 2 records)',
      'Showing 2 problems (1 of 2 records)',
      'Showing 5 problems (1 of 2 records)',
    ])
    // "z N wpisów" (of N records) takes the one form whatever the numbers.
    expect([1, 2, 5, 12, 22].map((n) => problems('pl_PL', n))).toEqual([
      'Wyświetlono 1 problem (1 z 2 wpisów)',
      'Wyświetlono 2 problemy (1 z 2 wpisów)',
      'Wyświetlono 5 problemów (1 z 2 wpisów)',
      'Wyświetlono 12 problemów (1 z 2 wpisów)',
      'Wyświetlono 22 problemy (1 z 2 wpisów)',
    ])
    expect([1, 3, 5].map((n) => plural('pl_PL', 'problems.ownersTitle.order', n))).toEqual([
      'Dotyczy 1 zamówienia',
      'Dotyczy 3 zamówień',
      'Dotyczy 5 zamówień',
    ])
    expect([1, 3].map((n) => plural('en_US', 'problems.countTitle', n))).toEqual([
      'Happened 1 time',
      'Happened 3 times',
    ])
  })

  it('count records in the status line, the load error and the rejections with the right form', () => {
    const showing = (locale: 'en_US' | 'pl_PL', total: number) =>
      i18n[locale].t('summary.showing', { shown: String(total), total: String(total) }, total)
    expect([1, 2, 5, 22].map((n) => showing('en_US', n))).toEqual([
      'Showing 1 of 1 record',
      'Showing 2 of 2 records',
      'Showing 5 of 5 records',
      'Showing 22 of 22 records',
    ])
    expect([1, 2, 5, 12, 22].map((n) => showing('pl_PL', n))).toEqual([
      'Wyświetlono 1 z 1 wpisu',
      'Wyświetlono 2 z 2 wpisów',
      'Wyświetlono 5 z 5 wpisów',
      'Wyświetlono 12 z 12 wpisów',
      'Wyświetlono 22 z 22 wpisów',
    ])
    expect([1, 2, 5, 12, 22].map((n) => plural('pl_PL', 'load.rejected', n))).toEqual([
      'Odrzucono 1 wpis, ponieważ był uszkodzony.',
      'Odrzucono 2 wpisy, ponieważ były uszkodzone.',
      'Odrzucono 5 wpisów, ponieważ były uszkodzone.',
      'Odrzucono 12 wpisów, ponieważ były uszkodzone.',
      'Odrzucono 22 wpisy, ponieważ były uszkodzone.',
    ])
    expect([1, 3].map((n) => plural('en_US', 'load.keptRecords', n))).toEqual([
      'The 1 record loaded so far is still shown.',
      'The 3 records loaded so far are still shown.',
    ])
  })

  it('give every pluralised message three forms in Polish and two in English', () => {
    const english = keys(messages.en_US)
    const pluralised = english.filter((key) => String(at(messages.en_US, key)).includes('|'))
    expect(pluralised.sort()).toEqual([
      'filters.activeCount',
      'grid.count',
      'live.pending',
      'load.keptRecords',
      'load.rejected',
      'load.undated',
      'problems.countTitle',
      'problems.ownersTitle.listing',
      'problems.ownersTitle.order',
      'summary.problems',
      'summary.rows',
      'summary.showing',
    ])
    for (const key of pluralised) {
      expect(String(at(messages.en_US, key)).split('|'), key).toHaveLength(2)
      expect(String(at(messages.pl_PL, key)).split('|'), key).toHaveLength(3)
    }
    const polish = keys(messages.pl_PL).filter((key) => String(at(messages.pl_PL, key)).includes('|'))
    expect(polish.sort()).toEqual(pluralised)
  })
})

describe('any locale a host gives', () => {
  it('shows the closest language the app has, with dates and numbers in the locale itself', () => {
    const cases = [
      ['de_DE', 'en_US', 'de-DE'],
      ['fr-FR', 'en_US', 'fr-FR'],
      ['fr-CA', 'en_US', 'fr-CA'],
      ['de', 'en_US', 'de'],
      ['en-GB', 'en_US', 'en-GB'],
      ['en_US', 'en_US', 'en-US'],
      ['pt_BR', 'en_US', 'pt-BR'],
      ['zh_Hans_CN', 'en_US', 'zh-Hans-CN'],
      ['zh_hant_tw', 'en_US', 'zh-Hant-TW'],
      ['sr_Latn_RS', 'en_US', 'sr-Latn-RS'],
      ['es_419', 'en_US', 'es-419'],
      ['pl', 'pl_PL', 'pl'],
      ['pl-PL', 'pl_PL', 'pl-PL'],
      ['pl_PL', 'pl_PL', 'pl-PL'],
      ['PL_pl', 'pl_PL', 'pl-PL'],
    ] as const
    expect(cases.map(([value]) => [value, matchLocale(value)?.language, matchLocale(value)?.formatLocale])).toEqual(
      cases,
    )
  })

  it('refuses only what is not a locale at all', () => {
    for (const value of [42, 'xx_YY_ZZ', 'xx-YY-ZZ', '', ' de_DE', 'de_DE.UTF-8', 'x', null, undefined, {}, ['de']]) {
      expect(canonicalLocale(value), JSON.stringify(value)).toBeUndefined()
      expect(matchLocale(value), JSON.stringify(value)).toBeUndefined()
    }
  })

  it("start the week on the locale's first day: Monday in Germany and Poland, Sunday in the US and Canada", () => {
    const days = ['de-DE', 'de', 'pl', 'en-GB', 'zh-Hans-CN', 'en-US', 'en', 'fr-CA', 'ja', 'pt-BR', 'ar-EG']
    expect(days.map((tag) => [tag, firstDayOfWeek(tag)])).toEqual([
      ['de-DE', 1],
      ['de', 1],
      ['pl', 1],
      ['en-GB', 1],
      ['zh-Hans-CN', 1],
      ['en-US', 7],
      ['en', 7],
      ['fr-CA', 7],
      ['ja', 7],
      ['pt-BR', 7],
      ['ar-EG', 6],
    ])
  })

  it('know the first day by region where Intl has no week data, as Intl has it', () => {
    type WeekLocale = Intl.Locale & { getWeekInfo?(): { firstDay: number }; weekInfo?: { firstDay: number } }
    const intlDay = (region: string) => {
      const locale = new Intl.Locale(`und-${region}`) as WeekLocale
      return (locale.getWeekInfo?.() ?? locale.weekInfo)!.firstDay
    }
    const regions =
      'US CA MX BR JP KR TW HK IL IN PH ZA SA TH PT EG IR DZ SY AF MV DE PL FR GB IT ES NL SE CN AU RU TR AE'
    for (const region of regions.split(' ')) expect(regionFirstDay(region), region).toBe(intlDay(region))

    // And firstDayOfWeek takes it from there in a browser without getWeekInfo or weekInfo.
    const prototype = Intl.Locale.prototype as unknown as Record<string, unknown>
    const saved = (['getWeekInfo', 'weekInfo'] as const).map(
      (key) => [key, Object.getOwnPropertyDescriptor(prototype, key)] as const,
    )
    try {
      for (const [key] of saved) Object.defineProperty(prototype, key, { value: undefined, configurable: true })
      expect(['de-DE', 'de', 'en-US', 'en', 'fr-CA', 'ar-EG', 'pl'].map(firstDayOfWeek)).toEqual([1, 1, 7, 7, 7, 6, 1])
    } finally {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(prototype, key, descriptor)
        else delete prototype[key]
      }
    }
  })

  it("format in the host's locale until the language is switched without one, then in the language's own", async () => {
    const { global } = createAppI18n('en_US')
    expect(formatLocaleOf(global)).toBe('en-US')
    await setAppLocale(global, 'en_US', 'de-DE')
    expect(formatLocaleOf(global)).toBe('de-DE')
    expect(languageChoice(global)).toEqual({ language: 'en_US', formatLocale: 'de-DE' })
    // The app's own language switch gives no locale: the dates follow the language chosen.
    await setAppLocale(global, 'pl_PL')
    expect([global.locale.value, formatLocaleOf(global)]).toEqual(['pl_PL', 'pl-PL'])
    await setAppLocale(global, 'en_US')
    expect(formatLocaleOf(global)).toBe('en-US')
    // A language set on the i18n directly has its own.
    await setAppLocale(global, 'en_US', 'fr-CA')
    global.locale.value = 'pl_PL'
    expect(formatLocaleOf(global)).toBe('pl-PL')
  })

  it("format a trend's dates and numbers in a BCP 47 locale, or in a language's own", () => {
    const day = Date.UTC(2026, 10, 20)
    const german = trendFormats('de-DE', 'UTC', 'day')
    expect(german.number(12345)).toBe('12.345')
    expect(german.bucket(day)).toBe(
      new Intl.DateTimeFormat('de-DE', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
        day,
      ),
    )
    expect(trendFormats('pl_PL', 'UTC', 'day').number(12345)).toBe(new Intl.NumberFormat('pl-PL').format(12345))
    expect(trendFormats('en_US', 'UTC', 'day').number(12345)).toBe('12,345')
  })

  it("give Element Plus's date picker a week that starts on the locale's first day", () => {
    // Element Plus's date table reads `dayjs().locale(lang).$locale().weekStart || 7`.
    const weekStart = (language: { name: string }) =>
      (dayjs().locale(language.name) as unknown as { $locale(): { weekStart?: number } }).$locale().weekStart || 7
    const germanEnglish = withWeekStart(elementEnglish, firstDayOfWeek('de-DE'))
    expect(weekStart(germanEnglish)).toBe(1)
    expect(germanEnglish.el).toBe(elementEnglish.el)
    expect(withWeekStart(elementEnglish, 1)).toBe(germanEnglish)
    expect(weekStart(withWeekStart(elementEnglish, firstDayOfWeek('en-US')))).toBe(7)
    expect(weekStart(withWeekStart(elementEnglish, firstDayOfWeek('ar-EG')))).toBe(6)
    expect(weekStart(withWeekStart(elementPolish, firstDayOfWeek('pl-PL')))).toBe(1)
    expect(weekStart(withWeekStart(elementPolish, 7))).toBe(7)
    // Registered, not made dayjs's global locale.
    expect(dayjs.locale()).toBe('en')
  })
})
