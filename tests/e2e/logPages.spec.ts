import { expect, test } from '@playwright/test'
import { chooseOptions, expectShown, fetchAll, setCheckbox, summary, uniqueRows, waitForComplete } from './helpers'

test.describe('Listings > Logs & Events', () => {
  test('a merchant filters, collapses and reads the listing log', async ({ page, request }) => {
    const records = await fetchAll(request, 'listing')
    await page.goto('/')
    await page
      .getByRole('navigation', { name: 'TikTok Shop' })
      .getByRole('link', { name: 'Logs & Events' })
      .first()
      .click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Listings Logs & Events')
    await waitForComplete(page)

    // The newest record comes first, and the counts match the API's raw records.
    await expect(page.getByTestId('log-row').first()).toHaveAttribute('data-id', String(records[0]!.id))
    expect(await summary(page)).toEqual({ shown: uniqueRows(records, 'listingProductId'), total: records.length })

    await expect(page.getByRole('checkbox', { name: 'Only messages with unique Product ID' })).toBeChecked()
    await setCheckbox(page, 'Only messages with unique Product ID', false)
    await expectShown(page, records.length)
    await setCheckbox(page, 'Only messages with unique Product ID', true)
    await expectShown(page, uniqueRows(records, 'listingProductId'))

    await chooseOptions(page, 'Type', ['Error'])
    const errors = records.filter((r) => r.type === 4)
    await expectShown(page, uniqueRows(errors, 'listingProductId'))
    await expect(page).toHaveURL(/type=4/)

    await page.getByLabel('Message', { exact: true }).fill('revised')
    const revisedErrors = errors.filter((r) => r.description.toLowerCase().includes('revised'))
    expect(revisedErrors.length).toBeGreaterThan(0)
    await expectShown(page, uniqueRows(revisedErrors, 'listingProductId'))

    // A long message opens whole in the Description dialog. Which revised errors come first
    // depends on the hour the seed is dated from: narrow to the long one.
    await page.getByLabel('Message', { exact: true }).fill('platform review')
    await expectShown(
      page,
      uniqueRows(
        errors.filter((r) => r.description.toLowerCase().includes('platform review')),
        'listingProductId',
      ),
    )
    const more = page.getByTestId('message-more').first()
    await more.click()
    const dialog = page.getByRole('dialog', { name: 'Description' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('What to do: wait until the review ends')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    // Removing the Message chip brings back the errors of every message.
    await page.getByTestId('chip-q').locator('.tts-el-tag__close').click()
    await expectShown(page, uniqueRows(errors, 'listingProductId'))
  })

  test('the listing link opens the log narrowed to that listing', async ({ page, request }) => {
    await page.goto('/listings/logs')
    await waitForComplete(page)
    const link = page.getByTestId('listing-link').first()
    const title = (await link.getAttribute('title'))!
    await link.click()
    await expect(page).toHaveURL(/listingId=\d+/)
    const listingId = new URL(page.url()).searchParams.get('listingId')!
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Listing "${title}" Log`)
    await waitForComplete(page)
    const records = await fetchAll(request, 'listing', `listingId=${listingId}`)
    expect(await summary(page)).toEqual({ shown: uniqueRows(records, 'listingProductId'), total: records.length })
    await expect(page.getByRole('columnheader', { name: 'Listing' })).toHaveCount(0)
  })

  test("the dashboard's deep link works: errors in a date range, unique on", async ({ page, request }) => {
    const records = await fetchAll(request, 'listing')
    const to = records[0]!.createDate
    const from = new Date(Date.parse(to) - 7 * 86_400_000).toISOString()
    await page.goto(`/listings/logs?type=4&unique=1&from=${from}&to=${to}`)
    await waitForComplete(page)
    const expected = records.filter((r) => r.type === 4 && r.createDate >= from && r.createDate <= to)
    expect(expected.length).toBeGreaterThan(0)
    await expectShown(page, uniqueRows(expected, 'listingProductId'))
    await expect(page.getByTestId('chip-type')).toContainText('Type: Error')
    await expect(page.getByTestId('chip-date')).toBeVisible()
  })

  test('Grouped view shows one row per product and action run', async ({ page, request }) => {
    const records = await fetchAll(request, 'listing')
    await page.goto('/listings/logs?view=grouped')
    await waitForComplete(page)
    const groups = new Set(records.map((r) => `${String(r.listingProductId)}|${String(r.actionId)}`))
    await expectShown(page, groups.size)
    await expect(page.getByRole('checkbox', { name: 'Only messages with unique Product ID' })).toHaveCount(0)
  })
})

test.describe('Sales > Logs & Events', () => {
  test('a merchant reads the order log and its unique Order ID checkbox', async ({ page, request }) => {
    const records = await fetchAll(request, 'order')
    await page.goto('/')
    await page
      .getByRole('navigation', { name: 'TikTok Shop' })
      .getByRole('link', { name: 'Logs & Events' })
      .nth(1)
      .click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orders Logs & Events')
    await waitForComplete(page)
    expect(await summary(page)).toEqual({ shown: uniqueRows(records, 'orderId'), total: records.length })
    await setCheckbox(page, 'Only messages with unique Order ID', false)
    await expectShown(page, records.length)
    await chooseOptions(page, 'Type', ['Error'])
    await expectShown(page, records.filter((r) => r.type === 4).length)
    await page.getByLabel('Message', { exact: true }).fill('not created')
    await expectShown(page, records.filter((r) => r.type === 4 && r.description.includes('not created')).length)
    await expect(page.getByTestId('log-row').first()).toContainText('N/A')
  })
})

test.describe('Help Center > Synchronization Logs', () => {
  test('a merchant filters the synchronization log by type and task', async ({ page, request }) => {
    const records = await fetchAll(request, 'synchronization')
    await page.goto('/')
    await page
      .getByRole('navigation', { name: 'TikTok Shop' })
      .getByRole('link', { name: 'Synchronization Logs' })
      .click()
    await waitForComplete(page)
    expect(await summary(page)).toEqual({ shown: records.length, total: records.length })
    await expect(page.getByRole('columnheader', { name: 'Detailed' })).toBeVisible()
    await chooseOptions(page, 'Type', ['Fatal Error'])
    await expectShown(page, records.filter((r) => r.type === 100).length)
    await chooseOptions(page, 'Task', ['Orders'])
    await expectShown(page, records.filter((r) => r.type === 100 && r.task === 3).length)
    await expect(page).toHaveURL(/type=100&task=3|task=3.*type=100|type=100.*task=3/)
  })
})
