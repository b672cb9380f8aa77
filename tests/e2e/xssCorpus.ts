/**
 * The XSS corpus's records and checks, shared by xss.spec.ts (every field of every log) and
 * xss-filter.spec.ts (the grouped view, and the message filter set to payload fragments). The two
 * files run side by side on the two workers; each worker's server is seeded once.
 */
import { expect, type APIRequestContext, type Locator, type Page, type Request } from '@playwright/test'
import { BEACON_URL, XSS_PAYLOADS, hostileJsonDescriptions } from './fixtures/xssPayloads'
import { framesPainted } from './helpers'

const cut = (text: string, max: number) => text.slice(0, max)
/** Records of one product and one action run, shown together in the grouped view. */
export const GROUP_SIZE = 12
const GROUP_PRODUCT = 995_000
/** Rows at the top whose details drawer each log test opens (long messages open theirs too). */
export const DRAWERS = 6

/** The dates the hostile records hold: a `from`/`to` filter shows them and nothing else. */
export interface HostileRange {
  from: string
  to: string
}

const descriptionCount = () =>
  XSS_PAYLOADS.flatMap((payload, i) => [payload, ...(i < 40 ? hostileJsonDescriptions(payload) : [])]).length

/**
 * Posts the hostile records to this worker's server, dated a day ahead (other specs may add
 * future-dated records of their own, hence the `to`), unless an earlier file already did: then
 * their dates are read back, so both files see the same records once.
 */
export async function seedHostileRecords(request: APIRequestContext): Promise<HostileRange> {
  const existing = await request.get(`/api/v1/logs/listing?listingProductId=${GROUP_PRODUCT}&limit=1`)
  expect(existing.status()).toBe(200)
  const [newest] = ((await existing.json()) as { items: { createDate: string }[] }).items
  const BASE = newest
    ? Date.parse(newest.createDate) - (descriptionCount() + GROUP_SIZE - 1) * 1000
    : Date.now() + 86_400_000
  const range = { from: new Date(BASE - 1000).toISOString(), to: new Date(BASE + 3_600_000).toISOString() }
  if (newest) return range
  const at = (i: number) => new Date(BASE + i * 1000).toISOString()
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
  return range
}

export interface Executed {
  dialogs: string[]
  beacons: string[]
  markers: string[]
}

/** The requests each guarded page has sent that have not ended yet. */
const inFlight = new WeakMap<Page, Set<Request>>()

export async function guard(page: Page): Promise<Executed> {
  const executed: Executed = { dialogs: [], beacons: [], markers: [] }
  const open = new Set<Request>()
  inFlight.set(page, open)
  page.on('dialog', (dialog) => {
    executed.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    if (request.url().startsWith(BEACON_URL) || request.url().includes('/beacon')) executed.beacons.push(request.url())
    if (/^https?:/.test(request.url())) open.add(request)
  })
  page.on('requestfinished', (request) => open.delete(request))
  page.on('requestfailed', (request) => open.delete(request))
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
 * Resolves once whatever a payload on the page could have set going has had its turn: the page is
 * painted (animations start, autofocus and SVG timelines begin), every request it sent has ended (an
 * image's error fires then), and what those ends set off is painted too. Then, had anything run,
 * its dialog, beacon request or console line has been seen.
 */
export async function payloadsHadTheirTurn(page: Page) {
  const open = inFlight.get(page)
  if (!open) throw new Error('guard(page) first')
  await framesPainted(page)
  await expect
    .poll(() => [...open].map((request) => request.url()), { message: 'requests still on their way', timeout: 30_000 })
    .toEqual([])
  await framesPainted(page)
}

/**
 * Scrolls the grid to `top` and waits until the rows at the top and at the bottom of what it
 * shows are rendered rows (the virtual window has caught up with the scroll).
 */
export async function scrollGridTo(grid: Locator, top: number) {
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

export async function scrollThrough(page: Page) {
  const grid = page.getByTestId('log-grid')
  const height = await grid.evaluate((el) => el.scrollHeight)
  for (let top = 0; top < height; top += 500) await scrollGridTo(grid, top)
}

/**
 * Scrolls the grid and opens up to three long messages found on the way, whole: in the
 * Description dialog and in the row's details drawer. Returns how many.
 */
export async function openLongMessages(page: Page) {
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
export async function expectOnlySafeMarkup(root: Locator) {
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
export async function expectSafeDrawer(page: Page, id: string | null) {
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
export async function openDrawers(page: Page, count: number) {
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
