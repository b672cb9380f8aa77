/**
 * The Problems view (issue 29): one row per message shape across products or orders, checked
 * against the API's own records with an independent reading of the messages (the engine tests'
 * model, which shares no code with the app).
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import Papa from 'papaparse'
import { modelMessageText } from '../unit/engine/model'
import { fetchAll, waitForComplete, type RawRecord } from './helpers'

/** A message's shape: numbers as equal ("Treat numbers as equal"). */
const shapeOf = (record: RawRecord) => modelMessageText(record.description).replace(/\d+(?:[.,]\d+)*/g, '#')

interface Problem {
  records: RawRecord[]
  owners: Set<number>
}

/** The problems of a log, computed from its records: per shape, its records and its distinct owners. */
function problemsOf(records: RawRecord[], owner: 'listingProductId' | 'orderId'): Map<string, Problem> {
  const problems = new Map<string, Problem>()
  for (const record of records) {
    const shape = shapeOf(record)
    let problem = problems.get(shape)
    if (!problem) problems.set(shape, (problem = { records: [], owners: new Set() }))
    problem.records.push(record)
    const id = record[owner] as number | null
    if (id !== null && id !== 0) problem.owners.add(id)
  }
  return problems
}

interface GridRow {
  id: number
  count: number
  products: number
}

/** Every row of the grid, read by scrolling it from top to bottom (it draws only what is in view). */
async function readAllRows(page: Page): Promise<GridRow[]> {
  const grid = page.getByTestId('log-grid')
  const rows = new Map<number, GridRow>()
  await grid.evaluate((element) => element.scrollTo(0, 0))
  for (;;) {
    const seen = await grid.evaluate((element) =>
      [...element.querySelectorAll('[data-testid="log-row"]')].map((row) => ({
        index: Number(row.getAttribute('aria-rowindex')),
        id: Number(row.getAttribute('data-id')),
        count: Number(row.querySelector('[data-testid="problem-count"]')?.getAttribute('data-value')),
        products: Number(row.querySelector('[data-testid="problem-products"]')?.getAttribute('data-value')),
      })),
    )
    for (const { index, ...row } of seen) rows.set(index, row)
    const moved = await grid.evaluate((element) => {
      const before = element.scrollTop
      element.scrollTop = before + element.clientHeight * 0.8
      return element.scrollTop !== before
    })
    if (!moved) break
    // The rows of the new position are drawn on the next frames: the window moved on, or (a last
    // scroll shorter than the rows drawn beyond the view) the last row is among them already.
    const firstSeen = Math.min(...seen.map((row) => row.index))
    await expect
      .poll(() =>
        grid.evaluate((element, before) => {
          const drawn = [...element.querySelectorAll('[data-testid="log-row"]')].map((row) =>
            Number(row.getAttribute('aria-rowindex')),
          )
          const shown = Number(document.querySelector('[data-testid="log-summary"]')?.getAttribute('data-shown'))
          // aria-rowindex counts the header row: the last row's is the rows' count + 1.
          return (drawn[0] ?? 0) > before || drawn.includes(shown + 1)
        }, firstSeen),
      )
      .toBe(true)
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row)
}

