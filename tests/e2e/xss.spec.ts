import { expect, test, type Locator, type Page } from '@playwright/test'
import { BEACON_URL, XSS_PAYLOADS, hostileJsonDescriptions } from './fixtures/xssPayloads'
import { waitForComplete } from './helpers'

// Hostile records are dated in the future, so a `from` filter shows them and nothing else.
const BASE = Date.now() + 86_400_000
const FROM = new Date(BASE - 1000).toISOString()
/** Only the hostile records: other specs may add future-dated records of their own. */
const TO = new Date(BASE + 3_600_000).toISOString()
const at = (i: number) => new Date(BASE + i * 1000).toISOString()
const cut = (text: string, max: number) => text.slice(0, max)
/** Records of one product and one action run, shown together in the grouped view. */
const GROUP_SIZE = 12
const GROUP_PRODUCT = 995_000
/** Rows at the top whose details drawer each log test opens (long messages open theirs too). */
const DRAWERS = 6

test.beforeAll(async ({ request }) => {
  const descriptions = XSS_PAYLOADS.flatMap((payload, i) => [
    payload,
    ...(i < 40 ? hostileJsonDescriptions(payload) : []),
  ])
  const listing = descriptions.map((description, i) => ({
    createDate: at(i),
    type: ((i % 4) + 1) as 1 | 2 | 3 | 4,
    initiator: 1,
    description,
    accountId: 1,
    shopId: 1,
    listingId: 900 + (i % 3),
    listingTitle: cut(XSS_PAYLOADS[i % XSS_PAYLOADS.length]!, 255),
    productId: 90_000 + i,
    productTitle: cut(XSS_PAYLOADS[(i + 7) % XSS_PAYLOADS.length]!, 255),
    listingProductId: 990_000 + i,
    action: 15,
    actionId: 9_900_000 + i,
  }))
  // One action run of one product: the grouped view lists its members in one row.
  const group = XSS_PAYLOADS.slice(0, GROUP_SIZE).map((description, i) => ({
    createDate: at(descriptions.length + i),
    type: ((i % 4) + 1) as 1 | 2 | 3 | 4,
    initiator: 2,
    description,
    accountId: 1,
    shopId: 1,
    listingId: 903,
    listingTitle: 'Hostile group',
    productId: 95_000,
    productTitle: XSS_PAYLOADS[GROUP_SIZE]!,
    listingProductId: GROUP_PRODUCT,
    action: 15,
    actionId: 9_950_000,
  }))
  listing.push(...group)
  const order = descriptions.map((description, i) => ({
    createDate: at(i),
    type: 4,
    initiator: 2,
    description,
    accountId: 1,
    shopId: 1,
    orderId: 880_000 + i,
    ttsOrderId: cut(XSS_PAYLOADS[i % XSS_PAYLOADS.length]!, 64),
    magentoOrderId: i % 2 ? 77_000 + i : null,
    magentoOrderNumber: i % 2 ? cut(XSS_PAYLOADS[(i + 3) % XSS_PAYLOADS.length]!, 64) : null,
  }))
  const synchronization = descriptions.map((description, i) => ({
    createDate: at(i),
    type: i % 2 ? 4 : 100,
    initiator: 2,
    description,
    task: 2,
    detailedDescription: XSS_PAYLOADS[(i + 11) % XSS_PAYLOADS.length]!,
    operationHistoryId: null,
  }))
  for (const [kind, items] of Object.entries({ listing, order, synchronization })) {
    const response = await request.post(`/api/v1/logs/${kind}`, { data: { items } })
    expect(response.status(), await response.text()).toBe(201)
  }
})

interface Executed {
  dialogs: string[]
  beacons: string[]
  markers: string[]
}

