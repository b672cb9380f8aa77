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
