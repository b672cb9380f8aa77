import { expect, test } from '@playwright/test'
import { fetchAll, waitForComplete } from './helpers'

test('Clear All asks first, names the log and its count, sends one request and touches no other log', async ({
  page,
  request,
}) => {
  const sync = await fetchAll(request, 'synchronization')
  const listingBefore = (await fetchAll(request, 'listing')).length
  const orderBefore = (await fetchAll(request, 'order')).length
  expect(sync.length).toBeGreaterThan(0)

  const deletes: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'DELETE') deletes.push(r.url())
  })
  await page.goto('/help-center/synchronization-logs')
  await waitForComplete(page)
  await page.getByTestId('clear-all').click()
  const dialog = page.getByRole('dialog', { name: 'Clear All: Synchronization Logs' })
  await expect(dialog).toContainText(
    `This deletes all ${sync.length.toLocaleString('en-US')} records of Synchronization Logs.`,
  )
  // Cancel first: nothing happens.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(deletes).toEqual([])

  await page.getByTestId('clear-all').click()
  await page.getByTestId('clear-all-confirm').dblclick()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', '0')
  expect(deletes).toHaveLength(1)
  expect((await fetchAll(request, 'synchronization')).length).toBe(0)
  expect((await fetchAll(request, 'listing')).length).toBe(listingBefore)
  expect((await fetchAll(request, 'order')).length).toBe(orderBefore)
  await expect(page.getByTestId('log-empty')).toHaveText('This log has no records yet.')

  // Put the records back for the other tests (new ids, same content).
  const items = sync
    .map((record) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'id')))
    .reverse()
  const restored = await request.post('/api/v1/logs/synchronization', { data: { items } })
  expect(restored.status()).toBe(201)
})

test('the order log offers no Clear All', async ({ page }) => {
  await page.goto('/sales/logs')
  await waitForComplete(page)
  await expect(page.getByTestId('clear-all')).toHaveCount(0)
})
