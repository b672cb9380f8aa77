import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { waitForComplete } from './helpers'

async function seriousViolations(page: Page) {
  // Legacy mode: axe runs in the page itself (injected into every frame, as in the default mode),
  // rather than in parts finished on a blank page opened for it. The same rules give the same
  // results on these pages, which have no frames; the blank page and its second copy of axe took
  // half of each check's time (1.2 s against 2.3–2.9 s on the listing log, alone on the machine).
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')})`,
    )
}

const PAGES = [
  '/listings/logs',
  '/sales/logs',
  '/help-center/synchronization-logs',
  '/listings/logs?view=problems',
  '/sales/logs?view=problems',
  // A link the page cannot use all of: its warning is read too.
  '/listings/logs?shape=zzz&view=issues',
]

test('axe finds no serious or critical violations on the Logs Clearing settings', async ({ page }) => {
  await page.goto('/help-center/logs-clearing')
  await expect(page.getByTestId('logs-clearing-form')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})

for (const lang of ['en_US', 'pl_PL']) {
  for (const path of PAGES) {
    test(`axe finds no serious or critical violations on ${path} in ${lang}`, async ({ page }) => {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`)
      await waitForComplete(page)
      expect(await seriousViolations(page)).toEqual([])
    })
  }
}

// Issue 29: a laptop's window, the filter panel hidden, the filters in use as chips with Clear all.
for (const lang of ['en_US', 'pl_PL']) {
  test(`axe finds none at 1024×768 with the panel hidden and active filters shown as chips, in ${lang}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.goto(`/listings/logs?lang=${lang}&type=4&q=revised`)
    await waitForComplete(page)
    await expect(page.getByTestId('filters-toggle')).toHaveAttribute('aria-expanded', 'false')
    await expect(page.getByTestId('filters-clear-all')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })
}

test('axe finds none with the description dialog open or a filter dropdown open', async ({ page }) => {
  await page.goto('/listings/logs?q=smaller%20than%20300')
  await waitForComplete(page)
  await page.locator('.tts-el-select', { has: page.getByLabel('Type', { exact: true }) }).click()
  await expect(page.getByRole('option', { name: 'Error', exact: true })).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await page.getByTestId('message-more').first().click()
  await expect(page.getByRole('dialog', { name: 'Description' })).toBeVisible()
  // Let the fade-in finish: half-transparent text is not what a reader sees.
  await page.evaluate(() => Promise.allSettled(document.getAnimations().map((animation) => animation.finished)))
  expect(await seriousViolations(page)).toEqual([])
})

test('a keyboard-only merchant filters, toggles the checkbox and reads a long message', async ({ page }) => {
  await page.goto('/listings/logs')
  await waitForComplete(page)
  const shownBefore = await page.getByTestId('log-summary').getAttribute('data-shown')
  // Tab through the page to the Message filter: the order of the page, not of the DOM tricks.
  const message = page.getByLabel('Message', { exact: true })
  for (let i = 0; i < 40 && !(await message.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(message).toBeFocused()
  await page.keyboard.type('smaller than 300')
  await expect(page.getByTestId('log-summary')).not.toHaveAttribute('data-shown', shownBefore!)

  // On to the unique checkbox (after the last filter field) with Tab, and off with Space.
  const unique = page.getByRole('checkbox', { name: 'Only messages with unique Product ID' })
  for (let i = 0; i < 20 && !(await unique.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(unique).toBeFocused()
  const collapsed = await page.getByTestId('log-summary').getAttribute('data-shown')
  await page.keyboard.press('Space')
  await expect(unique).not.toBeChecked()
  await expect(page.getByTestId('log-summary')).not.toHaveAttribute('data-shown', collapsed!)

  // Into the grid, down two rows, Enter opens the row's details with the whole message; Escape
  // closes them and the grid has the focus again.
  const grid = page.getByTestId('log-grid')
  for (let i = 0; i < 60 && !(await grid.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(grid).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(grid).toHaveAttribute('aria-activedescendant', /-row-2$/)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /^Record #\d+$/ })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('details-message')).toContainText('smaller than 300')
  await expect(page).toHaveURL(/detail=\d+/)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(grid).toBeFocused()
})

test('in Polish: the labels of the M2E documentation and dates in Polish format', async ({ page }) => {
  await page.goto('/listings/logs')
  await waitForComplete(page)
  await page.locator('.tts-el-select', { has: page.getByRole('combobox', { name: 'Language' }) }).click()
  await page.getByRole('option', { name: 'Polski' }).click()
  await expect(page).toHaveURL(/lang=pl_PL/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dzienniki ofert')
  await expect(
    page.getByRole('checkbox', { name: 'Tylko wiadomości z unikalnym identyfikatorem produktu' }),
  ).toBeChecked()
  await expect(page.getByRole('columnheader', { name: 'Data utworzenia' })).toBeVisible()
  // Polish month abbreviations: "27 lis 2026, 23:45:56".
  await expect(page.getByTestId('log-row').first().getByRole('gridcell').first()).toHaveText(
    /^\d{1,2} (sty|lut|mar|kwi|maj|cze|lip|sie|wrz|paź|lis|gru) \d{4}, \d{2}:\d{2}:\d{2}$/,
  )
  const types = page
    .getByTestId('log-grid')
    .locator('.tts-type')
    .filter({ hasText: /(Info|Sukces|Ostrzeżenie|Błąd)$/ })
  expect(await types.count()).toBeGreaterThan(0)
  await page.goto('/sales/logs?lang=pl_PL')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dziennik zamówień')
  await expect(page.getByText('Tylko wiadomości z unikalnym identyfikatorem zamówienia')).toBeVisible()
  await page.goto('/help-center/synchronization-logs?lang=pl_PL')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logi synchronizacji')
})
