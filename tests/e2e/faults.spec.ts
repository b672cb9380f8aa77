import { expect, test, type APIRequestContext } from '@playwright/test'
import { fetchAll, waitForComplete } from './helpers'

async function inject(request: APIRequestContext, faults: object[]) {
  expect((await request.post('/api/v1/__test/faults', { data: { faults } })).status()).toBe(200)
}

test.afterEach(async ({ request }) => {
  await request.delete('/api/v1/__test/faults')
})

test('a connection reset mid-load keeps what was loaded, says so, and Retry finishes the load', async ({
  page,
  request,
}) => {
  const total = (await fetchAll(request, 'listing')).length
  // Two pages arrive (1,000 records, then 10,000), then the connection drops for every request
  // (retries included) until it is fixed.
  await inject(request, [{ path: '/logs/listing', method: 'GET', reset: true, after: 2, times: 1000 }])
  await page.goto('/listings/logs?unique=0')
  const error = page.getByTestId('load-error')
  await expect(error).toContainText('The server could not be reached.')
  await expect(error).toContainText('The 11,000 records loaded so far are still shown.')
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', '11000')
  await expect(page.getByTestId('log-row').first()).toBeVisible()
  await request.delete('/api/v1/__test/faults')
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
  await inject(request, [{ path: '/logs/order', method: 'GET', delayMs: 400, times: 1 }])
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

test('an older, slower response never replaces a newer one', async ({ page, request }) => {
  const listingTwo = await fetchAll(request, 'listing', 'listingId=2')
  // The narrowed load of listing 1 answers late; the user has moved on to listing 2 by then.
  await inject(request, [{ path: '/logs/listing', query: 'listingId=1', method: 'GET', delayMs: 2500, times: 5 }])
  await page.goto('/listings/logs?listingId=1&unique=0')
  await page.waitForTimeout(300)
  await page.goto('/listings/logs?listingId=2&unique=0')
  await waitForComplete(page)
  await page.waitForTimeout(3000)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(listingTwo.length))
  const ids = await page
    .getByTestId('log-row')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-id'))))
  const allowed = new Set(listingTwo.map((r) => r.id))
  expect(ids.every((id) => allowed.has(id))).toBe(true)
})

test('switching narrowing in the same page keeps only the newest load', async ({ page, request }) => {
  const listingThree = await fetchAll(request, 'listing', 'listingId=3')
  await inject(request, [{ path: '/logs/listing', query: 'listingId=1', method: 'GET', delayMs: 2000, times: 5 }])
  await page.goto('/listings/logs')
  await waitForComplete(page)
  // Within the app (no page reload): listing 1 (slow), then at once listing 3.
  await page.evaluate(() => window.history.pushState({}, '', '/listings/logs?listingId=1&unique=0'))
  await page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')))
  await page.evaluate(() => window.history.pushState({}, '', '/listings/logs?listingId=3&unique=0'))
  await page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')))
  await waitForComplete(page)
  await page.waitForTimeout(2500)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(listingThree.length))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(listingThree[0]!.listingTitle as string)
})
