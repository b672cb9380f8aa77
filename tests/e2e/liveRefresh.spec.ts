import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import {
  clearFaults,
  expectedNew,
  fetchAll,
  framesPainted,
  setFaults,
  waitForComplete,
  type RawRecord,
} from './helpers'

// Live refresh checks on a timer; the page's clock is Playwright's, so an interval passes when
// the test says so (clock.runFor), not after ten real seconds.

const INTERVAL_MS = 10_000
/** Posted records are dated ahead of the seed, so they are the newest of their log. */
const future = () => new Date(Date.now() + 5 * 86_400_000).toISOString()

test.beforeEach(async ({ page }) => {
  // Before the page loads: its timers are the fake clock's from the start (time still flows).
  await page.clock.install()
})
test.afterEach(async ({ request }) => {
  await clearFaults(request)
})

async function turnOnLiveRefresh(page: Page) {
  const select = page.locator('.tts-el-select', { has: page.getByRole('combobox', { name: 'Live refresh' }) })
  await select.click()
  await page.getByRole('option', { name: 'Every 10 s' }).click()
  await expect(select).toContainText('Every 10 s')
}

/** One interval of live refresh passes. */
const nextInterval = (page: Page) => page.clock.runFor(INTERVAL_MS)

async function post(request: APIRequestContext, kind: string, items: object[]): Promise<number[]> {
  const response = await request.post(`/api/v1/logs/${kind}`, { data: { items } })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { ids: number[] }).ids
}

/** The log's size as the API counts it (the first page's `totalEstimate`). */
async function apiTotal(request: APIRequestContext, kind: string, query = '') {
  const response = await request.get(`/api/v1/logs/${kind}?limit=1${query && `&${query}`}`)
  return ((await response.json()) as { totalEstimate: number }).totalEstimate
}

async function firstRecord(request: APIRequestContext, kind: string, query: string) {
  const response = await request.get(`/api/v1/logs/${kind}?limit=1&${query}`)
  return ((await response.json()) as { items: RawRecord[] }).items[0]!
}

function listingRecord(listing: RawRecord, description: string) {
  return {
    createDate: future(),
    type: 4,
    initiator: 2,
    description,
    accountId: listing.accountId,
    shopId: listing.shopId,
    listingId: listing.listingId,
    listingTitle: listing.listingTitle,
    productId: 1001,
    productTitle: 'Live refresh test product',
    listingProductId: 7_000_000 + Number(listing.listingId),
    action: 15,
    actionId: 8_800_000 + Number(listing.listingId),
  }
}

function orderRecord(order: RawRecord, description: string) {
  return {
    createDate: future(),
    type: 4,
    initiator: 2,
    description,
    accountId: order.accountId,
    shopId: order.shopId,
    orderId: order.orderId,
    ttsOrderId: order.ttsOrderId,
    magentoOrderId: null,
    magentoOrderNumber: null,
  }
}

const row = (page: Page, id: number) => page.locator(`[data-testid="log-row"][data-id="${id}"]`)

/** Scrolls the grid down and waits until it has re-rendered there: new records now wait. */
async function readFurtherDown(page: Page) {
  await page.getByTestId('log-grid').evaluate((el) => (el.scrollTop = 2000))
  await expect(page.locator('[data-testid="log-row"][aria-rowindex="2"]')).toHaveCount(0)
}

