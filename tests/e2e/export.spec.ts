import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import Papa from 'papaparse'
import { fetchAll, waitForComplete, type RawRecord } from './helpers'

// What the CSV must hold, worked out here from the API's records and the merchant guide's own
// words (docs: domain.md), not from the app's code or locale files.

/** English labels of the listing log's actions, as the merchant guide lists them. */
const ACTIONS: Record<number, string> = {
  1: 'System',
  2: 'Add new Listing',
  3: 'Delete existing Listing',
  4: 'Add Product to Listing',
  5: 'Delete Product from Listing',
  35: 'Add New Child Product',
  6: 'Add new Product to Magento Store',
  7: 'Delete existing Product from Magento Store',
  8: 'Change of Product Price in Magento Store',
  9: 'Change of Product Special Price in Magento Store',
  10: 'Change of Product QTY in Magento Store',
  11: 'Change of Product Stock availability in Magento Store',
  12: 'Change of Product status in Magento Store',
  13: 'List Product on Channel',
  14: 'Relist Product on Channel',
  15: 'Revise Product on Channel',
  16: 'Stop Product on Channel',
  17: 'Remove from Channel / Remove from Listing',
  19: 'Change of Product Special Price from date in Magento Store',
  20: 'Change of Product Special Price to date in Magento Store',
  18: 'Change of Product Custom Attribute in Magento Store',
  21: 'Move to another Listing',
  22: 'Move from Unmanaged Listing',
  33: 'Sell On Another Marketplace',
  25: 'External Change',
  34: 'Relink',
  38: 'Update Discount',
  42: 'Edit Listing Settings',
}
const INITIATORS: Record<number, string> = { 0: 'Unknown', 1: 'Manual', 2: 'Automatic', 3: 'Developer' }
const TYPES: Record<number, string> = { 1: 'Info', 2: 'Success', 3: 'Warning', 4: 'Error', 100: 'Fatal Error' }

