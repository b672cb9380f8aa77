import { expect, test } from '@playwright/test'
import { XSS_PAYLOADS } from './fixtures/xssPayloads'
import { waitForComplete } from './helpers'
import {
  DRAWERS,
  expectOnlySafeMarkup,
  guard,
  openDrawers,
  openLongMessages,
  payloadsHadTheirTurn,
  scrollThrough,
  seedHostileRecords,
  type HostileRange,
} from './xssCorpus'

// The grouped view and the message filter are in xss-filter.spec.ts (run beside this file).
let range: HostileRange
test.beforeAll(async ({ request }) => {
  range = await seedHostileRecords(request)
})

for (const [kind, path] of [
  ['listing', '/listings/logs'],
  ['order', '/sales/logs'],
  ['synchronization', '/help-center/synchronization-logs'],
] as const) {
  test(`hostile text in every field of the ${kind} log runs nothing`, async ({ page }) => {
    const executed = await guard(page)
    await page.goto(`${path}?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}&unique=0`)
    await waitForComplete(page)
    const shown = Number(await page.getByTestId('log-summary').getAttribute('data-shown'))
    expect(shown).toBeGreaterThanOrEqual(XSS_PAYLOADS.length)
    await scrollThrough(page)
    await expectOnlySafeMarkup(page.getByTestId('log-grid'))

    // Every field of a record in the details drawer, whole.
    await openDrawers(page, DRAWERS)

    // Open whole messages (the dialog and the drawer render them uncut) and close them again.
    expect(await openLongMessages(page)).toBeGreaterThan(0)

    // Export them: the file is written, nothing runs.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)

    // Switch language: everything renders again.
    await page.locator('.tts-el-select', { has: page.getByRole('combobox', { name: 'Language' }) }).click()
    await page.getByRole('option', { name: 'Polski' }).click()
    await expect(page).toHaveURL(/lang=pl_PL/)
    await scrollThrough(page)
    await expectOnlySafeMarkup(page.getByTestId('log-grid'))

    if (kind === 'listing') {
      // A hostile listing title becomes the narrowed page's h1, as text.
      await page.getByTestId('listing-link').first().click()
      await expect(page).toHaveURL(/listingId=9\d\d/)
      await waitForComplete(page)
      expect(await page.locator('h1 *').count()).toBe(0)
    }
    // A payload could run late (an image's error, an animation): once it has had its turn, nothing ran.
    await payloadsHadTheirTurn(page)
    expect(executed).toEqual({ dialogs: [], beacons: [], markers: [] })
  })
}
