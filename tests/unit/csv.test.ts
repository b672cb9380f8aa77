import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { buildCsv, FORMULA_START } from '@/logPage/export/csv'

async function text(blob: Blob) {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer())
}

describe('buildCsv', () => {
  it('writes UTF-8 with a BOM, quoted cells and every row, in slices', async () => {
    const progress: number[] = []
    const blob = await buildCsv({
      header: ['Date', 'Message'],
      rowCount: 12,
      row: (i) => [`2026-11-${10 + i}`, i === 3 ? 'line one\nline "two", with comma' : `Błąd ${i}`],
      sliceSize: 5,
      onProgress: (done) => progress.push(done),
    })
    const csv = await text(blob)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data
    expect(parsed).toHaveLength(13)
    expect(parsed[0]).toEqual(['Date', 'Message'])
    expect(parsed[4]).toEqual(['2026-11-13', 'line one\nline "two", with comma'])
    expect(parsed[12]).toEqual(['2026-11-21', 'Błąd 11'])
    expect(progress).toEqual([5, 10, 12])
  })

  it('neutralises cells a spreadsheet would run as formulas, multi-line ones included', async () => {
    const hostile = [
      '=HYPERLINK("http://evil","x")',
      '+cmd|calc',
      '-2+3',
      '@SUM(1)',
      '\t=1',
      '\r=1',
      '=1+1\nsecond line',
      'safe = 1',
    ]
    const blob = await buildCsv({ header: ['v'], rowCount: hostile.length, row: (i) => [hostile[i]!] })
    const parsed = Papa.parse<string[]>((await text(blob)).slice(1), { newline: '\r\n' })
      .data.slice(1)
      .map((r) => r[0])
    expect(parsed).toEqual(hostile.map((value) => (FORMULA_START.test(value) ? `'${value}` : value)))
    expect(parsed.at(-1)).toBe('safe = 1')
    expect(parsed[6]).toBe("'=1+1\nsecond line")
  })
})
