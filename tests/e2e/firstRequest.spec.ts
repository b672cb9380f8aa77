// The first request leaves before the app's code (issue 28): a tiny entry starts the log's
// streamed read, then loads the app, which adopts the read in flight. Read from the browser's own
// resource timing: when each request started, and how many reads there were.
import { expect, test, type Page } from '@playwright/test'
import { waitForComplete } from './helpers'

interface Timed {
  name: string
  startTime: number
  responseEnd: number
}

/** The page's requests so far, as the browser timed them (path and query only). */
const timings = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name.replace(location.origin, ''),
      startTime: entry.startTime,
      responseEnd: (entry as PerformanceResourceTiming).responseEnd,
    })),
  )

const reads = (entries: Timed[]) => entries.filter((entry) => entry.name.includes('format=columns-stream'))

test('the standalone page asks for its records before it asks for the app’s code, once', async ({ page }) => {
  await page.goto('/sales/logs?orderId=7&type=4')
  await waitForComplete(page)
  const entries = await timings(page)
  const app = entries.find((entry) => /\/assets\/standalone-[\w-]+\.js$/.test(entry.name))!
  const [read, ...more] = reads(entries)
  // The read the page's first load asks for (its narrowing; the type is filtered in the page).
  expect(read!.name).toBe('/api/v1/logs/order?limit=1000&orderId=7&format=columns-stream')
  expect(more).toEqual([])
  // Started before the app's chunk was even asked for, so before any of it ran.
  expect(read!.startTime).toBeLessThanOrEqual(app.startTime)
  expect(read!.startTime).toBeLessThan(app.responseEnd)
})

test('the ES embed’s mount() asks for the records before it loads the app, once, and leaves nothing', async ({
  page,
}) => {
  await page.goto('/host-demo.html?autostart=0')
  await page.setContent('<link rel="stylesheet" href="/embed/tts-logs.css" /><div id="host"></div>')
  // A host that loads the ES module (docs/embedding.md), with a form key on every request.
  await page.evaluate(`import('/embed/tts-logs.js').then((TtsLogs) => {
    window.mounted = TtsLogs.mount('#host', { view: 'listing', requestParams: { form_key: 'k1' } })
  })`)
  await waitForComplete(page)
  const entries = await timings(page)
  const app = entries.find((entry) => /\/embed\/chunks\/mountApp-[\w-]+\.js$/.test(entry.name))!
  const [read, ...more] = reads(entries)
  expect(read!.name).toBe('/api/v1/logs/listing?form_key=k1&limit=1000&format=columns-stream')
  expect(more).toEqual([])
  expect(read!.startTime).toBeLessThanOrEqual(app.startTime)
  await page.evaluate('window.mounted.unmount()')
  await expect(page.locator('#host')).toBeEmpty()
})
