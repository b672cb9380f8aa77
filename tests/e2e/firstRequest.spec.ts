// The first request leaves before the app's code runs (issue 28): a tiny entry starts the log's
// streamed read, then loads the app, which adopts the read in flight. Read from the browser's own
// performance trace: when the request was sent, and when each module graph was evaluated.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { waitForComplete } from './helpers'

interface TraceEvent {
  name: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: { url?: string } }
}

/** Traces what `load` does in the page until its log is loaded: the requests and the module evaluations. */
async function traced(browser: Browser, page: Page, load: () => Promise<unknown>) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'loading'] })
  await load()
  await waitForComplete(page)
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
  const reads = traceEvents.filter(
    (e) => e.name === 'ResourceSendRequest' && (e.args?.data?.url ?? '').includes('format=columns-stream'),
  )
  const [read] = reads
  // Module graphs evaluated on the page's main thread (the one that sent the request).
  const evaluations = traceEvents
    .filter((e) => e.name === 'v8.evaluateModule' && e.pid === read?.pid && e.tid === read?.tid)
    .sort((a, b) => a.ts - b.ts)
  const requested = (pattern: RegExp) =>
    traceEvents.find((e) => e.name === 'ResourceSendRequest' && pattern.test(e.args?.data?.url ?? ''))?.ts
  return {
    reads: reads.map((e) => new URL(e.args!.data!.url!).pathname + new URL(e.args!.data!.url!).search),
    sentAt: read!.ts,
    requested,
    before: evaluations.filter((e) => e.ts <= read!.ts),
    after: evaluations.filter((e) => e.ts > read!.ts),
  }
}

test('the standalone page sends its first request from its entry, before the app’s modules run, once', async ({
  browser,
  page,
}) => {
  const { reads, sentAt, before, after } = await traced(browser, page, () => page.goto('/sales/logs?orderId=7&type=4'))
  // The read the page's first load asks for (its narrowing; the type is filtered in the page).
  expect(reads).toEqual(['/api/v1/logs/order?limit=1000&orderId=7&format=columns-stream'])
  // Sent while the page's first module, the entry, was running; the app's modules ran after it.
  expect(before).toHaveLength(1)
  expect(sentAt).toBeLessThanOrEqual(before[0]!.ts + before[0]!.dur!)
  expect(after.length).toBeGreaterThan(0)
})

test('the ES embed’s mount() sends the first request before the app’s modules run, once, and leaves nothing', async ({
  browser,
  page,
}) => {
  await page.goto('/host-demo.html?autostart=0')
  await page.setContent('<link rel="stylesheet" href="/embed/tts-logs.css" /><div id="host"></div>')
  // A host that loads the ES module (docs/embedding.md), with a form key on every request.
  const { reads, sentAt, requested, before, after } = await traced(browser, page, () =>
    page.evaluate(`import('/embed/tts-logs.js').then((TtsLogs) => {
      window.mounted = TtsLogs.mount('#host', { view: 'listing', requestParams: { form_key: 'k1' } })
    })`),
  )
  expect(reads).toEqual(['/api/v1/logs/listing?form_key=k1&limit=1000&format=columns-stream'])
  // Only the module that exports mount() had run; the app's chunk was asked for after the request
  // left, and its modules ran after that.
  expect(before).toHaveLength(1)
  expect(requested(/\/embed\/chunks\/mountApp-[\w-]+\.js$/)).toBeGreaterThan(sentAt)
  expect(after.length).toBeGreaterThan(0)
  await page.evaluate('window.mounted.unmount()')
  await expect(page.locator('#host')).toBeEmpty()
})

/** The box of every child of the page's rows of controls, by container and position. */
const controlBoxes = (page: Page) =>
  page.evaluate(() => {
    const containers = [
      'section.tts-log-page',
      '.tts-filters__bar',
      '.tts-filters__bar > .tts-filters__field',
      '.tts-filters__checks',
      '.tts-filters__chips',
      '.tts-filters__toolbar',
      '.tts-views__row',
      '.tts-views__group',
      '.tts-log-page__actions',
    ]
    const boxes: Record<string, string> = {}
    for (const selector of containers) {
      document.querySelectorAll(selector).forEach((container, k) => {
        ;[...container.children].forEach((child, i) => {
          const r = child.getBoundingClientRect()
          boxes[`${selector} #${k} > ${i} ${child.tagName}`] = [r.left, r.top, r.width, r.height]
            .map((n) => n.toFixed(1))
            .join(' ')
        })
      })
    }
    return boxes
  })

const framesPainted = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))))

test('the controls that load after the first rows take the places their boxes held: nothing moves', async ({
  page,
}) => {
  // Element Plus's controls are held back until the page with their boxes has been measured.
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/elementParts-[\w-]+\.js$/, async (route) => {
    await released
    await route.continue()
  })
  // Chips, a typed message, a chosen type: every kind of box is on the page.
  await page.goto('/listings/logs?type=4&q=revised&unique=0')
  await waitForComplete(page)
  // The rest of what loads after the first rows (chart, date picker) is in place.
  await expect(page.getByTestId('volume-chart')).toBeVisible()
  await expect(page.locator('.tts-filters__field--date .tts-el-date-editor')).toBeVisible()
  await framesPainted(page)
  // The boxes: the controls are not there yet.
  await expect(page.getByTestId('filter-q')).toHaveCount(0)
  const before = await controlBoxes(page)
  release()
  await expect(page.getByLabel('Message', { exact: true })).toHaveValue('revised')
  await expect(page.getByRole('checkbox', { name: 'Only messages with unique Product ID' })).not.toBeChecked()
  await expect(page.getByTestId('chip-type')).toBeVisible()
  await expect(page.getByTestId('filter-reset')).toBeVisible()
  await framesPainted(page)
  expect(Object.keys(before).length).toBeGreaterThan(20)
  expect(await controlBoxes(page)).toEqual(before)
})
