// Issue 29: the Filters button shows and hides the filter panel (as Magento's grids do), each log
// remembers the choice, and the filters in use stay in sight as chips with Clear all.
import { expect, test, type Page } from '@playwright/test'
import { waitForComplete } from './helpers'

const toggle = (page: Page) => page.getByTestId('filters-toggle')
/** The panel of filter fields (a group named as the button). */
const panel = (page: Page) => page.getByRole('group', { name: 'Filters', exact: true })

test('Filters shows and hides the panel from the keyboard, and each log remembers its choice', async ({ page }) => {
  // 1440×900: there is room, so the panel starts shown.
  await page.goto('/listings/logs')
  await waitForComplete(page)
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true')
  await expect(panel(page)).toBeVisible()
  const controls = await toggle(page).getAttribute('aria-controls')
  expect(await panel(page).getAttribute('id')).toBe(controls)

  await toggle(page).focus()
  await page.keyboard.press('Enter')
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false')
  await expect(panel(page)).toBeHidden()
  await page.reload()
  await waitForComplete(page)
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false')
  await expect(panel(page)).toBeHidden()

  // Another log keeps its own choice.
  await page.goto('/sales/logs')
  await waitForComplete(page)
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true')
  await expect(panel(page)).toBeVisible()

  await page.goto('/listings/logs')
  await waitForComplete(page)
  await expect(panel(page)).toBeHidden()
  await toggle(page).focus()
  await page.keyboard.press('Space')
  await expect(panel(page)).toBeVisible()
  await page.reload()
  await waitForComplete(page)
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true')
})

test('at 1024×768 the panel starts hidden, and a filter from the link, a type chip or the drawer shows as a chip', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto('/listings/logs?q=revised')
  await waitForComplete(page)
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false')
  await expect(panel(page)).toBeHidden()
  await expect(page.getByTestId('chip-q')).toBeVisible()
  await expect(toggle(page)).toHaveText('Filters (1)')
  await expect(toggle(page)).toHaveAccessibleName('Filters: 1 active')

  // A type chip above the grid.
  await page.getByTestId('type-count-4').click()
  await expect(page.getByTestId('chip-type')).toHaveText('Type: Error')
  await expect(toggle(page)).toHaveText('Filters (2)')

  // Filter for value in a row's drawer.
  await page.getByTestId('row-details').first().click()
  await page.getByTestId('record-drawer').getByTestId('details-filter-initiator').click()
  await expect(page.getByTestId('chip-initiator')).toBeVisible()
  await expect(toggle(page)).toHaveText('Filters (3)')
  await expect(panel(page)).toBeHidden()
})

test('Clear all removes every filter, and keeps the narrowing, the view mode and the columns', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto('/listings/logs?listingId=2&type=4,3&q=revised&view=grouped&hide=initiator')
  await waitForComplete(page)
  await expect(panel(page)).toBeHidden()
  await expect(page.getByTestId('filter-chips').getByRole('listitem')).toHaveCount(2)
  await page.getByTestId('filters-clear-all').click()
  await expect(page.getByTestId('filter-chips')).toHaveCount(0)
  await expect(page.getByTestId('filters-clear-all')).toHaveCount(0)
  await expect(toggle(page)).toHaveText('Filters')
  // The link follows (written a moment after the change).
  await expect
    .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
    .toEqual({ listingId: '2', view: 'grouped', hide: 'initiator' })
})

test('in Polish: Filtry, the number of active filters with its plural, and Wyczyść filtry (not the log’s Wyczyść wszystko)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto('/listings/logs?lang=pl_PL&type=4&q=cena')
  await waitForComplete(page)
  await expect(toggle(page)).toHaveText('Filtry (2)')
  await expect(toggle(page)).toHaveAccessibleName('Filtry: 2 aktywne')
  await expect(page.getByTestId('filters-clear-all')).toHaveText('Wyczyść filtry')
  await page.goto('/listings/logs?lang=pl_PL&type=4&q=cena&listing=a&product=b&action=15')
  await waitForComplete(page)
  await expect(toggle(page)).toHaveAccessibleName('Filtry: 5 aktywnych')
})
