import { spawn, type ChildProcess } from 'node:child_process'
import { request as playwrightRequest, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'

export type RawRecord = Record<string, unknown> & { id: number; type: number; description: string; createDate: string }

/**
 * The preview server closes an idle keep-alive socket after 5 s; a test request sent on it at that
 * moment fails with ECONNRESET before the server sees it. The fault calls are idempotent, so they retry.
 */
const RETRY_RESET = { maxRetries: 3 }

/** Sets the test server's faults (replacing any set before). */
export async function setFaults(request: APIRequestContext, faults: object[]) {
  expect((await request.post('/api/v1/__test/faults', { data: { faults }, ...RETRY_RESET })).status()).toBe(200)
}

/** Clears the test server's faults. */
export async function clearFaults(request: APIRequestContext) {
  expect((await request.delete('/api/v1/__test/faults', RETRY_RESET)).status()).toBe(200)
}

/** Every record of a log, straight from the API, newest first. */
export async function fetchAll(request: APIRequestContext, kind: string, query = ''): Promise<RawRecord[]> {
  const items: RawRecord[] = []
  let cursor: string | null = null
  do {
    const params = new URLSearchParams(query)
    params.set('limit', '10000')
    if (cursor) params.set('cursor', cursor)
    const response = await request.get(`/api/v1/logs/${kind}?${params}`, RETRY_RESET)
    expect(response.status()).toBe(200)
    const body = (await response.json()) as { items: RawRecord[]; nextCursor: string | null }
    items.push(...body.items)
    cursor = body.nextCursor
  } while (cursor)
  return items
}

/** The unique checkbox, computed independently: one row per (entity, message); no entity, no collapse. */
export function uniqueRows(records: RawRecord[], entity: 'listingProductId' | 'orderId'): number {
  const keys = new Set<string>()
  let alone = 0
  for (const record of records) {
    if (record[entity] === null) alone++
    else keys.add(`${String(record[entity])}\u0000${record.description}`)
  }
  return keys.size + alone
}

/**
 * Resolves after two frames: what the page was doing when this was called (a response being handled,
 * a scroll, a resize) is rendered and laid out.
 */
export const framesPainted = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))))

export async function waitForComplete(page: Page) {
  await expect(page.locator('[data-complete="true"]')).toBeVisible({ timeout: 30_000 })
}

export async function summary(page: Page) {
  const element = page.getByTestId('log-summary')
  return {
    shown: Number(await element.getAttribute('data-shown')),
    total: Number(await element.getAttribute('data-total')),
  }
}

/** Waits until the summary shows `shown` rows (typing and toggles apply on the next frame). */
export async function expectShown(page: Page, shown: number) {
  await expect(page.getByTestId('log-summary')).toHaveAttribute('data-shown', String(shown))
}

/** Picks options in an Element Plus select found by its label, clicking the box as a person does. */
export async function chooseOptions(page: Page, label: string, options: string[]) {
  await page.locator('.tts-el-select', { has: page.getByLabel(label, { exact: true }) }).click()
  for (const option of options) {
    await page.getByRole('option', { name: option, exact: true }).click()
  }
  await page.keyboard.press('Escape')
}

/** Ticks or unticks an Element Plus checkbox by clicking its label, then checks the result. */
export async function setCheckbox(page: Page, name: string, checked: boolean) {
  const checkbox = page.getByRole('checkbox', { name })
  if ((await checkbox.isChecked()) !== checked) await page.locator('label', { has: checkbox }).click()
  if (checked) await expect(checkbox).toBeChecked()
  else await expect(checkbox).not.toBeChecked()
}

/**
 * Waits until nothing moves the element any more: Vue's <Transition> classes gone (they stay until
 * its `transitionend`) and every CSS animation or transition in it finished (awaited through
 * `Animation.finished`, not a fixed time). An Element Plus popper opens with a scale transition,
 * so what is measured inside it before then is where it is passing through, not where it stays.
 */
export async function waitForSettled(locator: Locator) {
  await locator.evaluate(async (el) => {
    const moving = () => /-(enter|leave)-(from|active|to)\b/.test(el.getAttribute('class') ?? '')
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
    for (;;) {
      const running = el.getAnimations({ subtree: true }).filter((a) => a.playState !== 'finished')
      if (running.length === 0 && !moving()) {
        // Vue removes its classes in the frame after the transition ends: one more look.
        await frame()
        if (el.getAnimations({ subtree: true }).every((a) => a.playState === 'finished') && !moving()) return
        continue
      }
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)))
      await frame()
    }
  })
}

/**
 * `vite preview` over M2E's tables (`LOGS_MYSQL_URL`, as `npm run preview` reads it) on `port`,
 * with an API context for it; resolves once its API answers.
 */
export async function startMysqlPreview(port: number, mysqlUrl: string) {
  const preview: ChildProcess = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { env: { ...process.env, LOGS_MYSQL_URL: mysqlUrl, PREVIEW_TEST_MODE: '', PREVIEW_RESET: '' }, stdio: 'ignore' },
  )
  const api = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${port}` })
  await expect
    .poll(async () => (await api.get('/api/v1/meta').catch(() => null))?.status(), { timeout: 30_000 })
    .toBe(200)
  return { preview, api }
}

/** The unique checkbox's grouping of a listing record: its product and message (alone without a product). */
const groupOf = (record: RawRecord, i: number) =>
  record.listingProductId === null ? `alone-${i}` : `${String(record.listingProductId)}|${record.description}`

/** When each message of the unique view was first seen: a message is new when that is after the visit. */
function firstOccurrences(records: RawRecord[]) {
  const first = new Map<string, number>()
  records.forEach((record, i) => {
    const key = groupOf(record, i)
    first.set(key, Math.min(first.get(key) ?? Infinity, Date.parse(record.createDate)))
  })
  return first
}

/** What the page should call new after a visit at `since`: records, and rows of the unique view. */
export function expectedNew(records: RawRecord[], since: number) {
  const first = firstOccurrences(records)
  const fresh = records.filter((record, i) => first.get(groupOf(record, i))! > since)
  return { records: fresh.length, rows: new Set(fresh.map((record) => groupOf(record, records.indexOf(record)))).size }
}

/**
 * A last visit that leaves messages new which stop being new at the next visit: the first
 * occurrence of the `nth` newest message first seen before now, so the `nth` newer ones are new.
 * Neither a record's place in the log nor its date will do: a repeated message is new only if its
 * first occurrence is, and records other tests add can be dated ahead (those stay new after any
 * visit) or share one date.
 */
export function visitBeforePastMessages(records: RawRecord[], nth = 10) {
  const now = Date.now()
  const dates = [...new Set([...firstOccurrences(records).values()].filter((at) => at <= now))]
  dates.sort((a, b) => b - a)
  expect(dates.length).toBeGreaterThan(1)
  return dates[Math.min(nth, dates.length - 1)]!
}
