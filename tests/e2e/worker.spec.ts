import { expect, test, type Page } from '@playwright/test'
import { WORKER_START_WAIT_MS } from '../../src/api/lines/protocol.ts'
import { fetchAll, waitForComplete } from './helpers'

/** The console note of a page that parses the log in its own thread. */
const NOTE = /^\[tts-logs\] The log is parsed on the page's main thread: /

type WatchedWindow = Window & {
  __cspViolations: string[]
  __parsed: { worker: number; main: number }
  /** The lines parsed in the page's thread: when each began and how long it took (ms). */
  __inPage: [start: number, duration: number][]
}

/**
 * Watches a page from its first script: the workers it starts, the note, CSP violations, and
 * where the stream's lines were parsed (the app's `tts-logs:parse` measures).
 */
async function watch(page: Page) {
  const notes: string[] = []
  const workers: string[] = []
  page.on('console', (message) => {
    if (NOTE.test(message.text())) notes.push(`${message.type()}: ${message.text()}`)
  })
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname))
  await page.addInitScript(() => {
    const watched = window as unknown as WatchedWindow
    watched.__cspViolations = []
    watched.__parsed = { worker: 0, main: 0 }
    watched.__inPage = []
    document.addEventListener('securitypolicyviolation', (event) => {
      watched.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntriesByName('tts-logs:parse')) {
        const thread = (entry as PerformanceMeasure).detail.thread as 'worker' | 'main'
        watched.__parsed[thread]++
        if (thread === 'main') watched.__inPage.push([entry.startTime, entry.duration])
      }
    }).observe({ type: 'measure' })
  })
  const seen = () =>
    page.evaluate(() => {
      const watched = window as unknown as WatchedWindow
      return { violations: watched.__cspViolations, parsed: watched.__parsed, inPage: watched.__inPage }
    })
  return { notes, workers, seen }
}

/** The page holds every record of the listing log. */
async function expectWholeListingLog(page: Page, total: number) {
  await waitForComplete(page)
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-total', String(total))
  await expect(page.getByTestId('load-rejected')).toHaveCount(0)
}

/** The embed builds' worker, beside their chunks. */
const EMBED_WORKER = /^\/embed\/chunks\/lines\.worker-[\w-]+\.js$/

/** One worker started, from `path`, and lines parsed in it; no CSP violation, no note. */
async function expectParsedInWorker(watched: Awaited<ReturnType<typeof watch>>, path: RegExp) {
  expect(watched.workers).toEqual([expect.stringMatching(path)])
  const { violations, parsed, inPage } = await watched.seen()
  expect(violations).toEqual([])
  // The first line is parsed in the page (the first rows wait for no worker). The lines after it
  // are the worker's, even those that arrived while it started: the page parses one itself only
  // once it has waited WORKER_START_WAIT_MS for a worker still starting (none, as a rule).
  const [first, ...later] = inPage
  expect(first).toBeDefined()
  for (const [start] of later) expect(start).toBeGreaterThanOrEqual(first![0] + first![1] + WORKER_START_WAIT_MS)
  expect(parsed.worker).toBeGreaterThan(0)
  expect(watched.notes).toEqual([])
}

test.describe('the stream parsed in a Web Worker', () => {
  test('the standalone page: a worker from its own assets parses every line', async ({ page, request }) => {
    const total = (await fetchAll(request, 'listing')).length
    const watched = await watch(page)
    await page.goto('/listings/logs?unique=0')
    await expectWholeListingLog(page, total)
    await expectParsedInWorker(watched, /^\/assets\/lines\.worker-[\w-]+\.js$/)
  })

  test('the IIFE embed under script-src self: the worker beside the script, no CSP violation', async ({
    page,
    request,
  }) => {
    const total = (await fetchAll(request, 'listing')).length
    const watched = await watch(page)
    const response = await page.goto('/host-demo.html')
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await expectWholeListingLog(page, total)
    await expectParsedInWorker(watched, EMBED_WORKER)
  })

  test('the ES module embed: the worker beside its chunks', async ({ page, request }) => {
    const total = (await fetchAll(request, 'listing')).length
    const watched = await watch(page)
    await page.goto('/host-demo.html?autostart=0')
    await page.evaluate(async () => {
      const module = (await import(`${location.origin}/embed/tts-logs.js`)) as {
        mount(el: string, options: object): unknown
      }
      module.mount('#tab-panel', { view: 'listing', requestParams: { form_key: 'host-demo-form-key' } })
    })
    await expectWholeListingLog(page, total)
    await expectParsedInWorker(watched, EMBED_WORKER)
  })
})

test('each app ends its worker when it unmounts: a tab switch leaves one alive, unmounting none', async ({ page }) => {
  const ended: Promise<unknown>[] = []
  page.on('worker', (worker) => ended.push(new Promise((resolve) => worker.on('close', resolve))))
  await page.goto('/host-demo.html')
  await waitForComplete(page)
  for (const tab of ['Orders Logs', 'Synchronization Logs', 'Listings Logs']) {
    await page.getByRole('tab', { name: tab }).click()
    await waitForComplete(page)
  }
  // One per app, and each app's ended with it.
  expect(ended).toHaveLength(4)
  await Promise.all(ended.slice(0, 3))
  expect(page.workers()).toHaveLength(1)
  await page.evaluate(() => (window as unknown as { hostDemo: { unmountAll(): void } }).hostDemo.unmountAll())
  await ended[3]
  expect(page.workers()).toEqual([])
})

test.describe('where no worker may start, the page parses the stream itself', () => {
  test('a CSP of worker-src none: the log loads whole, and the console says so once', async ({ page, request }) => {
    const total = (await fetchAll(request, 'listing')).length
    const watched = await watch(page)
    const response = await page.goto('/host-demo.html?testCsp=no-workers')
    expect(response?.headers()['content-security-policy']).toContain("worker-src 'none'")
    await expectWholeListingLog(page, total)
    // The order log too: the same note is not said again.
    await page.getByRole('tab', { name: 'Orders Logs' }).click()
    await waitForComplete(page)
    const { violations, parsed } = await watched.seen()
    expect(violations).toEqual([expect.stringMatching(/^worker-src .*\/embed\/chunks\/lines\.worker-[\w-]+\.js$/)])
    expect(parsed.worker).toBe(0)
    expect(parsed.main).toBeGreaterThan(1)
    expect(watched.notes).toEqual([expect.stringMatching(/^info: .*a Content Security Policy may forbid it/)])
  })

  test('a worker whose script fails to load: the log loads whole, parsed in the page', async ({ page, request }) => {
    const total = (await fetchAll(request, 'listing')).length
    const watched = await watch(page)
    await page.route(/\/lines\.worker-[\w-]+\.js$/, (route) => route.abort('failed'))
    await page.goto('/listings/logs?unique=0')
    await expectWholeListingLog(page, total)
    const { parsed } = await watched.seen()
    expect(parsed.worker).toBe(0)
    expect(parsed.main).toBeGreaterThan(1)
    expect(watched.notes).toEqual([expect.stringMatching(/^info: /)])
  })
})
