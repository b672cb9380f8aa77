/**
 * What a real store's M2E tables hold and generated data never does (m2e-schema.md, "What real
 * tables hold"), read through a SELECT-only database user, as a careful merchant sets up a log
 * viewer: codes from a newer M2E (action 97, run mode 7, type 5, task 11), 0 where old code meant
 * "no product", descriptions that are long, cut short, empty or NULL, an account since deleted,
 * a date ahead of the clock, and dates that are NULL or zero. Every record with a usable date
 * reaches the page; the two without one are counted and said.
 */
import type { ChildProcess } from 'node:child_process'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { seedMysql } from '../../server/mysql/seed.ts'
import { startMariaDb, type MariaDbServer } from '../setup/mariadb.ts'
import {
  chooseOptions,
  expectShown,
  fetchAll,
  setCheckbox,
  startMysqlPreview,
  summary,
  waitForComplete,
} from './helpers'

const PORT = Number(process.env.E2E_PORT ?? 4180) + 8
const BASE = `http://127.0.0.1:${PORT}`
const SEED = { listing: 2000, order: 100, synchronization: 100 }
const READER = { user: 'log_reader', password: 'reader-only-pw' }
const LONG = `marker-long ${'Brand value is not accepted by the category. '.repeat(1400)}`.slice(0, 60_000)

/** Listing records as M2E writes them, each with a marker its message filter finds. */
const LISTING_ROWS: { marker: string; columns: Record<string, string | number | null> }[] = [
  { marker: 'marker-action97', columns: { action: 97, description: 'Newer action marker-action97 ran.' } },
  { marker: 'marker-runmode7', columns: { initiator: 7, description: 'Run by marker-runmode7.' } },
  { marker: 'marker-type5', columns: { type: 5, description: 'A notice of marker-type5.' } },
  // Old code wrote 0 for "no product": two such records with one message never collapse together.
  {
    marker: 'marker-zero-ids',
    columns: { product_id: 0, listing_product_id: 0, description: 'Product marker-zero-ids refreshed.' },
  },
  {
    marker: 'marker-zero-ids',
    columns: { product_id: 0, listing_product_id: 0, description: 'Product marker-zero-ids refreshed.' },
  },
  { marker: 'marker-long', columns: { description: LONG } },
  {
    marker: 'marker-cutjson',
    columns: { description: '{"string":"Item marker-cutjson %title% was not listed: %reason%","params":{"title":"Dre' },
  },
  { marker: 'marker-deleted-account', columns: { account_id: 999, description: 'From marker-deleted-account.' } },
  { marker: 'marker-ahead', columns: { description: 'Written marker-ahead of the clock.', ahead: 1 } },
  { marker: '', columns: { description: '' } },
  { marker: '', columns: { description: null } },
]

let mariadb: MariaDbServer
let preview: ChildProcess
let api: APIRequestContext
const ids = new Map<string, number[]>()

const sqlValue = (value: string | number | null) =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`

function listingInsert(columns: Record<string, string | number | null>, date = 'UTC_TIMESTAMP() - INTERVAL 1 MINUTE') {
  const { ahead, ...rest } = columns
  const row: Record<string, string | number | null> = {
    account_id: 1,
    shop_id: 1,
    listing_id: 1,
    product_id: 1001,
    listing_product_id: 5001,
    listing_title: 'Summer Dresses 2026',
    product_title: 'Maxi Dress',
    action_id: 900_001,
    action: 4,
    initiator: 2,
    type: 3,
    ...rest,
  }
  const when = ahead ? 'UTC_TIMESTAMP() + INTERVAL 1 DAY' : date
  return `INSERT INTO m2e_tts_listing_log (${Object.keys(row).join(', ')}, create_date) VALUES (${Object.values(row)
    .map(sqlValue)
    .join(', ')}, ${when}); SELECT LAST_INSERT_ID();`
}

test.describe.configure({ mode: 'serial' })
test.use({ baseURL: BASE })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  mariadb = await startMariaDb()
  mariadb.sql('CREATE DATABASE magento CHARACTER SET utf8mb4')
  await seedMysql({ url: mariadb.url('magento'), counts: SEED })
  for (const { marker, columns } of LISTING_ROWS) {
    const id = Number(mariadb.sql(`USE magento; ${listingInsert(columns)}`).trim())
    ids.set(marker, [...(ids.get(marker) ?? []), id])
  }
  // Dates that cannot be shown: NULL, and MySQL's zero date (allowed without NO_ZERO_DATE).
  mariadb.sql(`USE magento; SET SESSION sql_mode = '';
    ${listingInsert({ description: 'marker-nodate' }, 'NULL')}
    ${listingInsert({ description: 'marker-zerodate' }, "'0000-00-00 00:00:00'")}`)
  mariadb.sql(`USE magento; INSERT INTO m2e_tts_synchronization_log (task, initiator, type, description, create_date)
    VALUES (11, 2, 1, 'Newer task marker-task11 done.', UTC_TIMESTAMP() - INTERVAL 1 MINUTE);`)
  // The viewer's database user may read, and nothing else.
  mariadb.sql(`CREATE USER '${READER.user}'@'127.0.0.1' IDENTIFIED BY '${READER.password}';
    GRANT SELECT ON magento.* TO '${READER.user}'@'127.0.0.1';`)
  const url = `mysql://${READER.user}:${READER.password}@127.0.0.1:${mariadb.port}/magento`
  ;({ preview, api } = await startMysqlPreview(PORT, url))
})

