import { expect, test, type Page } from '@playwright/test'
import { chooseOptions, expectShown, fetchAll, summary, uniqueRows, waitForComplete } from './helpers'

const TYPES: Record<number, string> = { 1: 'Info', 2: 'Success', 3: 'Warning', 4: 'Error', 100: 'Fatal Error' }

/** Every chip on the page, as type code -> the count it shows. */
async function chipCounts(page: Page): Promise<Record<number, number>> {
  const chips = page.getByTestId('type-counts').getByRole('button')
  const counts: Record<number, number> = {}
  for (const chip of await chips.all()) {
    const type = Number((await chip.getAttribute('data-testid'))!.replace('type-count-', ''))
    counts[type] = Number(await chip.getAttribute('data-count'))
  }
  return counts
}

function countByType(records: { type: number }[]): Record<number, number> {
  const counts: Record<number, number> = {}
  for (const record of records) counts[record.type] = (counts[record.type] ?? 0) + 1
  return counts
}

test.describe('type chips', () => {
  test('on the synchronization log, the chips and the chart add up to the records in the summary', async ({
    page,
    request,
  }) => {
    const records = await fetchAll(request, 'synchronization')
    const byType = countByType(records)
    // The seed holds Info and Success records too, which the original's filter left out.
    expect(byType[1]).toBeGreaterThan(0)
    expect(byType[2]).toBeGreaterThan(0)
    await page.goto('/help-center/synchronization-logs')
    await waitForComplete(page)
    const { total } = await summary(page)
    expect(total).toBe(records.length)
    const chips = await chipCounts(page)
    expect(Object.values(chips).reduce((a, b) => a + b, 0)).toBe(total)
    for (const [type, count] of Object.entries(byType)) expect(chips[Number(type)], TYPES[Number(type)]).toBe(count)
    // The chart stacks every type: its total is the log's.
    await expect(page.getByTestId('volume-chart').getByRole('img')).toHaveAttribute(
      'aria-label',
      new RegExp(`: ${total.toLocaleString('en-US')} in \\d+ (days|hours)\\.$`),
    )
  })

  test('the synchronization log’s Type filter offers Info and Success, and Info shows only Info rows', async ({
    page,
    request,
  }) => {
    const records = await fetchAll(request, 'synchronization')
    const infos = records.filter((r) => r.type === 1)
    await page.goto('/help-center/synchronization-logs')
    await waitForComplete(page)
    await page.locator('.tts-el-select', { has: page.getByLabel('Type', { exact: true }) }).click()
    for (const label of Object.values(TYPES)) {
      await expect(page.getByRole('option', { name: label, exact: true })).toBeVisible()
    }
    await page.getByRole('option', { name: 'Info', exact: true }).click()
    await page.keyboard.press('Escape')
    await expect(page).toHaveURL(/type=1(&|$)/)
    await expectShown(page, infos.length)
    // Every row the grid draws is an Info row (the label's mark is hidden from its text).
    const typeLabels = page.getByTestId('log-row').locator('.tts-grid__cell--type .tts-type')
    expect(await typeLabels.count()).toBeGreaterThan(0)
    for (const text of await typeLabels.allInnerTexts()) expect(text.slice(-'Info'.length)).toBe('Info')
    expect(new Set(await typeLabels.allInnerTexts()).size).toBe(1)
    await expect(page.getByTestId('type-count-1')).toHaveAttribute('aria-pressed', 'true')
  })

  test('with Error chosen on the listing log, the other chips still count their records', async ({ page, request }) => {
    const records = await fetchAll(request, 'listing')
    const byType = countByType(records)
    await page.goto('/listings/logs?type=4')
    await waitForComplete(page)
    await expectShown(
      page,
      uniqueRows(
        records.filter((r) => r.type === 4),
        'listingProductId',
      ),
    )
    for (const type of [1, 2, 3, 4]) {
      expect(byType[type]).toBeGreaterThan(0)
      await expect(page.getByTestId(`type-count-${type}`)).toHaveAttribute('data-count', String(byType[type]))
    }
    // Under another filter the chips follow it, the type filter still left out.
    await chooseOptions(page, 'Run Mode', ['Manual'])
    const manual = countByType(records.filter((r) => r.initiator === 1))
    for (const type of [1, 2, 3]) {
      await expect(page.getByTestId(`type-count-${type}`)).toHaveAttribute('data-count', String(manual[type] ?? 0))
    }
  })

  test('the chart draws what a chip narrows to, and the whole log again when it is let go', async ({ page }) => {
    await page.goto('/listings/logs')
    await waitForComplete(page)
    const chart = page.getByTestId('volume-chart')
    /** The canvas, once what the chart was last given is drawn on it. */
    const drawn = async () => {
      await expect(chart).not.toHaveAttribute('data-drawing')
      return chart.locator('canvas').evaluate((element: HTMLCanvasElement) => element.toDataURL())
    }
    await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /: [\d,]+ in \d+/)
    const whole = await drawn()
    await page.getByTestId('type-count-4').click()
    await expect(page.getByTestId('type-count-4')).toHaveAttribute('aria-pressed', 'true')
    expect(await drawn()).not.toBe(whole)
    await page.getByTestId('type-count-4').click()
    await expect(page.getByTestId('type-count-4')).toHaveAttribute('aria-pressed', 'false')
    expect(await drawn()).toBe(whole)
  })

  test('the chips say in a caption that they count records, in English and in Polish', async ({ page }) => {
    await page.goto('/sales/logs')
    await waitForComplete(page)
    await expect(page.getByTestId('type-counts-caption')).toBeVisible()
    await expect(page.getByTestId('type-counts-caption')).toHaveText('Records by type:')
    await expect(page.getByRole('list', { name: 'Records by type:' })).toBeVisible()
    await expect(page.getByTestId('type-count-4')).toHaveAttribute(
      'aria-label',
      /^Error records: [\d,]+\. Show only this type$/,
    )
    await page.goto('/sales/logs?lang=pl_PL')
    await waitForComplete(page)
    await expect(page.getByTestId('type-counts-caption')).toHaveText('Wpisy według typu:')
    await expect(page.getByTestId('type-count-4')).toHaveAttribute('aria-label', /^Wpisy typu Błąd: [\d  ]+\./)
  })
})

test('the Magento Product filter finds an en-dash title typed with a plain hyphen', async ({ page, request }) => {
  const records = await fetchAll(request, 'listing')
  const olive = records.filter((r) => String(r.productTitle ?? '').includes('Waterproof LED Bulb – Olive'))
  expect(olive.length).toBeGreaterThan(0)
  await page.goto('/listings/logs')
  await waitForComplete(page)
  await page.getByLabel('Magento Product', { exact: true }).fill('waterproof led bulb - olive')
  await expectShown(page, uniqueRows(olive, 'listingProductId'))
  await expect(page.getByTestId('log-row').first()).toContainText('Waterproof LED Bulb – Olive')
})