/** `YYYY-MM-DD HH:MM:SS` on the admin's clock. */
function adminDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`
}

/**
 * A message as a reader sees it: plain text, or JSON whose `%key%` placeholders take the params
 * and whose `!x_start!label!x_end!` markers leave their label.
 */
function messageText(description: string): string {
  if (!description.startsWith('{')) return description
  const { string, params, links } = JSON.parse(description) as {
    string: string
    params: Record<string, string>
    links: string[]
  }
  const markers = string.match(/!\w*_start!/g) ?? []
  // Links without a marker are labelled by the app: this test's data has none.
  expect(links.length, `links without markers in ${description}`).toBeLessThanOrEqual(markers.length)
  return string.replace(/%(\w+)%/g, (whole, key: string) => params[key] ?? whole).replace(/!\w*_(start|end)!/g, '')
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
const neutralised = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)

interface ExpectedRow {
  id: number
  cells: string[]
}

/**
 * The rows of the grid with "Only messages with unique ... ID" on: records come newest first
 * (date, then id); a record with the same message for the same product (order) as a newer one
 * is counted on the newer one's row; records without a product are never collapsed.
 */
function collapse(records: RawRecord[], entity: 'listingProductId' | 'orderId') {
  const rows: { latest: RawRecord; count: number }[] = []
  const byKey = new Map<string, { latest: RawRecord; count: number }>()
  for (const record of records) {
    const key = record[entity] === null ? null : `${String(record[entity])}\u0000${record.description}`
    const row = key === null ? undefined : byKey.get(key)
    if (row) {
      row.count++
      continue
    }
    const created = { latest: record, count: 1 }
    rows.push(created)
    if (key !== null) byKey.set(key, created)
  }
  return rows
}

const LISTING_HEADER = [
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
]

function listingRows(records: RawRecord[], timeZone: string): ExpectedRow[] {
  return collapse(records, 'listingProductId').map(({ latest: r, count }) => ({
    id: r.id,
    cells: [
      adminDate(r.createDate, timeZone),
      ACTIONS[r.action as number]!,
      r.listingTitle as string,
      String(r.listingId),
      (r.productTitle as string | null) ?? '',
      r.productId === null ? '' : String(r.productId),
      messageText(r.description),
      INITIATORS[r.initiator as number]!,
      TYPES[r.type]!,
      String(count),
      String(r.id),
    ].map(neutralised),
  }))
}

const ORDER_HEADER = [
  'Creation Date',
  'TikTok Shop Order #',
  'Magento Order #',
  'Message',
  'Run Mode',
  'Type',
  'Count',
  'Record ID',
]

function orderRows(records: RawRecord[], timeZone: string): ExpectedRow[] {
  return collapse(records, 'orderId').map(({ latest: r, count }) => ({
    id: r.id,
    cells: [
      adminDate(r.createDate, timeZone),
      r.ttsOrderId as string,
      // "N/A" when no Magento order was created.
      r.magentoOrderId === null ? 'N/A' : ((r.magentoOrderNumber as string | null) ?? String(r.magentoOrderId)),
      messageText(r.description),
      INITIATORS[r.initiator as number]!,
      TYPES[r.type]!,
      String(count),
      String(r.id),
    ].map(neutralised),
  }))
}

/** Exports the grid; returns the file name, the header and the rows, checking the encoding. */
async function exportCsv(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  const raw = readFileSync((await download.path())!, 'utf8')
  expect(raw.charCodeAt(0)).toBe(0xfeff)
  const parsed = Papa.parse<string[]>(raw.slice(1), { newline: '\r\n' })
  expect(parsed.errors).toEqual([])
  const [header, ...rows] = parsed.data
  return { fileName: download.suggestedFilename(), header: header!, rows }
}

/** Every row, every cell; on a mismatch, the first differing row is named. */
function expectRows(actual: string[][], expected: ExpectedRow[]) {
  expect(actual.length).toBe(expected.length)
  const at = actual.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(expected[i]!.cells))
  if (at >= 0) expect({ row: at, cells: actual[at] }).toEqual({ row: at, cells: expected[at]!.cells })
}

const gridRows = (page: Page) =>
  page
    .getByTestId('log-row')
    .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-id'), r.getAttribute('data-count')]))

test.describe('the standalone preview, in the browser’s time zone (America/St_Johns, UTC−3:30)', () => {
  // The standalone preview shows dates on the browser's clock: an admin in Newfoundland.
  const timeZone = 'America/St_Johns'
  test.use({ timezoneId: timeZone })

  test('the exported CSV holds every row the grid shows, cell by cell: filtered, collapsed, counted, in order', async ({
    page,
    request,
  }) => {
    // Hostile cells for the spreadsheet: they must come out neutralised.
    const when = new Date(Date.now() + 3 * 86_400_000).toISOString()
    const posted = await request.post('/api/v1/logs/listing', {
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
    expect(posted.status()).toBe(201)
    const errors = (await fetchAll(request, 'listing')).filter((r) => r.type === 4)
    const expected = listingRows(errors, timeZone)
    // The data is worth the comparison: many rows, some collapsed, dates on both sides of midnight UTC.
    expect(expected.length).toBeGreaterThan(300)
    expect(expected.some((row) => row.cells[9] !== '1')).toBe(true)
    expect(
      expected.some(
        (row) => row.cells[0]!.slice(0, 10) !== errors.find((r) => r.id === row.id)!.createDate.slice(0, 10),
      ),
    ).toBe(true)

    await page.goto('/listings/logs?type=4')
    await waitForComplete(page)
    const shown = Number(await page.getByTestId('log-summary').getAttribute('data-shown'))
    expect(shown).toBe(expected.length)
    const { fileName, header, rows } = await exportCsv(page)
    expect(fileName).toMatch(/^listing-log-\d{12}\.csv$/)
    expect(header).toEqual(LISTING_HEADER)
    expectRows(rows, expected)

    const hostile = rows.find((r) => r[6]!.includes('HYPERLINK'))!
    expect(hostile[6]).toBe('\'=HYPERLINK("http://evil.example","click")')
    expect(hostile[4]).toBe("'@Maxi Dress")

    // Sorted by product in the grid: the same rows, in the grid's order.
    await page.getByTestId('sort-product').click()
    await expect(page).toHaveURL(/sort=productTitle:asc/)
    const grid = await gridRows(page)
    const sorted = await exportCsv(page)
    expect(sorted.rows.slice(0, grid.length).map((r) => [r[10], r[9]])).toEqual(grid)
    const byId = (a: string[], b: string[]) => Number(a[10]) - Number(b[10])
    expect([...sorted.rows].sort(byId)).toEqual(expected.map((row) => row.cells).sort(byId))
  })
})

test.describe('embedded in the admin, in the admin’s time zone (Pacific/Chatham), not the browser’s', () => {
  // The browser is in India (UTC+5:30); the admin's time zone, given by the host, is Chatham
  // Islands (UTC+12:45, +13:45 in summer): the CSV must follow the admin.
  const timeZone = 'Pacific/Chatham'
  test.use({ timezoneId: 'Asia/Kolkata' })

  test('the order log exported from the host page holds every row, cell by cell, dated on the admin’s clock', async ({
    page,
    request,
  }) => {
    const errors = (await fetchAll(request, 'order')).filter((r) => r.type === 4)
    const expected = orderRows(errors, timeZone)
    expect(expected.length).toBeGreaterThan(100)
    expect(expected.some((row) => row.cells[2] === 'N/A')).toBe(true)
    expect(expected.some((row) => row.cells[2] !== 'N/A')).toBe(true)

    await page.goto(`/host-demo.html?view=order&tz=${encodeURIComponent(timeZone)}`)
    await waitForComplete(page)
    await page.getByTestId('type-count-4').click()
    await expect(page.getByTestId('log-summary')).toHaveAttribute('data-shown', String(expected.length))
    const { fileName, header, rows } = await exportCsv(page)
    expect(fileName).toMatch(/^order-log-\d{12}\.csv$/)
    expect(header).toEqual(ORDER_HEADER)
    expectRows(rows, expected)
  })
})
