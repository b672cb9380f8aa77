/**
 * A log larger than the page's record budget (`maxRecords: 5000` on the 50,000-record seed,
 * through the host demo page's mount options): the newest window, said plainly; the whole log's
 * chart from the summary; a date range past the window loaded from the server; a deep link to
 * an old day.
 */
import { expect, test, type Page } from '@playwright/test'
import { fetchAll, waitForComplete } from './helpers'

const BUDGET = 5000

interface HostWindow {
  hostDemo: { events: { type: string; held?: number; total?: number | null; from?: string; to?: string }[] }
}

async function logTotal(page: Page) {
  const response = await page.request.get('/api/v1/logs/listing/summary')
  expect(response.status()).toBe(200)
  return ((await response.json()) as { total: number }).total
}

test('a log larger than maxRecords holds its newest records, and says how many the log holds', async ({
  page,
  request,
}) => {
  const total = await logTotal(page)
  expect(total).toBeGreaterThan(BUDGET)
  const newest = (await (await request.get('/api/v1/logs/listing?limit=1')).json()) as { items: { id: number }[] }
  await page.goto(`/host-demo.html?maxRecords=${BUDGET}`)
  await waitForComplete(page)

  const summary = page.getByTestId('log-summary')
  await expect(summary).toHaveAttribute('data-total', String(BUDGET))
  await expect(summary).toHaveAttribute('data-log-total', String(total))
  await setUnique(page, false)
  await expect(page.getByTestId('log-row').first()).toHaveAttribute('data-id', String(newest.items[0]!.id))

  const notice = page.getByTestId('log-window')
  await expect(notice).toContainText(`This log holds ${total.toLocaleString('en-US')} records`)
  await expect(notice).toContainText(`the newest ${BUDGET.toLocaleString('en-US')} are loaded`)
  await expect(page.getByTestId('type-counts-caption')).toHaveText('Records by type, of those loaded:')

  // The chart draws the whole log (from the summary), the loaded part shaded.
  const chart = page.getByTestId('volume-chart')
  await expect(chart).toHaveAttribute('data-source', 'summary')
  await expect(chart).toHaveAttribute('data-held-from', (await notice.getAttribute('data-from'))!)
  await expect(page.getByTestId('volume-held')).toBeVisible()

  const events = await page.evaluate(() => (window as unknown as HostWindow).hostDemo.events)
  expect(events.filter((e) => e.type === 'window')).toEqual([
    expect.objectContaining({ held: BUDGET, total, from: await notice.getAttribute('data-from') }),
  ])
})

test('a bar of the chart before the window loads its records from the server', async ({ page, request }) => {
  await page.goto(`/host-demo.html?maxRecords=${BUDGET}`)
  await waitForComplete(page)
  const windowFrom = Date.parse((await page.getByTestId('log-window').getAttribute('data-from'))!)
  await expect(page.getByTestId('volume-chart')).toHaveAttribute('data-source', 'summary')
  // The oldest day: the first bar, at the plot's left edge.
  const over = page.getByTestId('volume-chart').locator('.u-over')
  const box = (await over.boundingBox())!
  await over.click({ position: { x: Math.max(2, box.width / 60), y: box.height - 4 } })
  await expect(page.getByTestId('log-window')).toHaveCount(0)
  await waitForComplete(page)
  await setUnique(page, false)
  const rows = page.getByTestId('log-row')
  await expect(rows.first()).toBeVisible()
  const summary = page.getByTestId('log-summary')
  const held = Number(await summary.getAttribute('data-total'))
  expect(held).toBeGreaterThan(0)
  await expect(summary).toHaveAttribute('data-log-total', String(held))
  // Every record held is older than the window was: none of them had been loaded before.
  const ids = await rows.evaluateAll((all) => all.map((row) => Number(row.getAttribute('data-id'))))
  const oldDay = await fetchAll(request, 'listing', `to=${new Date(windowFrom - 1).toISOString()}`)
  const older = new Set(oldDay.map((r) => r.id))
  for (const id of ids) expect(older.has(id), `record ${id}`).toBe(true)
})

test('a deep link to the oldest day shows that day whole', async ({ page, request }) => {
  const summaryBody = (await (await request.get('/api/v1/logs/listing/summary')).json()) as {
    hours: [number, number, number][]
  }
  const from = new Date(summaryBody.hours[0]![0]).toISOString()
  const to = new Date(summaryBody.hours[0]![0] + 6 * 3_600_000 - 1).toISOString()
  const expected = await fetchAll(request, 'listing', `from=${from}&to=${to}`)
  expect(expected.length).toBeGreaterThan(0)
  await page.goto(`/host-demo.html?maxRecords=${BUDGET}&from=${from}&to=${to}`)
  await waitForComplete(page)
  const summary = page.getByTestId('log-summary')
  await expect(summary).toHaveAttribute('data-total', String(expected.length))
  await expect(summary).toHaveAttribute('data-log-total', String(expected.length))
  await setUnique(page, false)
  await expect(page.getByTestId('log-row').first()).toHaveAttribute('data-id', String(expected[0]!.id))
})

async function setUnique(page: Page, on: boolean) {
  // Under the host demo's header the filter panel starts hidden: Filters shows it.
  const toggle = page.getByTestId('filters-toggle')
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click()
  const box = page.getByRole('checkbox', { name: 'Only messages with unique Product ID' })
  if ((await box.isChecked()) !== on) await page.locator('label', { has: box }).click()
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-shown', /\d+/)
}
