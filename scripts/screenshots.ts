// Takes the README's screenshots from the built app served by `vite preview`.
// Usage: npm run screenshots [-- file.png …] (only those files; all without)
import type { Page } from 'playwright-core'
import { preview } from 'vite'
import { launchChromium } from './chromium.ts'

const shots: {
  path: string
  file: string
  width?: number
  /** The merchant last looked at the listing log this many hours ago (new since the last visit). */
  lastVisitHoursAgo?: number
  act?: (page: Page) => Promise<void>
}[] = [
  // A laptop's admin, 1024×768 (issue 29): the filter panel hidden, the filters in use as chips.
  { path: '/listings/logs?type=4,3&q=revised', file: 'listing-log-1024.png', width: 1024 },
  {
    path: '/help-center/synchronization-logs?lang=pl_PL',
    file: 'synchronization-log-1024-pl.png',
    width: 1024,
    // Scrolled sideways: the middle columns pass under the pinned type column.
    act: async (page) => {
      await page.getByTestId('log-grid').evaluate((el) => (el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2))
    },
  },
  // A smaller admin: 1280×800, where the grid scrolls sideways rather than cut columns off.
  { path: '/listings/logs', file: 'listing-log-1280.png', width: 1280 },
  { path: '/listings/logs?view=grouped', file: 'grouped-1280.png', width: 1280 },
  { path: '/listings/logs', file: 'listing-log.png' },
  { path: '/sales/logs', file: 'order-log.png' },
  { path: '/help-center/synchronization-logs', file: 'synchronization-log.png' },
  {
    path: '/listings/logs',
    file: 'details-drawer.png',
    act: async (page) => {
      await page.locator('[data-testid="log-row"]:not([data-count="1"])').first().getByTestId('row-details').click()
      await page.getByTestId('details-occurrences').waitFor()
    },
  },
  {
    path: '/sales/logs?type=3,4&hide=initiator',
    file: 'saved-views.png',
    act: async (page) => {
      await page.getByTestId('column-chooser').click()
      await page.getByTestId('save-view').click()
      await page.getByTestId('save-view-name').fill('Problems, compact')
    },
  },
  { path: '/help-center/logs-clearing', file: 'logs-clearing.png' },
  // What the tools merchants' developers know give them (issue 19).
  { path: '/listings/logs?numbers=1', file: 'trends.png', width: 1280 },
  { path: '/listings/logs', file: 'new-since.png', width: 1280, lastVisitHoursAgo: 30 },
  {
    path: '/listings/logs?q=category%20attribute',
    file: 'highlight.png',
    width: 1280,
    act: async (page) => {
      await page.getByTestId('log-row').first().getByTestId('row-details').click()
      await page.getByTestId('details-message').locator('mark').first().waitFor()
    },
  },
  {
    path: '/sales/logs',
    file: 'filter-for-value.png',
    width: 1280,
    act: async (page) => {
      await page.getByTestId('log-row').first().getByTestId('row-details').click()
      await page.getByTestId('details-filter-ttsOrder').focus()
    },
  },
  // What is going wrong, and how widely (issue 29).
  { path: '/listings/logs?view=problems&sort=owners:desc', file: 'problems-1280.png', width: 1280 },
]

/** The window's height at each width shot: the admins of the layout tests. */
const HEIGHTS: Record<number, number> = { 1024: 768, 1280: 800, 1440: 900 }
const only = process.argv.slice(2)

const server = await preview({ preview: { port: 0, host: '127.0.0.1' } })
const address = server.httpServer.address()
if (!address || typeof address === 'string') throw new Error('preview server has no port')
const base = `http://127.0.0.1:${address.port}`
const browser = await launchChromium()
try {
  for (const shot of shots.filter((s) => only.length === 0 || only.includes(s.file))) {
    // 1440×900 unless the shot says otherwise; each on a fresh page, as a merchant opens it.
    const width = shot.width ?? 1440
    const page = await browser.newPage({ viewport: { width, height: HEIGHTS[width]! } })
    const hours = shot.lastVisitHoursAgo
    if (hours !== undefined) {
      await page.addInitScript(
        (at) => {
          localStorage.setItem('tts-logs:last-visit:v1:default:listing', JSON.stringify({ visitedAt: at }))
        },
        new Date(Date.now() - hours * 3_600_000).toISOString(),
      )
    }
    await page.goto(base + shot.path)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page
      .locator('[data-complete="true"][data-settled="true"]')
      .waitFor({ timeout: 60_000 })
      .catch(() => undefined)
    await shot.act?.(page)
    await page.waitForTimeout(400)
    await page.screenshot({ path: `docs/screenshots/${shot.file}` })
    console.log(`docs/screenshots/${shot.file}`)
    await page.close()
  }
} finally {
  await browser.close()
  await server.close()
}
