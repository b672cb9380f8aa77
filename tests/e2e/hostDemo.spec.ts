import { expect, test } from '@playwright/test'
import { waitForComplete } from './helpers'

// Issue 29: the host demo wrote a 404 to the console on load (the browser's own /favicon.ico,
// the page having no icon of its own).
test('the host demo loads with nothing failed: no console error, no request answered 4xx or 5xx', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  const failed: string[] = []
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  // The browser's own requests (an icon) reach the page's console but not Playwright's events.
  cdp.on('Network.responseReceived', (event) => {
    if (event.response.status >= 400) failed.push(`${event.response.status} ${event.response.url}`)
  })
  await page.goto('/host-demo.html')
  await waitForComplete(page)
  await expect(page.locator('[data-settled="true"]')).toBeVisible()
  expect(failed).toEqual([])
  expect(errors).toEqual([])
})