/** From a narrowed listing log to another listing's, through the page: the whole log, a link. */
async function narrowToListing(page: Page, listing: RawRecord) {
  await page.getByRole('link', { name: 'Show the whole log' }).click()
  await expect(page).not.toHaveURL(/listingId=/)
  // Rows that stay put while we click.
  await waitForComplete(page)
  await page.getByLabel('Listing', { exact: true }).fill(listing.listingTitle as string)
  // Clicked once the grid shows the filtered rows: a link of the rows before may be replaced
  // under the pointer (under load, that click was lost).
  const link = page.getByTestId('listing-link').first()
  await expect(link).toHaveAttribute('href', `/listings/logs?listingId=${listing.listingId}`)
  await link.click()
  await expect(page).toHaveURL(new RegExp(`[?&]listingId=${listing.listingId}(&|$)`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Listing "${listing.listingTitle}" Log`)
  await waitForComplete(page)
}

test('live refresh brings in a record POSTed meanwhile within one interval, highlighted', async ({ page, request }) => {
  const record = (description: string) => ({
    createDate: future(),
    type: 4,
    initiator: 2,
    description,
    task: 3,
    detailedDescription: null,
    operationHistoryId: null,
  })
  await page.goto('/help-center/synchronization-logs')
  await waitForComplete(page)
  const total = Number(await page.getByTestId('log-summary').getAttribute('data-total'))
  await turnOnLiveRefresh(page)
  const [id] = await post(request, 'synchronization', [record('Live: order import failed just now.')])
  await nextInterval(page)
  await expect(row(page, id!)).toBeVisible()
  await expect(row(page, id!)).toHaveClass(/tts-grid__row--fresh/)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total + 1))

  // Reading further down: new records wait behind a pill instead of moving the grid.
  await readFurtherDown(page)
  const [secondId] = await post(request, 'synchronization', [record('Live: a second failure.')])
  await nextInterval(page)
  const pill = page.getByTestId('live-pending')
  await expect(pill).toHaveText('1 new record')
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total + 1))
  await pill.click()
  await expect(row(page, secondId!)).toBeVisible()
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total + 2))
})

test('coming back through the menu: the records that arrived meanwhile are there, counted and marked New, with no reload', async ({
  page,
  request,
}) => {
  await page.goto('/listings/logs')
  await waitForComplete(page)
  const summary = page.getByTestId('log-summary')
  const total = Number(await summary.getAttribute('data-total'))
  // Away through the app's menu: leaving counts the visit (the last visit is now).
  await page.getByTestId('menu-order').click()
  await waitForComplete(page)
  const listing = await firstRecord(request, 'listing', '')
  const ids = await post(request, 'listing', [
    listingRecord(listing, 'Arrived while away: Brand is missing.'),
    listingRecord(listing, 'Arrived while away: Size chart is missing.'),
  ])
  await page.getByTestId('menu-listing').click()
  await waitForComplete(page)
  // On arrival: counted, in the grid, and new since the visit that ended on leaving.
  await expect(summary).toHaveAttribute('data-total', String(total + 2))
  await expect(summary).toHaveAttribute('data-log-total', String(total + 2))
  // New since the visit that ended on leaving: the two, and any record another test dated later.
  const chip = page.getByTestId('new-filter')
  const since = Date.parse((await chip.getAttribute('data-since')) ?? '')
  const expected = expectedNew(await fetchAll(request, 'listing'), since)
  expect(expected.records).toBeGreaterThanOrEqual(2)
  await expect(chip).toHaveAttribute('data-count', String(expected.records))
  for (const id of ids) await expect(row(page, id).getByTestId('message-new')).toBeVisible()
  expect(await apiTotal(request, 'listing')).toBe(total + 2)
})

test('live refresh on a log narrowed to one listing brings in that listing’s new records only', async ({
  page,
  request,
}) => {
  const listing = await firstRecord(request, 'listing', 'listingId=3')
  const other = await firstRecord(request, 'listing', 'listingId=4')
  await page.goto('/listings/logs?listingId=3')
  await waitForComplete(page)
  await turnOnLiveRefresh(page)
  const [otherId] = await post(request, 'listing', [listingRecord(other, 'Live: another listing’s product failed.')])
  const [ownId] = await post(request, 'listing', [listingRecord(listing, 'Live: this listing’s product failed.')])
  await nextInterval(page)
  await expect(row(page, ownId!)).toBeVisible()
  await expect(row(page, ownId!)).toHaveClass(/tts-grid__row--fresh/)
  // Both arrived before the same check: had the other one been fetched, it would be here too.
  await expect(row(page, otherId!)).toHaveCount(0)
  await expect(page.getByTestId('log-summary')).toHaveAttribute(
    'data-total',
    String(await apiTotal(request, 'listing', 'listingId=3')),
  )
  // The next check brings nothing more.
  await nextInterval(page)
  await expect(page.getByTestId('log-summary')).toHaveAttribute(
    'data-total',
    String(await apiTotal(request, 'listing', 'listingId=3')),
  )
  await expect(row(page, otherId!)).toHaveCount(0)
})

test('live refresh on a log narrowed to one order brings in that order’s new records only', async ({
  page,
  request,
}) => {
  const order = await firstRecord(request, 'order', '')
  const others = ((await (await request.get('/api/v1/logs/order?limit=50')).json()) as { items: RawRecord[] }).items
  const other = others.find((r) => r.orderId !== order.orderId)!
  await page.goto(`/sales/logs?orderId=${order.orderId}`)
  await waitForComplete(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order #${order.ttsOrderId} Log`)
  const total = Number(await page.getByTestId('log-summary').getAttribute('data-total'))
  await turnOnLiveRefresh(page)
  const [otherId] = await post(request, 'order', [orderRecord(other, 'Live: another order was not created.')])
  const [ownId] = await post(request, 'order', [orderRecord(order, 'Live: this order was not created.')])
  await nextInterval(page)
  await expect(row(page, ownId!)).toBeVisible()
  await expect(row(page, otherId!)).toHaveCount(0)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total + 1))
  await nextInterval(page)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total + 1))
  await expect(row(page, otherId!)).toHaveCount(0)
})