test.afterAll(async () => {
  await api?.dispose()
  preview?.kill()
  await mariadb?.destroy()
})

const sqlCount = (where: string) =>
  Number(mariadb.sql(`USE magento; SELECT COUNT(*) FROM m2e_tts_listing_log WHERE ${where};`).trim())

async function filterMessage(page: Page, text: string) {
  await page.getByLabel('Message', { exact: true }).fill(text)
}

test('the API serves every record with a usable date, as stored, and meta counts the two without', async () => {
  const records = await fetchAll(api, 'listing')
  expect(records).toHaveLength(sqlCount("create_date >= '1000-01-01'"))
  expect(records).toHaveLength(SEED.listing + LISTING_ROWS.length)
  const byId = new Map(records.map((r) => [r.id, r]))
  expect(byId.get(ids.get('marker-action97')![0]!)).toMatchObject({ action: 97 })
  expect(byId.get(ids.get('marker-runmode7')![0]!)).toMatchObject({ initiator: 7 })
  expect(byId.get(ids.get('marker-type5')![0]!)).toMatchObject({ type: 5 })
  for (const id of ids.get('marker-zero-ids')!) {
    expect(byId.get(id)).toMatchObject({ productId: null, listingProductId: null })
  }
  expect(byId.get(ids.get('marker-long')![0]!)!.description).toHaveLength(60_000)
  expect(ids.get('')!.map((id) => byId.get(id)!.description)).toEqual(['', ''])
  const meta = (await (await api.get('/api/v1/meta')).json()) as { undated: Record<string, number> }
  expect(meta.undated).toEqual({ listing: 2, order: 0, synchronization: 0 })
  const sync = await fetchAll(api, 'synchronization')
  expect(sync).toHaveLength(SEED.synchronization + 1)
  expect(sync.find((r) => r.description.includes('marker-task11'))).toMatchObject({ task: 11 })
})

test('the listing log shows every one of them, names the codes by number, and says what it cannot show', async ({
  page,
}) => {
  const total = sqlCount("create_date >= '1000-01-01'")
  await page.goto('/listings/logs')
  await waitForComplete(page)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total))
  await expect(page.getByTestId('load-rejected')).toHaveCount(0)
  await expect(page.getByTestId('load-undated')).toHaveAttribute('data-count', '2')
  await expect(page.getByTestId('load-undated')).toContainText(
    '2 records have no usable date (empty, zero or out of range in the database), so they are not shown.',
  )
  await setCheckbox(page, 'Only messages with unique Product ID', false)
  await expectShown(page, total)
  // The unknown type has a chip of its own, apart from Info, Success, Warning and Error.
  await expect(page.getByTestId('type-count-5')).toHaveAttribute('data-count', '1')
  await expect(page.getByTestId('type-count-5')).toContainText('Type 5')

  for (const [marker, label] of [
    ['marker-action97', 'Action 97'],
    ['marker-runmode7', 'Run mode 7'],
    ['marker-type5', 'Type 5'],
  ] as const) {
    await filterMessage(page, marker)
    await expectShown(page, 1)
    await expect(page.getByTestId('log-row')).toHaveAttribute('data-id', String(ids.get(marker)![0]))
    await expect(page.getByTestId('log-row')).toContainText(label)
  }
  for (const marker of ['marker-long', 'marker-cutjson', 'marker-deleted-account', 'marker-ahead']) {
    await filterMessage(page, marker)
    await expectShown(page, 1)
    await expect(page.getByTestId('log-row')).toHaveAttribute('data-id', String(ids.get(marker)![0]))
  }
  // Zero ids are "no product": with the checkbox on, the two never collapse into one row.
  await filterMessage(page, 'marker-zero-ids')
  await setCheckbox(page, 'Only messages with unique Product ID', true)
  await expectShown(page, 2)

  // The empty and NULL descriptions are records too: each opens by its id.
  for (const id of ids.get('')!) {
    await page.goto(`/listings/logs?detail=${id}`)
    await expect(page.getByRole('dialog', { name: `Record #${id}` })).toBeVisible()
  }
})

test('"Action 97" is offered by the Action filter, after the known ones, and goes into the URL', async ({ page }) => {
  await page.goto('/listings/logs?unique=0')
  await waitForComplete(page)
  await chooseOptions(page, 'Action', ['Action 97'])
  await expect(page).toHaveURL(/[?&]action=97(&|$)/)
  await expectShown(page, 1)
  await expect(page.getByTestId('log-row')).toHaveAttribute('data-id', String(ids.get('marker-action97')![0]))
  // A link with it keeps it, in Polish too.
  await page.goto('/listings/logs?unique=0&action=97&lang=pl_PL')
  await waitForComplete(page)
  expect((await summary(page)).shown).toBe(1)
  await expect(page.getByTestId('log-row')).toContainText('Akcja 97')
  await expect(page.getByTestId('chip-action')).toContainText('Akcja 97')
})

test('the synchronization log shows a newer task as "Task 11", and filters by it', async ({ page }) => {
  await page.goto('/help-center/synchronization-logs')
  await waitForComplete(page)
  await filterMessage(page, 'marker-task11')
  await expectShown(page, 1)
  await expect(page.getByTestId('log-row')).toContainText('Task 11')
  await page.goto('/help-center/synchronization-logs?task=11')
  await waitForComplete(page)
  await expectShown(page, 1)
})
