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

test('Logs Clearing says why a number it kept in range changed, where a screen reader hears it', async ({ page }) => {
  await page.goto('/help-center/logs-clearing?lang=pl_PL')
  const listingDays = page.getByTestId('clearing-listing-days').getByRole('spinbutton')
  await expect(listingDays).toBeVisible()
  await listingDays.fill('7')
  await listingDays.press('Tab')
  await expect(listingDays).toHaveValue('14')
  const notice = page.getByTestId('clearing-listing-notice')
  await expect(notice).toHaveText('Najmniej 14 dni: wpisane 7 podniesiono do 14.')
  // A live region, and the description of the field itself.
  await expect(notice).toHaveAttribute('role', 'status')
  await expect(listingDays).toHaveAccessibleDescription('Najmniej 14 dni: wpisane 7 podniesiono do 14.')

  const orderDays = page.getByTestId('clearing-order-days').getByRole('spinbutton')
  await orderDays.fill('120')
  await orderDays.press('Tab')
  await expect(orderDays).toHaveValue('90')
  await expect(page.getByTestId('clearing-order-notice')).toHaveText('Najwyżej 90 dni: wpisane 120 obniżono do 90.')

  // A value in range says nothing more.
  await listingDays.fill('20')
  await listingDays.press('Tab')
  await expect(notice).toHaveText('')
})

test('Logs Clearing warns before unsaved edits are left behind; saving or discarding ends the warning', async ({
  page,
  request,
}) => {
  const defaults = await (await request.get('/api/v1/settings/logs-clearing')).json()
  await page.goto('/help-center/logs-clearing')
  const listingDays = page.getByTestId('clearing-listing-days').getByRole('spinbutton')
  await expect(listingDays).toHaveValue(String(defaults.listing.keepDays))
  await listingDays.fill('33')
  await listingDays.press('Tab')
  await expect(page.getByTestId('logs-clearing-unsaved')).toHaveText('You have unsaved changes.')

  // Another page of the app: a dialog asks; staying keeps the edit.
  const menu = page.getByRole('navigation', { name: 'TikTok Shop' })
  await menu.getByRole('link', { name: 'Synchronization Logs' }).click()
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Stay on this page' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logs Clearing')
  await expect(listingDays).toHaveValue('33')

  // Closing the tab: the browser asks (beforeunload). The test waits for its answer to be given,
  // not only for the question: ending while the dismissal is on its way failed a clean-clone run.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', async (browserDialog) => {
      const type = browserDialog.type()
      await browserDialog.dismiss()
      resolve(type)
    }),
  )
  await page.close({ runBeforeUnload: true })
  expect(await asked).toBe('beforeunload')
})

test('Logs Clearing lets the merchant leave after discarding, after saving, or by choosing to', async ({
  page,
  request,
}) => {
  const defaults = await (await request.get('/api/v1/settings/logs-clearing')).json()
  await page.goto('/help-center/logs-clearing')
  const listingDays = page.getByTestId('clearing-listing-days').getByRole('spinbutton')
  const menu = page.getByRole('navigation', { name: 'TikTok Shop' })
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' })
  await expect(listingDays).toHaveValue(String(defaults.listing.keepDays))

  // Discard: the saved values are back and the page can be left without a question.
  await listingDays.fill('33')
  await listingDays.press('Tab')
  await page.getByTestId('logs-clearing-discard').click()
  await expect(listingDays).toHaveValue(String(defaults.listing.keepDays))
  await expect(page.getByTestId('logs-clearing-unsaved')).toBeHidden()
  await menu.getByRole('link', { name: 'Synchronization Logs' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Synchronization Logs')
  await expect(dialog).toBeHidden()

  // Save: no question either.
  await menu.getByRole('link', { name: 'Logs Clearing' }).click()
  await listingDays.fill('34')
  await listingDays.press('Tab')
  await page.getByTestId('logs-clearing-save').click()
  await expect(page.getByTestId('logs-clearing-saved')).toBeVisible()
  await menu.getByRole('link', { name: 'Synchronization Logs' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Synchronization Logs')

  // Choosing to discard in the dialog leaves.
  await menu.getByRole('link', { name: 'Logs Clearing' }).click()
  await listingDays.fill('35')
  await listingDays.press('Tab')
  await menu.getByRole('link', { name: 'Synchronization Logs' }).click()
  await dialog.getByRole('button', { name: 'Discard and leave' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Synchronization Logs')

  await request.put('/api/v1/settings/logs-clearing', { data: defaults })
})
