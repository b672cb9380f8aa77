import { expect, test, type Page } from '@playwright/test'
import { BEACON_URL, XSS_PAYLOADS, hostileJsonDescriptions } from './fixtures/xssPayloads'
import { waitForComplete } from './helpers'

// Hostile records are dated in the future, so a `from` filter shows them and nothing else.
const BASE = Date.now() + 86_400_000
const FROM = new Date(BASE - 1000).toISOString()
/** Only the hostile records: other specs may add future-dated records of their own. */
const TO = new Date(BASE + 3_600_000).toISOString()
const at = (i: number) => new Date(BASE + i * 1000).toISOString()
const cut = (text: string, max: number) => text.slice(0, max)

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

async function scrollThrough(page: Page) {
  const grid = page.getByTestId('log-grid')
  const height = await grid.evaluate((el) => el.scrollHeight)
  for (let top = 0; top < height; top += 500) {
    await grid.evaluate((el, y) => (el.scrollTop = y), top)
    await page.waitForTimeout(20)
  }
}

/** Scrolls the grid and opens up to three long messages found on the way; returns how many. */
async function openLongMessages(page: Page) {
  const grid = page.getByTestId('log-grid')
  const height = await grid.evaluate((el) => el.scrollHeight)
  let opened = 0
  for (let top = 0; top < height && opened < 3; top += 400) {
    await grid.evaluate((el, y) => (el.scrollTop = y), top)
    await page.waitForTimeout(50)
    const more = page.getByTestId('message-more')
    if ((await more.count()) === 0) continue
    await more.first().click()
    const dialog = page.getByRole('dialog', { name: 'Description' })
    await expect(dialog).toBeVisible()
    expect(await dialog.locator('img, script, iframe, svg script, object, embed').count()).toBe(0)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    opened++
  }
  return opened
}

/** Nothing but text, <br> and http(s) links came out of the messages. */
async function expectOnlySafeMarkup(page: Page) {
  const unsafe = await page.getByTestId('log-grid').evaluate((grid) => {
    const found: string[] = []
    for (const el of grid.querySelectorAll(
      'img, script, iframe, object, embed, svg:not([aria-hidden]) script, style, link, meta, form, input, video, audio, details, math, template',
    )) {
      found.push(el.outerHTML.slice(0, 80))
    }
    for (const a of grid.querySelectorAll('a')) {
      const href = a.getAttribute('href') ?? ''
      if (!/^(https?:\/\/|\/)/.test(href)) found.push(`a[href=${href}]`)
      for (const attr of a.getAttributeNames()) if (attr.startsWith('on')) found.push(`a[${attr}]`)
    }
    for (const el of grid.querySelectorAll('*'))
      for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${el.tagName}[${attr}]`)
    return found
  })
  expect(unsafe).toEqual([])
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
    await expectOnlySafeMarkup(page)

    // Open whole messages (the dialog renders them uncut) and close them again.
    expect(await openLongMessages(page)).toBeGreaterThan(0)

    // Export them: the file is written, nothing runs.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)

    // Switch language: everything renders again.
    await page.locator('.tts-el-select', { has: page.getByRole('combobox', { name: 'Language' }) }).click()
    await page.getByRole('option', { name: 'Polski' }).click()
    await expect(page).toHaveURL(/lang=pl_PL/)
    await scrollThrough(page)
    await expectOnlySafeMarkup(page)

    if (kind === 'listing') {
      // A hostile listing title becomes the narrowed page's h1, as text.
      await page.getByTestId('listing-link').first().click()
      await expect(page).toHaveURL(/listingId=9\d\d/)
      await waitForComplete(page)
      expect(await page.locator('h1 *').count()).toBe(0)
    }
    await page.waitForTimeout(300)
    expect(executed).toEqual({ dialogs: [], beacons: [], markers: [] })
  })
}