test('narrowing to another listing drops the new records held behind the pill', async ({ page, request }) => {
  const listing = await firstRecord(request, 'listing', 'listingId=5')
  const other = await firstRecord(request, 'listing', 'listingId=6')
  await page.goto('/listings/logs?listingId=5')
  await waitForComplete(page)
  await turnOnLiveRefresh(page)
  await readFurtherDown(page)
  const [heldId] = await post(request, 'listing', [listingRecord(listing, 'Live: held behind the pill.')])
  await nextInterval(page)
  const pill = page.getByTestId('live-pending')
  await expect(pill).toHaveText('1 new record')

  await narrowToListing(page, other)
  await expect(pill).toHaveCount(0)
  // Had it stayed, showing it would append listing 5's record to listing 6's log.
  await nextInterval(page)
  await expect(pill).toHaveCount(0)
  await expect(row(page, heldId!)).toHaveCount(0)
  await expect(page.getByTestId('log-summary')).toHaveAttribute(
    'data-total',
    String(await apiTotal(request, 'listing', 'listingId=6')),
  )
})

test('a live refresh still on its way when the listing changes never lands in the other listing’s log', async ({
  page,
  request,
}) => {
  const listing = await firstRecord(request, 'listing', 'listingId=5')
  const other = await firstRecord(request, 'listing', 'listingId=6')
  await page.goto('/listings/logs?listingId=5')
  await waitForComplete(page)
  await turnOnLiveRefresh(page)
  const [lateId] = await post(request, 'listing', [listingRecord(listing, 'Live: answered late.')])
  // The check for listing 5's newer records is answered 8 s late: after the page is on listing 6.
  const faults = [{ path: '/logs/listing', query: 'afterId=', method: 'GET', delayMs: 8000, times: 1 }]
  await setFaults(request, faults)
  const check = page.waitForRequest((r) => r.url().includes('afterId='))
  await nextInterval(page)
  const late = await check
  // Listened for before moving on: the page may cancel the request at once.
  const settled = Promise.race([
    page.waitForEvent('requestfinished', (r) => r === late),
    page.waitForEvent('requestfailed', (r) => r === late),
  ])
  await narrowToListing(page, other)
  // The late answer has come (or the page cancelled it), and what the page did with it is painted.
  await settled
  await framesPainted(page)
  await expect(row(page, lateId!)).toHaveCount(0)
  await expect(page.getByTestId('live-pending')).toHaveCount(0)
  await expect(page.getByTestId('log-summary')).toHaveAttribute(
    'data-total',
    String(await apiTotal(request, 'listing', 'listingId=6')),
  )
})
