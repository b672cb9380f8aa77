import { describe, expect, it } from 'vitest'
import { foldText, matchRanges } from '@/engine'

describe('foldText', () => {
  it('folds case and diacritics, stroked letters too', () => {
    expect(foldText('Błąd: Zamówienie ŁÓDŹ')).toBe('blad: zamowienie lodz')
    expect(foldText('Øresund Đakovo')).toBe('oresund dakovo')
  })

  it('folds the dash family to a hyphen-minus', () => {
    const dashes = [
      '-',
      '\u2010',
      '\u2011',
      '\u2012',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u2212',
      '\ufe58',
      '\ufe63',
      '\uff0d',
    ]
    for (const dash of dashes)
      expect(foldText(`Bulb ${dash} Olive`), `U+${dash.codePointAt(0)!.toString(16)}`).toBe('bulb - olive')
  })

  it('folds curly, low and prime single quotes to an apostrophe', () => {
    for (const quote of ["'", '‘', '’', '‚', '‛', '′', '＇']) expect(foldText(`Kids${quote} Tee`)).toBe("kids' tee")
  })

  it('folds curly, low and prime double quotes and guillemets to a straight double quote', () => {
    for (const [open, close] of [
      ['"', '"'],
      ['“', '”'],
      ['„', '”'],
      ['‟', '″'],
      ['＂', '＂'],
      ['«', '»'],
      ['»', '«'],
    ]) {
      expect(foldText(`Produkt ${open}Żółw${close}`)).toBe('produkt "zolw"')
    }
  })

  it('folds no-break and narrow no-break spaces to a plain space', () => {
    expect(foldText('1\u00a0000,00\u202fzł')).toBe('1 000,00 zl')
  })

  it('leaves plain ASCII as it is, but for case', () => {
    expect(foldText('Rock & Roll "Pro" - 2-Pack, it\'s <b>')).toBe('rock & roll "pro" - 2-pack, it\'s <b>')
  })

  it('keeps other punctuation and scripts', () => {
    expect(foldText('Price: 12.50 € → 13.00 € (‹sale›) 日本')).toBe('price: 12.50 € → 13.00 € (‹sale›) 日本')
  })
})

describe('matchRanges (what the message filter found, for highlighting)', () => {
  const marked = (text: string, query: string) =>
    matchRanges(text, query)
      .map(([start, end]) => text.slice(start, end))
      .join('|')

  it('follows the filter’s rules: case, diacritics, dashes and stroked letters', () => {
    expect(marked('Bulb – Olive and BULB - olive', 'bulb - olive')).toBe('Bulb – Olive|BULB - olive')
    expect(marked('Błąd zamówienia', 'blad')).toBe('Błąd')
    expect(marked('Cena: 10,00 zł', '10,00 zl')).toBe('10,00 zł')
  })

  it('matches numbers as they are (numbers as equal plays no part)', () => {
    expect(marked('QTY was revised from 55 to 54.', '54')).toBe('54')
    expect(marked('QTY was revised from 55 to 54.', '56')).toBe('')
  })

  it('merges overlapping and touching matches into one range', () => {
    expect(matchRanges('aaaa', 'aa')).toEqual([[0, 4]])
    expect(matchRanges('abab-x-abab', 'ab')).toEqual([
      [0, 4],
      [7, 11],
    ])
  })

  it('keeps a combining mark with its letter, and maps folded text back to the original', () => {
    // "e" + combining acute, then a letter whose lower case is two units long.
    const text = 'Cafe\u0301 İstanbul'
    expect(marked(text, 'cafe')).toBe('Cafe\u0301')
    expect(marked(text, 'istanbul')).toBe('İstanbul')
  })

  it('finds nothing for an empty or blank filter', () => {
    expect(matchRanges('anything', '   ')).toEqual([])
  })
})
