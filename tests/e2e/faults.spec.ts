import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test'
import { clearFaults, fetchAll, framesPainted, setFaults, waitForComplete } from './helpers'

const inject = setFaults

test.afterEach(async ({ request }) => {
  await clearFaults(request)
})

test('a connection reset mid-load keeps what was loaded, says so, and Retry finishes the load', async ({
  page,
  request,
}) => {
  const total = (await fetchAll(request, 'listing')).length
  // The stream's first two lines arrive (1,000 records, then 5,000), then the connection drops
  // mid-line; every attempt to resume (retries included) fails until it is fixed.
  await inject(request, [
    { path: '/logs/listing', method: 'GET', dropAfterChunks: 2, times: 1 },
    { path: '/logs/listing', method: 'GET', query: 'cursor=', reset: true, times: 1000 },
  ])
  await page.goto('/listings/logs?unique=0')
  const error = page.getByTestId('load-error')
  await expect(error).toContainText('The server could not be reached.')
  await expect(error).toContainText('The 6,000 records loaded so far are still shown.')
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', '6000')
  await expect(page.getByTestId('log-row').first()).toBeVisible()
  await clearFaults(request)
  await page.getByTestId('load-retry').click()
  await waitForComplete(page)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total))
  await expect(error).toHaveCount(0)
})

test('going offline fails the load with a clear message; back online, Retry completes it', async ({
  page,
  context,
  request,
}) => {
  const total = (await fetchAll(request, 'order')).length
  // The stream is held back, then cut: its resume finds the browser offline.
  await inject(request, [{ path: '/logs/order', method: 'GET', delayMs: 400, dropAfterChunks: 0, times: 1 }])
  await page.goto('/sales/logs')
  await context.setOffline(true)
  await expect(page.getByTestId('load-error')).toContainText('The server could not be reached.', { timeout: 20_000 })
  await context.setOffline(false)
  await page.getByTestId('load-retry').click()
  await waitForComplete(page)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total))
})

test('a 403 says the session has expired', async ({ page, request }) => {
  await inject(request, [{ path: '/logs/synchronization', status: 403, times: 1 }])
  await page.goto('/help-center/synchronization-logs')
  await expect(page.getByTestId('load-error')).toContainText('Your admin session has expired')
})

test('500s are retried with backoff, then a Retry button is offered', async ({ page, request }) => {
  const requests: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/logs/synchronization')) requests.push(r.url())
  })
  await inject(request, [{ path: '/logs/synchronization', status: 500, times: 4 }])
  await page.goto('/help-center/synchronization-logs')
  await expect(page.getByTestId('load-error')).toContainText('The server had a problem loading the log.')
  expect(requests).toHaveLength(4)
  await page.getByTestId('load-retry').click()
  await waitForComplete(page)
})

/** The log's size as the API counts it (the first page's `totalEstimate`). */
async function apiTotal(request: APIRequestContext, kind: string, query = '') {
  const response = await request.get(`/api/v1/logs/${kind}?limit=1${query && `&${query}`}`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { totalEstimate: number }).totalEstimate
}

/** Resolves when `request` has ended: answered, or cancelled by the page. */
function ended(page: Page, request: Request): Promise<'answered' | 'cancelled'> {
  return Promise.race([
    page
      .waitForEvent('requestfinished', { predicate: (r) => r === request, timeout: 30_000 })
      .then(() => 'answered' as const),
    page
      .waitForEvent('requestfailed', { predicate: (r) => r === request, timeout: 30_000 })
      .then(() => 'cancelled' as const),
  ])
}

/** Marks the document, so a later check proves every step was in-app navigation, not a reload. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
}
async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
}

/** Ids of the rows the grid renders. */
const renderedIds = (page: Page) =>
  page.getByTestId('log-row').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-id'))))

/**
 * Opens listing 1's log from a link in the grid, with its first page held back by the server
 * for `delayMs`; resolves with that page's request once the browser has sent it.
 */
async function openSlowListingOne(page: Page, request: APIRequestContext, delayMs: number) {
  await inject(request, [{ path: '/logs/listing', query: 'listingId=1&', method: 'GET', delayMs, times: 20 }])
  const slow = page.waitForRequest((r) => /[?&]listingId=1&/.test(r.url()))
  await page.locator('[data-testid="listing-link"][href="/listings/logs?listingId=1"]').first().click()
  await expect(page).toHaveURL(/[?&]listingId=1(&|$)/)
  return slow
}