async function guard(page: Page): Promise<Executed> {
  const executed: Executed = { dialogs: [], beacons: [], markers: [] }
  page.on('dialog', (dialog) => {
    executed.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    if (request.url().startsWith(BEACON_URL) || request.url().includes('/beacon')) executed.beacons.push(request.url())
  })
  page.on('console', (message) => {
    const text = message.text()
    if (text.includes('XSS-MARKER') || text.includes('Content Security Policy')) executed.markers.push(text)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  return executed
}

/**
 * Scrolls the grid to `top` and waits until the rows at the top and at the bottom of what it
 * shows are rendered rows (the virtual window has caught up with the scroll).
 */
async function scrollGridTo(grid: Locator, top: number) {
  const caughtUp = await grid.evaluate(
    (el, y) =>
      new Promise<boolean>((resolve) => {
        el.scrollTop = y
        el.scrollIntoView({ block: 'nearest' })
        const rowAt = (x: number, y: number) =>
          document.elementFromPoint(x, y)?.closest('[data-testid="log-row"]') ?? null
        const giveUp = performance.now() + 5000
        // Checked on every frame: the window is re-rendered a frame or two after the scroll.
        const check = () => {
          const box = el.getBoundingClientRect()
          const header = el.querySelector('[role="row"][aria-rowindex="1"]')?.getBoundingClientRect().height ?? 0
          const x = box.left + box.width / 2
          const rendered =
            rowAt(x, Math.max(box.top + header, 0) + 2) !== null &&
            rowAt(x, Math.min(box.bottom, window.innerHeight) - 2) !== null
          if (rendered || performance.now() > giveUp) resolve(rendered)
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
    top,
  )
  expect(caughtUp, `rows rendered after scrolling to ${top}px`).toBe(true)
}

async function scrollThrough(page: Page) {
  const grid = page.getByTestId('log-grid')
  const height = await grid.evaluate((el) => el.scrollHeight)
  for (let top = 0; top < height; top += 500) await scrollGridTo(grid, top)
}

/**
 * Scrolls the grid and opens up to three long messages found on the way, whole: in the
 * Description dialog and in the row's details drawer. Returns how many.
 */
async function openLongMessages(page: Page) {
  const grid = page.getByTestId('log-grid')
  const height = await grid.evaluate((el) => el.scrollHeight)
  let opened = 0
  for (let top = 0; top < height && opened < 3; top += 400) {
    await scrollGridTo(grid, top)
    const row = page.getByTestId('log-row').filter({ has: page.getByTestId('message-more') })
    if ((await row.count()) === 0) continue
    const id = await row.first().getAttribute('data-id')
    await row.first().getByTestId('message-more').click()
    const dialog = page.getByRole('dialog', { name: 'Description' })
    await expect(dialog).toBeVisible()
    await expectOnlySafeMarkup(dialog)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await page.locator(`[data-testid="log-row"][data-id="${id}"]`).getByTestId('row-details').click()
    await expectSafeDrawer(page, id)
    opened++
  }
  return opened
}

/** Nothing but text, <br> and http(s) links came out of the messages and fields under `root`. */
async function expectOnlySafeMarkup(root: Locator) {
  const unsafe = await root.evaluate((container) => {
    const found: string[] = []
    for (const el of container.querySelectorAll(
      'img, script, iframe, object, embed, svg:not([aria-hidden]) script, style, link, meta, form, input, video, audio, details, math, template',
    )) {
      found.push(el.outerHTML.slice(0, 80))
    }
    for (const a of container.querySelectorAll('a')) {
      const href = a.getAttribute('href') ?? ''
      if (!/^(https?:\/\/|\/)/.test(href)) found.push(`a[href=${href}]`)
    }
    for (const el of [container, ...container.querySelectorAll('*')])
      for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${el.tagName}[${attr}]`)
    return found
  })
  expect(unsafe).toEqual([])
}

/** The details drawer of record `id` is open: checks it, then closes it with Escape. */
async function expectSafeDrawer(page: Page, id: string | null) {
  const drawer = page.getByRole('dialog', { name: `Record #${id}` })
  await expect(drawer.getByTestId('details-fields')).toBeVisible()
  await expectOnlySafeMarkup(drawer)
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
}

/**
 * Opens the details drawer of each of the first `count` rows with the keyboard (Enter on the
 * active row, as a person reading down the grid does), checks it, and closes it again.
 */
async function openDrawers(page: Page, count: number) {
  const grid = page.getByTestId('log-grid')
  await scrollGridTo(grid, 0)
  await grid.focus()
  for (let row = 0; row < count; row++) {
    const id = await page.locator(`[data-testid="log-row"][aria-rowindex="${row + 2}"]`).getAttribute('data-id')
    await page.keyboard.press('Enter')
    await expectSafeDrawer(page, id)
    await grid.focus()
    await page.keyboard.press('ArrowDown')
  }
}

for (const [kind, path] of [
  ['listing', '/listings/logs'],
  ['order', '/sales/logs'],
  ['synchronization', '/help-center/synchronization-logs'],
] as const) {
  test(`hostile text in every field of the ${kind} log runs nothing`, async ({ page }) => {
    const executed = await guard(page)
    await page.goto(`${path}?from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}&unique=0`)
    await waitForComplete(page)
    const shown = Number(await page.getByTestId('log-summary').getAttribute('data-shown'))
    expect(shown).toBeGreaterThanOrEqual(XSS_PAYLOADS.length)
    await scrollThrough(page)
    await expectOnlySafeMarkup(page.getByTestId('log-grid'))

    // Every field of a record in the details drawer, whole.
    await openDrawers(page, DRAWERS)

    // Open whole messages (the dialog and the drawer render them uncut) and close them again.
    expect(await openLongMessages(page)).toBeGreaterThan(0)

    // Export them: the file is written, nothing runs.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)

    // Switch language: everything renders again.
    await page.locator('.tts-el-select', { has: page.getByRole('combobox', { name: 'Language' }) }).click()
    await page.getByRole('option', { name: 'Polski' }).click()
    await expect(page).toHaveURL(/lang=pl_PL/)
    await scrollThrough(page)
    await expectOnlySafeMarkup(page.getByTestId('log-grid'))

    if (kind === 'listing') {
      // A hostile listing title becomes the narrowed page's h1, as text.
      await page.getByTestId('listing-link').first().click()
      await expect(page).toHaveURL(/listingId=9\d\d/)
      await waitForComplete(page)
      expect(await page.locator('h1 *').count()).toBe(0)
    }
    // A payload could run late (a timer, an image's error): proving nothing ran needs a pause.
    await page.waitForTimeout(300)
    expect(executed).toEqual({ dialogs: [], beacons: [], markers: [] })
  })
}

test('hostile messages in the grouped view of the listing log, its members and their dialog run nothing', async ({
  page,
}) => {
  const executed = await guard(page)
  await page.goto(`/listings/logs?view=grouped&from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`)
  await waitForComplete(page)
  await scrollThrough(page)
  await expectOnlySafeMarkup(page.getByTestId('log-grid'))

  // The group of one product's action run is the newest row: its members, listed in the row,
  // then every one of them, whole, in the dialog, then its drawer.
  await scrollGridTo(page.getByTestId('log-grid'), 0)
  const group = page.getByTestId('log-row').first()
  await expect(group).toHaveAttribute('data-count', String(GROUP_SIZE))
  await expectOnlySafeMarkup(group)
  await group.getByRole('button', { name: `Show all ${GROUP_SIZE} messages of this action` }).click()
  const dialog = page.getByRole('dialog', { name: 'Description' })
  await expect(dialog.getByRole('listitem')).toHaveCount(GROUP_SIZE)
  await expectOnlySafeMarkup(dialog)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await group.getByTestId('row-details').click()
  await expectSafeDrawer(page, await group.getAttribute('data-id'))

  // A payload could run late (a timer, an image's error): proving nothing ran needs a pause.
  await page.waitForTimeout(300)
  expect(executed).toEqual({ dialogs: [], beacons: [], markers: [] })
})

test('with the message filter set to fragments of each payload, the marks are text: no element is made and nothing runs', async ({
  page,
}) => {
  const executed = await guard(page)
  await page.goto(`/listings/logs?unique=0&from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`)
  await waitForComplete(page)
  const input = page.getByLabel('Message', { exact: true })
  const grid = page.getByTestId('log-grid')
  let marked = 0
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    // The start of the payload (its opening markup), or a piece from its middle (an attribute, a quote).
    const third = Math.floor(payload.length / 3)
    const fragment = (i % 2 === 0 ? payload.slice(0, 14) : payload.slice(third, third + 14)).trim()
    if (!fragment) continue
    await input.fill(fragment)
    // The rows, filtered and marked, on the next frame.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
    const found = await grid.evaluate((el) => {
      const marks = [...el.querySelectorAll('mark')]
      return {
        marks: marks.length,
        // A mark holds text (and line breaks) only.
        inside: marks.flatMap((mark) =>
          [...mark.querySelectorAll('*')].filter((e) => e.tagName !== 'BR').map((e) => e.tagName),
        ),
        // A message holds text, line breaks, links and marks only.
        inMessages: [...el.querySelectorAll('.tts-message__text *, .tts-grid__member-text *')]
          .filter((e) => !['A', 'BR', 'MARK'].includes(e.tagName))
          .map((e) => e.outerHTML.slice(0, 80)),
      }
    })
    expect(found.inside, fragment).toEqual([])
    expect(found.inMessages, fragment).toEqual([])
    if (found.marks > 0) marked++
    if (i % 19 === 0 && found.marks > 0) {
      // Whole, in the drawer, with its marks.
      const row = page
        .getByTestId('log-row')
        .filter({ has: page.locator('mark') })
        .first()
      await row.getByTestId('row-details').click()
      await expectSafeDrawer(page, await row.getAttribute('data-id'))
    }
  }
  await expectOnlySafeMarkup(grid)
  // Most fragments are found (a JSON payload shows its own text, not the stored one).
  expect(marked).toBeGreaterThan(XSS_PAYLOADS.length * 0.8)
  await page.waitForTimeout(300)
  expect(executed).toEqual({ dialogs: [], beacons: [], markers: [] })
})