test.describe('the Problems view', () => {
  test('listing log: one row per message shape, its records and its products as the API says', async ({
    page,
    request,
  }) => {
    const records = await fetchAll(request, 'listing')
    const byId = new Map(records.map((record) => [record.id, record]))
    const problems = problemsOf(records, 'listingProductId')
    await page.goto('/listings/logs?view=problems')
    await waitForComplete(page)
    const total = records.length.toLocaleString('en-US')
    await expect(page.getByTestId('log-summary')).toHaveText(
      `Showing ${problems.size.toLocaleString('en-US')} problems (${total} of ${total} records)`,
    )
    // The column chooser offers this view's columns; the worst type, with the way in, always stays.
    await page.getByTestId('column-chooser').click()
    const list = page.getByTestId('column-list')
    await expect(list).toBeVisible()
    await expect(list.getByRole('checkbox', { name: 'Products' })).toBeAttached()
    await expect(list.getByRole('checkbox', { name: 'Action' })).toHaveCount(0)
    await expect(list.getByRole('checkbox', { name: 'Type' })).toHaveCount(0)
    await page.getByTestId('column-chooser').click()

    const rows = await readAllRows(page)
    expect(rows).toHaveLength(problems.size)
    // Every record under the filters (none) is counted once, in its problem's row.
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(records.length)
    for (const row of rows) {
      const problem = problems.get(shapeOf(byId.get(row.id)!))!
      expect({ count: row.count, products: row.products }).toEqual({
        count: problem.records.length,
        products: problem.owners.size,
      })
    }
    // Newest last seen first: each row shows its problem's newest record.
    const lastSeen = rows.map((row) => Date.parse(byId.get(row.id)!.createDate))
    expect(lastSeen).toEqual([...lastSeen].sort((a, b) => b - a))
    // A problem spread over many products is the point of the view: the seed has some.
    expect(Math.max(...rows.map((row) => row.products))).toBeGreaterThan(50)
  })

  test('a filter narrows the problems; sorting by occurrences orders them', async ({ page, request }) => {
    const errors = (await fetchAll(request, 'listing')).filter((record) => record.type === 4)
    const problems = problemsOf(errors, 'listingProductId')
    await page.goto('/listings/logs?view=problems&type=4')
    await waitForComplete(page)
    await expect(page.getByTestId('log-summary')).toHaveAttribute('data-shown', String(problems.size))
    const rows = await readAllRows(page)
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(errors.length)

    await page.getByTestId('sort-problemCount').click()
    await expect(page).toHaveURL(/sort=count%3Aasc|sort=count:asc/)
    const ascending = await readAllRows(page)
    const counts = ascending.map((row) => row.count)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    await page.getByTestId('sort-problemOwners').click()
    await page.getByTestId('sort-problemOwners').click()
    await expect(page).toHaveURL(/sort=owners(%3A|:)desc/)
    const products = (await readAllRows(page)).map((row) => row.products)
    expect(products).toEqual([...products].sort((a, b) => b - a))
  })

  test('drilling into a problem shows exactly its products, and Back returns', async ({ page, request }) => {
    const records = await fetchAll(request, 'listing')
    const byId = new Map(records.map((record) => [record.id, record]))
    const problems = problemsOf(records, 'listingProductId')
    await page.goto('/listings/logs?view=problems&sort=owners:desc')
    await waitForComplete(page)
    // The second widest problem: a click on its row (not on a link) opens its records.
    const row = page.getByTestId('log-row').nth(1)
    const problem = problems.get(shapeOf(byId.get(Number(await row.getAttribute('data-id')))!))!
    await row.getByTestId('problem-count').click()
    await expect(page).toHaveURL(/shape=[0-9a-f]{8}/)
    await expect(page).not.toHaveURL(/view=problems/)
    // One row per product (numbers as equal), and a row per record without a product.
    const withoutProduct = problem.records.filter((record) => record.listingProductId === null).length
    await expect(page.getByTestId('log-summary')).toHaveAttribute(
      'data-shown',
      String(problem.owners.size + withoutProduct),
    )
    await expect(page.getByRole('checkbox', { name: 'Only messages with unique Product ID' })).toBeChecked()
    await expect(page.getByTestId('chip-shape')).toBeVisible()
    const shown = await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => Number(r.dataset.id)))
    for (const id of shown) expect(problem.records.map((r) => r.id)).toContain(id)

    await page.goBack()
    await expect(page).toHaveURL(/view=problems/)
    await expect(page.getByTestId('log-summary')).toHaveAttribute('data-shown', String(problems.size))
  })

  test('Enter on a problem row drills in too; selecting its text does not', async ({ page }) => {
    await page.goto('/listings/logs?view=problems')
    await waitForComplete(page)
    // Selecting a message to copy it (a drag over its text) leaves the merchant where they are.
    const text = page.getByTestId('log-row').first().locator('.tts-message__text')
    const box = (await text.boundingBox())!
    await page.mouse.move(box.x + 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 })
    await page.mouse.up()
    expect(await page.evaluate(() => window.getSelection()?.toString().length)).toBeGreaterThan(0)
    await expect(page).toHaveURL(/view=problems/)
    await expect(page).not.toHaveURL(/shape=/)
    await page.getByTestId('log-grid').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/shape=[0-9a-f]{8}/)
  })

  test('order log: View Mode offers Separated and Problems; a problem counts orders', async ({ page, request }) => {
    const records = await fetchAll(request, 'order')
    const byId = new Map(records.map((record) => [record.id, record]))
    const problems = problemsOf(records, 'orderId')
    await page.goto('/sales/logs')
    await waitForComplete(page)
    await page.locator('.tts-el-select', { has: page.getByLabel('View Mode', { exact: true }) }).click()
    await expect(page.getByRole('option')).toHaveText(['Separated', 'Problems'])
    await page.getByRole('option', { name: 'Problems' }).click()
    await expect(page).toHaveURL(/view=problems/)
    await expect(page.getByRole('columnheader', { name: /Orders/ })).toBeVisible()
    const rows = await readAllRows(page)
    expect(rows).toHaveLength(problems.size)
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(records.length)
    for (const row of rows) expect(row.products).toBe(problems.get(shapeOf(byId.get(row.id)!))!.owners.size)
  })

  test('the CSV has one line per problem, with its counts and dates', async ({ page, request }) => {
    const records = await fetchAll(request, 'listing')
    const problems = problemsOf(records, 'listingProductId')
    await page.goto('/listings/logs?view=problems')
    await waitForComplete(page)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    const raw = readFileSync((await download.path())!, 'utf8')
    const [header, ...lines] = Papa.parse<string[]>(raw.slice(1), { newline: '\r\n' }).data
    expect(header).toEqual([
      'Last seen',
      'Message',
      'Products',
      'First seen',
      'Shops',
      'Type',
      'Occurrences',
      'Latest record ID',
    ])
    expect(lines).toHaveLength(problems.size)
    const byId = new Map(records.map((record) => [record.id, record]))
    let sum = 0
    for (const line of lines) {
      const problem = problems.get(shapeOf(byId.get(Number(line[7]))!))!
      expect([line[2], line[6]]).toEqual([String(problem.owners.size), String(problem.records.length)])
      // First seen is its oldest record (the file writes dates as yyyy-mm-dd hh:mm:ss).
      expect(line[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      expect(line[3]! <= line[0]!).toBe(true)
      sum += Number(line[6])
    }
    expect(sum).toBe(records.length)
  })

  test('in Polish: Problemy, with Polish plurals', async ({ page }) => {
    await page.goto('/listings/logs?view=problems&lang=pl_PL')
    await waitForComplete(page)
    await expect(page.getByTestId('log-summary')).toHaveText(/^Wyświetlono [\d\s\u00a0]+ problem(y|ów)? \(/)
    await expect(page.getByRole('columnheader', { name: /Wystąpienia/ })).toBeVisible()
    await expect(page.getByTestId('problem-open').first()).toHaveText('Pokaż produkty')
  })
})
