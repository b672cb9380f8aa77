import { describe, expect, it } from 'vitest'
import { foldText } from '@/engine'

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