test('a slow load of one listing that lands after moving on to another never shows in it', async ({
  page,
  request,
}) => {
  const listingTwo = await fetchAll(request, 'listing', 'listingId=2')
  // Listing 1's rows first (its title in the Listing filter), so its link is on screen.
  await page.goto('/listings/logs?listing=Summer%20Dresses')
  await waitForComplete(page)
  await markDocument(page)
  const stale = await openSlowListingOne(page, request, 6000)
  const staleEnded = ended(page, stale)

  // While listing 1 is still on its way: back to the whole log, find listing 2, open it.
  await page.getByRole('link', { name: 'Show the whole log' }).click()
  await expect(page).not.toHaveURL(/listingId=/)
  // Rows that stay put while we click (listing 1 is held for 6 s: there is time).
  await waitForComplete(page)
  await page.getByLabel('Listing', { exact: true }).fill(listingTwo[0]!.listingTitle as string)
  await page.locator('[data-testid="listing-link"][href="/listings/logs?listingId=2"]').first().click()
  await expect(page).toHaveURL(/[?&]listingId=2(&|$)/)
  await waitForComplete(page)
  await expectSameDocument(page)

  // Moving on cancels the request nobody waits for any more (the server held it for 6 s). Ended,
  // it brings nothing more, and what the page did with what it brought is painted.
  expect(await staleEnded).toBe('cancelled')
  await framesPainted(page)
  const summary = page.getByTestId('log-summary')
  await expect(summary).toHaveAttribute('data-total', String(listingTwo.length))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Listing "${listingTwo[0]!.listingTitle}" Log`)
  const allowed = new Set(listingTwo.map((r) => r.id))
  const ids = await renderedIds(page)
  expect(ids.length).toBeGreaterThan(0)
  expect(ids.filter((id) => !allowed.has(id))).toEqual([])
  expect(new Set(ids).size).toBe(ids.length)
})

test('a slow narrowed load that lands after going back to the whole log adds nothing to it', async ({
  page,
  request,
}) => {
  await page.goto('/listings/logs?listing=Summer%20Dresses&unique=0')
  await waitForComplete(page)
  await markDocument(page)
  const stale = await openSlowListingOne(page, request, 4000)
  const staleEnded = ended(page, stale)

  // The menu, while listing 1 is still loading: the whole listing log again.
  await page.getByTestId('menu-listing').click()
  await expect(page).not.toHaveURL(/listingId=/)
  await waitForComplete(page)
  await expectSameDocument(page)
  // Going back cancels it (the server held it for 4 s). Ended, it brings nothing more to append,
  // and what the page did with what it brought is painted.
  expect(await staleEnded).toBe('cancelled')
  await framesPainted(page)
  const total = await apiTotal(request, 'listing')
  // Listing 1's records are part of the whole log: appended again, they would count twice.
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total))
  const ids = await renderedIds(page)
  expect(new Set(ids).size).toBe(ids.length)
})

test('a stream cut mid-line resumes by itself from the last whole line: every record once', async ({
  page,
  request,
}) => {
  const all = await fetchAll(request, 'listing')
  const streamed: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('format=columns-stream')) streamed.push(r.url())
  })
  // Cut half way through the second line, then half way through the first line of the resume.
  await inject(request, [
    { path: '/logs/listing', method: 'GET', dropAfterChunks: 1, times: 1 },
    { path: '/logs/listing', method: 'GET', query: 'cursor=', dropAfterChunks: 0, times: 1 },
  ])
  await page.goto('/listings/logs?unique=0')
  await waitForComplete(page)
  await expect(page.getByTestId('load-error')).toHaveCount(0)
  await expect(page.getByTestId('load-rejected')).toHaveCount(0)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(all.length))
  // One request, and two resumes from the cursor of the last whole line (records held twice
  // would make the total larger, records skipped smaller).
  expect(streamed).toHaveLength(3)
  expect(new URL(streamed[2]!).searchParams.get('cursor')).toBe(new URL(streamed[1]!).searchParams.get('cursor'))
})

test('a broken line of the stream rejects its records only, and says how many', async ({ page, request }) => {
  const total = (await fetchAll(request, 'listing')).length
  // Line 1 holds the 1,001st to the 6,000th newest records.
  await inject(request, [{ path: '/logs/listing', method: 'GET', malformedChunk: 1, times: 1 }])
  await page.goto('/listings/logs?unique=0')
  await waitForComplete(page)
  await expect(page.getByTestId('load-rejected')).toContainText('5,000 records were rejected')
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total - 5_000))
  await page.getByTestId('load-rejected').getByText('Show reasons').click()
  await expect(page.getByTestId('load-rejected')).toContainText('not valid JSON (5000 records)')
})

test('a server that does not stream: the paged load, every record once', async ({ page, request }) => {
  const total = (await fetchAll(request, 'listing')).length
  const paged: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/logs/listing') && /format=columns(&|$)/.test(r.url())) paged.push(r.url())
  })
  await inject(request, [{ path: '/logs/listing', query: 'format=columns-stream', status: 400, times: 1000 }])
  await page.goto('/listings/logs?unique=0')
  await waitForComplete(page)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total))
  expect(paged.length).toBeGreaterThan(1)
})

test('typing while the log loads: each key shows at once, none is lost, and the rows answer what was typed', async ({
  page,
  request,
}) => {
  // Each line of the stream after the first comes 5 s after the one before: the load lasts far
  // longer than the test, which never waits for its end (nor depends on how fast the page starts).
  await inject(request, [{ path: '/logs/listing', query: 'columns-stream', lineDelayMs: 5000, times: 1 }])
  await page.goto('/listings/logs?unique=0')
  const message = page.getByLabel('Message', { exact: true })
  await expect(message).toBeEditable()
  const logPage = page.locator('section.tts-log-page')
  await expect(page.getByTestId('load-progress')).toBeVisible()
  await message.pressSequentially('revised')
  // Typed while it loads: the box has every key, and so do the chip, the address and the rows.
  await expect(message).toHaveValue('revised')
  await expect(page.getByTestId('chip-q')).toContainText('revised')
  await expect(page).toHaveURL(/[?&]q=revised\b/)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-q', 'revised')
  const texts = page.getByTestId('log-row').locator('.tts-message__text')
  await expect(texts.first()).toBeVisible()
  for (const text of await texts.allInnerTexts()) expect(text.toLowerCase()).toContain('revised')
  await expect(logPage).not.toHaveAttribute('data-complete', 'true')
})
