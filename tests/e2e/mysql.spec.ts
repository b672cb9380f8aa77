/**
 * The pages over M2E's own tables in MariaDB: `LOGS_MYSQL_URL=… vite preview` (as `npm run
 * preview` and `npm run dev` read it), read-only, on a MariaDB server this spec starts itself.
 */
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test, type APIRequestContext } from '@playwright/test'
import Papa from 'papaparse'
import { seedMysql } from '../../server/mysql/seed.ts'
import { startMariaDb, type MariaDbServer } from '../setup/mariadb.ts'
import {
  chooseOptions,
  expectShown,
  fetchAll,
  setCheckbox,
  startMysqlPreview,
  summary,
  uniqueRows,
  waitForComplete,
} from './helpers'

const PORT = Number(process.env.E2E_PORT ?? 4180) + 7
const BASE = `http://127.0.0.1:${PORT}`
const SEED = { listing: 4000, order: 1200, synchronization: 300 }

let mariadb: MariaDbServer
let preview: ChildProcess
let api: APIRequestContext

test.describe.configure({ mode: 'serial' })
test.use({ baseURL: BASE })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  mariadb = await startMariaDb()
  mariadb.sql('CREATE DATABASE magento')
  await seedMysql({ url: mariadb.url('magento'), counts: SEED })
  ;({ preview, api } = await startMysqlPreview(PORT, mariadb.url('magento')))
})

test.afterAll(async () => {
  await api?.dispose()
  preview?.kill()
  await mariadb?.destroy()
})

test('the listing log from MariaDB: counts, the unique checkbox, filters, chart, drawer and export', async ({
  page,
}) => {
  const records = await fetchAll(api, 'listing')
  expect(records).toHaveLength(SEED.listing)
  await page.goto('/listings/logs')
  await waitForComplete(page)
  await expect(page.getByTestId('log-row').first()).toHaveAttribute('data-id', String(records[0]!.id))
  expect(await summary(page)).toEqual({ shown: uniqueRows(records, 'listingProductId'), total: records.length })

  await setCheckbox(page, 'Only messages with unique Product ID', false)
  await expectShown(page, records.length)
  await setCheckbox(page, 'Only messages with unique Product ID', true)
  await chooseOptions(page, 'Type', ['Error'])
  const errors = records.filter((r) => r.type === 4)
  await expectShown(page, uniqueRows(errors, 'listingProductId'))

  await expect(page.getByTestId('volume-chart')).toHaveAttribute('data-buckets', /^[1-9]\d*$/)

  const row = page.getByTestId('log-row').first()
  const id = await row.getAttribute('data-id')
  await row.getByTestId('row-details').click()
  const drawer = page.getByRole('dialog', { name: `Record #${id}` })
  await expect(drawer.getByTestId('details-fields')).toContainText(
    String(records.find((r) => r.id === Number(id))!.listingTitle),
  )
  await page.keyboard.press('Escape')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  const csv = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').slice(1), { newline: '\r\n' })
  expect(csv.data.length - 1).toBe(uniqueRows(errors, 'listingProductId'))

  // Read-only: the page says so instead of offering Clear All.
  await expect(page.getByTestId('log-read-only')).toHaveText('Read-only')
  await expect(page.getByTestId('clear-all')).toHaveCount(0)
})

test("the order log shows the order numbers joined from M2E's and Magento's orders", async ({ page }) => {
  const records = await fetchAll(api, 'order')
  expect(records).toHaveLength(SEED.order)
  await page.goto('/sales/logs')
  await waitForComplete(page)
  expect(await summary(page)).toEqual({ shown: uniqueRows(records, 'orderId'), total: records.length })
  const first = page.getByTestId('log-row').first()
  await expect(first).toContainText(String(records[0]!.ttsOrderId))
  if (records[0]!.magentoOrderNumber) await expect(first).toContainText(String(records[0]!.magentoOrderNumber))
})

test('the synchronization log, and Logs Clearing shown read-only from m2e_core_config', async ({ page }) => {
  await page.goto('/help-center/synchronization-logs')
  await waitForComplete(page)
  expect((await summary(page)).total).toBe(SEED.synchronization)

  mariadb.sql(
    "UPDATE magento.m2e_core_config SET value = '45' WHERE `group` = '/logs/clearing/listings/' AND `key` = 'days'",
  )
  await page.goto('/help-center/logs-clearing')
  await expect(page.getByTestId('logs-clearing-read-only')).toBeVisible()
  await expect(page.getByTestId('clearing-listing-days').locator('input')).toHaveValue('45')
  await expect(page.getByTestId('clearing-listing-days').locator('input')).toBeDisabled()
  await expect(page.getByTestId('logs-clearing-save')).toHaveCount(0)
})

test('a database that is down: the page names it, and Retry loads the log once it is back', async ({ page }) => {
  await mariadb.stop()
  try {
    await page.goto('/help-center/synchronization-logs')
    const error = page.getByTestId('load-error')
    await expect(error).toBeVisible({ timeout: 30_000 })
    await expect(error).toContainText('HTTP 503')
    // Nothing was read: the grid does not claim the log is empty.
    await expect(page.getByTestId('log-empty')).toHaveCount(0)
    await expect(page.getByTestId('load-error-detail')).toContainText(/The database cannot be reached/)
    await expect(page.getByTestId('load-error-detail')).not.toContainText(/tts@|127\.0\.0\.1|magento/)
  } finally {
    await mariadb.start()
  }
  await page.getByTestId('load-retry').click()
  await waitForComplete(page)
  expect((await summary(page)).total).toBe(SEED.synchronization)
})
