import { expect, test } from '@playwright/test'
import { expectShown, fetchAll, setCheckbox, uniqueRows, waitForComplete } from './helpers'

test('"Treat numbers as equal" collapses the price revisions of a product into one row', async ({ page, request }) => {
  const revisions = (await fetchAll(request, 'listing')).filter((r) => r.description.startsWith('Price was revised from'))
  expect(revisions.length).toBeGreaterThan(0)
  await page.goto('/listings/logs?q=Price%20was%20revised%20from')
  await waitForComplete(page)
  await expectShown(page, uniqueRows(revisions, 'listingProductId'))
  await setCheckbox(page, 'Treat numbers as equal', true)
  await expect(page).toHaveURL(/numbers=1/)
  const products = new Set(revisions.map((r) => r.listingProductId))
  await expectShown(page, products.size)
  expect(products.size).toBeLessThan(uniqueRows(revisions, 'listingProductId'))
})

test('a type chip shows its count and filters to that type with one click', async ({ page, request }) => {
  const records = await fetchAll(request, 'order')
  const errors = records.filter((r) => r.type === 4)
  await page.goto('/sales/logs')
  await waitForComplete(page)
  const chip = page.getByTestId('type-count-4')
  await expect(chip).toHaveAttribute('data-count', String(errors.length))
  await expect(chip).toContainText(errors.length.toLocaleString('en-US'))
  await chip.click()
  await expect(page).toHaveURL(/type=4/)
  await expect(chip).toHaveAttribute('aria-pressed', 'true')
  await expectShown(page, uniqueRows(errors, 'orderId'))
  await chip.click()
  await expectShown(page, uniqueRows(records, 'orderId'))
})

function syncRecord(description: string) {
  return { createDate: new Date(Date.now() + 5 * 86_400_000).toISOString(), type: 4, initiator: 2, description, task: 3, detailedDescription: null, operationHistoryId: null }
}

test('live refresh brings in a record POSTed meanwhile within one interval, highlighted', async ({ page, request }) => {
  test.setTimeout(90_000)
  await page.goto('/help-center/synchronization-logs')
  await waitForComplete(page)
  const total = Number(await page.getByTestId('log-summary').getAttribute('data-total'))
  await page.locator('.tts-el-select', { has: page.getByRole('combobox', { name: 'Live refresh' }) }).click()
  await page.getByRole('option', { name: 'Every 10 s' }).click()
  const posted = await request.post('/api/v1/logs/synchronization', { data: { items: [syncRecord('Live: order import failed just now.')] } })
  const [id] = (await posted.json()).ids as number[]
  const row = page.locator(`[data-testid="log-row"][data-id="${id}"]`)
  // One interval is 10 s; the margin is for a busy CI machine.
  await expect(row).toBeVisible({ timeout: 14_000 })
  await expect(row).toHaveClass(/tts-grid__row--fresh/)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total + 1))

  // Reading further down: new records wait behind a pill instead of moving the grid.
  await page.getByTestId('log-grid').evaluate((el) => (el.scrollTop = 2000))
  const second = await request.post('/api/v1/logs/synchronization', { data: { items: [syncRecord('Live: a second failure.')] } })
  const [secondId] = (await second.json()).ids as number[]
  const pill = page.getByTestId('live-pending')
  await expect(pill).toHaveText('1 new record', { timeout: 14_000 })
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total + 1))
  await pill.click()
  await expect(page.locator(`[data-testid="log-row"][data-id="${secondId}"]`)).toBeVisible()
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total + 2))
})
