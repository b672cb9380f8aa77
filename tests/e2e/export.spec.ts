import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import Papa from 'papaparse'
import { waitForComplete } from './helpers'

test('the exported CSV holds exactly the rows the grid shows: filtered, collapsed, counted, in order', async ({
  page,
  request,
}) => {
  // A hostile cell for the spreadsheet: it must come out neutralised.
  const when = new Date(Date.now() + 3 * 86_400_000).toISOString()
  await request.post('/api/v1/logs/listing', {
    data: {
      items: [
        {
          createDate: when,
          type: 4,
          initiator: 1,
          description: '=HYPERLINK("http://evil.example","click")',
          accountId: 1,
          shopId: 1,
          listingId: 1,
          listingTitle: 'Summer Dresses 2026',
          productId: 1001,
          productTitle: '@Maxi Dress',
          listingProductId: 5001,
          action: 13,
          actionId: 7_777_777,
        },
      ],
    },
  })
  await page.goto('/listings/logs?type=4&sort=productTitle:asc')
  await waitForComplete(page)
  const shown = Number(await page.getByTestId('log-summary').getAttribute('data-shown'))
  const gridRows = await page
    .getByTestId('log-row')
    .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-id'), r.getAttribute('data-count')]))

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  expect(download.suggestedFilename()).toMatch(/^listing-log-\d{12}\.csv$/)
  const raw = readFileSync((await download.path())!, 'utf8')
  expect(raw.charCodeAt(0)).toBe(0xfeff)
  const [header, ...rows] = Papa.parse<string[]>(raw.slice(1), { newline: '\r\n' }).data
  expect(header).toEqual([
    'Creation Date',
    'Action',
    'Listing',
    'Listing ID',
    'Magento Product',
    'Product ID',
    'Message',
    'Run Mode',
    'Type',
    'Count',
    'Record ID',
  ])
  expect(rows).toHaveLength(shown)
  const idAt = header!.indexOf('Record ID')
  const countAt = header!.indexOf('Count')
  expect(rows.slice(0, gridRows.length).map((r) => [r[idAt], r[countAt]])).toEqual(gridRows)
  expect(rows.every((r) => r[header!.indexOf('Type')] === 'Error')).toBe(true)
  const hostile = rows.find((r) => r[header!.indexOf('Message')]!.includes('HYPERLINK'))!
  expect(hostile[header!.indexOf('Message')]).toBe('\'=HYPERLINK("http://evil.example","click")')
  expect(hostile[header!.indexOf('Magento Product')]).toBe("'@Maxi Dress")
  expect(hostile[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
})
