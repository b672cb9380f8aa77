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

// Issue 29: embedded under the host's header at 1440×900, the grid showed 3 whole rows and ran
// past the window's bottom. It fills the window below the host's header, and the filter panel
// starts hidden there (no room for it), so at least 5 rows show.
test('embedded at 1440×900, the grid fills the window below the host’s header', async ({ page }) => {
  await page.goto('/host-demo.html')
  await waitForComplete(page)
  await expect(page.getByTestId('volume-chart')).toBeVisible()
  const fit = await page.evaluate(() => {
    const grid = document.querySelector('[data-testid="log-grid"]')!
    const box = grid.getBoundingClientRect()
    const head = grid.querySelector('[role="rowgroup"]')!.getBoundingClientRect()
    const rows = [...grid.querySelectorAll('[data-testid="log-row"]')]
      .map((row) => row.getBoundingClientRect())
      .filter((r) => r.height > 0 && r.top >= head.bottom - 1 && r.bottom <= Math.min(box.bottom, innerHeight) + 1)
    return { bottom: box.bottom, window: innerHeight, rows: rows.length }
  })
  expect(fit.bottom).toBeLessThanOrEqual(fit.window)
  expect(fit.window - fit.bottom).toBeLessThan(24)
  expect(fit.rows).toBeGreaterThanOrEqual(5)
  await expect(page.getByTestId('filters-toggle')).toHaveAttribute('aria-expanded', 'false')
})
