import { expect, test } from '@playwright/test'

test('a new user visits the three logs through the TikTok Shop menu', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/listings\/logs$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Listings Logs & Events')
  await expect(page.getByTestId('page-help')).toContainText('listings and their items')

  const menu = page.getByRole('navigation', { name: 'TikTok Shop' })
  await menu.getByRole('link', { name: 'Logs & Events' }).nth(1).click()
  await expect(page).toHaveURL(/\/sales\/logs$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orders Logs & Events')
  await expect(page.getByTestId('page-help')).toContainText('TikTok Shop orders')

  await menu.getByRole('link', { name: 'Synchronization Logs' }).click()
  await expect(page).toHaveURL(/\/help-center\/synchronization-logs$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Synchronization Logs')
  await expect(page.getByTestId('page-help')).toContainText('unmanaged listings')

  await menu.getByRole('link', { name: 'Logs & Events' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Listings Logs & Events')
})

test('an unknown path shows a not-found page that links back', async ({ page }) => {
  await page.goto('/listings/nowhere')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await page.getByRole('link', { name: 'Go to Listings Logs & Events' }).click()
  await expect(page).toHaveURL(/\/listings\/logs$/)
})

test('a menu link clicked right after typing a filter goes where it points; Back has the filter', async ({ page }) => {
  // The page's timers on Playwright's clock (time still flows), so the test can run them out.
  await page.clock.install()
  await page.goto('/listings/logs')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Listings Logs & Events')
  const message = page.getByLabel('Message', { exact: true })
  await message.focus()
  // Typed, and the menu clicked well within the pause after which typing is written to the URL:
  // in one task of the page, so that a busy machine cannot stretch the time between them.
  await message.evaluate((input: HTMLInputElement) => {
    input.value = 'Audio'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    document.querySelector<HTMLAnchorElement>('nav a[href="/sales/logs"]')!.click()
  })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orders Logs & Events')
  // The order log's own URL, with nothing of the listing log's filters, also once every write the
  // typing could still make (due within its 300 ms pause) has run.
  await page.clock.runFor(1000)
  await expect(page).toHaveURL(/\/sales\/logs$/)
  await page.goBack()
  await expect(page).toHaveURL(/\/listings\/logs\?q=Audio$/)
  await expect(page.getByLabel('Message', { exact: true })).toHaveValue('Audio')
})
