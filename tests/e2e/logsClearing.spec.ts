import { expect, test } from '@playwright/test'

test('Logs Clearing settings are saved through the API and still there after a reload', async ({ page, request }) => {
  const defaults = await (await request.get('/api/v1/settings/logs-clearing')).json()
  await page.goto('/')
  await page.getByRole('navigation', { name: 'TikTok Shop' }).getByRole('link', { name: 'Logs Clearing' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logs Clearing')
  const listingDays = page.getByTestId('clearing-listing-days').getByRole('spinbutton')
  await expect(listingDays).toHaveValue(String(defaults.listing.keepDays))
  await listingDays.fill('45')
  await listingDays.press('Tab')
  await page.getByTestId('clearing-order-enabled').click()
  await page.getByTestId('logs-clearing-save').click()
  await expect(page.getByTestId('logs-clearing-saved')).toHaveText('The settings were saved.')

  await page.reload()
  await expect(page.getByTestId('clearing-listing-days').getByRole('spinbutton')).toHaveValue('45')
  await expect(page.getByTestId('clearing-order-enabled').locator('input')).not.toBeChecked()
  expect(await (await request.get('/api/v1/settings/logs-clearing')).json()).toMatchObject({
    listing: { enabled: true, keepDays: 45 },
    order: { enabled: false },
  })

  // Out of range is clamped by the field to 14-90, never sent as it was typed.
  await listingDays.fill('7')
  await listingDays.press('Tab')
  await expect(listingDays).toHaveValue('14')

  // Leave the defaults for the other tests.
  await request.put('/api/v1/settings/logs-clearing', { data: defaults })
})
