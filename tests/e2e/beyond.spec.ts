import { expect, test } from '@playwright/test'
import { expectShown, fetchAll, setCheckbox, uniqueRows, waitForComplete } from './helpers'

test('"Treat numbers as equal" collapses the price revisions of a product into one row', async ({ page, request }) => {
  const revisions = (await fetchAll(request, 'listing')).filter((r) =>
    r.description.startsWith('Price was revised from'),
  )
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

test('dragging across the volume chart sets the date range, and the grid narrows to it', async ({ page, request }) => {
  const records = await fetchAll(request, 'order')
  await page.goto('/sales/logs')
  await waitForComplete(page)
  const chart = page.getByTestId('volume-chart')
  await expect(chart).toHaveAttribute('data-unit', 'day')
  const over = chart.locator('.u-over')
  const box = (await over.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2, { steps: 8 })
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 8 })
  await page.mouse.up()
  await expect(page).toHaveURL(/from=.*to=/)
  const url = new URL(page.url())
  const from = Date.parse(url.searchParams.get('from')!)
  const to = Date.parse(url.searchParams.get('to')!)
  // Whole days: several of them, from a midnight to the last millisecond of a day.
  expect((to + 1 - from) % 86_400_000).toBe(0)
  expect((to + 1 - from) / 86_400_000).toBeGreaterThan(1)
  const inRange = records.filter((r) => Date.parse(r.createDate) >= from && Date.parse(r.createDate) <= to)
  expect(inRange.length).toBeGreaterThan(0)
  expect(inRange.length).toBeLessThan(records.length)
  await expectShown(page, uniqueRows(inRange, 'orderId'))
  // The chart follows: it now spans the chosen days, hour by hour if they fit in a week.
  await expect(chart).toHaveAttribute('data-buckets', /\d+/)
  const dateFilter = page.getByTestId('filter-chips')
  await expect(dateFilter).toContainText('Creation Date')
})

test('a click on a bar of the volume chart narrows to that bucket', async ({ page, request }) => {
  const records = await fetchAll(request, 'synchronization')
  await page.goto('/help-center/synchronization-logs')
  await waitForComplete(page)
  const over = page.getByTestId('volume-chart').locator('.u-over')
  const box = (await over.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2)
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height / 2)
  await expect(page).toHaveURL(/from=.*to=/)
  const url = new URL(page.url())
  const from = Date.parse(url.searchParams.get('from')!)
  const to = Date.parse(url.searchParams.get('to')!)
  expect(to + 1 - from).toBe(86_400_000)
  const inBucket = records.filter((r) => Date.parse(r.createDate) >= from && Date.parse(r.createDate) <= to)
  await expectShown(page, inBucket.length)
})

test('the details drawer lists every occurrence of a collapsed row, and is a link of its own', async ({ page }) => {
  await page.goto('/listings/logs')
  await waitForComplete(page)
  const row = page.locator('[data-testid="log-row"][data-count]:not([data-count="1"])').first()
  const count = await row.getAttribute('data-count')
  const id = await row.getAttribute('data-id')
  await row.getByTestId('row-details').click()
  const drawer = page.getByRole('dialog', { name: `Record #${id}` })
  await expect(drawer).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`detail=${id}`))
  await expect(drawer.getByTestId('details-occurrences')).toHaveAttribute('data-count', count!)
  await expect(drawer.getByTestId('details-occurrence')).toHaveCount(Math.min(Number(count), 200))
  await expect(drawer.getByTestId('details-run')).toBeVisible()
  await expect(drawer.locator('[data-field="product"] a')).toHaveAttribute(
    'href',
    /\/admin\/catalog\/product\/edit\/id\/\d+\//,
  )

  // The link opens the same drawer after a reload; Escape closes it and leaves the link.
  await page.reload()
  await waitForComplete(page)
  await expect(drawer.getByTestId('details-occurrences')).toHaveAttribute('data-count', count!)
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(page).not.toHaveURL(/detail=/)
})

test('a saved view with its filters and columns restores after a reload', async ({ page }) => {
  await page.goto('/sales/logs')
  await waitForComplete(page)
  await page.getByTestId('type-count-3').click()
  await page.getByTestId('column-chooser').click()
  await setCheckbox(page, 'Run Mode', false)
  await expect(page.getByRole('columnheader', { name: 'Run Mode' })).toHaveCount(0)
  await page.getByTestId('save-view').click()
  await page.getByTestId('save-view-name').fill('Warnings, compact')
  await page.getByTestId('save-view-confirm').click()
  await expect(page.getByText('View “Warnings, compact” saved.')).toBeVisible()
  const shown = await page.getByTestId('log-summary').getAttribute('data-shown')

  // A fresh page with no filters, then the view from the list.
  await page.goto('/sales/logs')
  await page.reload()
  await waitForComplete(page)
  await expect(page.getByRole('columnheader', { name: 'Run Mode' })).toHaveCount(1)
  await page.locator('.tts-el-select', { has: page.getByRole('combobox', { name: 'Saved view' }) }).click()
  await page.getByRole('option', { name: 'Warnings, compact' }).click()
  await expect(page).toHaveURL(/type=3/)
  await expect(page).toHaveURL(/hide=initiator/)
  await expectShown(page, Number(shown))
  await expect(page.getByRole('columnheader', { name: 'Run Mode' })).toHaveCount(0)
  await expect(page.getByTestId('delete-view')).toHaveText('Delete “Warnings, compact”')
})
