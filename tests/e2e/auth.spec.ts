/**
 * The embedded page with the admin's token (issue 26): a preview server started with
 * LOGS_AUTH_SECRET, and the host demo handing out tokens through `getToken` (?tokens=a,b).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { SignJWT } from 'jose'
import { expect, test, type Page } from '@playwright/test'
import { RESOURCES } from '../../server/auth.ts'
import { waitForComplete } from './helpers'

// (+10 would be 4190, a port browsers and fetch refuse: the Fetch standard's "bad ports".)
const PORT = Number(process.env.E2E_PORT ?? 4180) + 12
const BASE = `http://127.0.0.1:${PORT}`
const SECRET = 'e2e-secret-of-at-least-thirty-two-bytes-42'
let preview: ChildProcess

test.describe.configure({ mode: 'serial' })
test.use({ baseURL: BASE })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  preview = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    {
      env: {
        ...process.env,
        LOGS_AUTH_SECRET: SECRET,
        PREVIEW_DB: `.data/e2e-auth-${PORT}.sqlite`,
        PREVIEW_RESET: '1',
        PREVIEW_TEST_MODE: '',
        PREVIEW_LISTING_LOGS: '3000',
        PREVIEW_ORDER_LOGS: '500',
        PREVIEW_SYNC_LOGS: '300',
      },
      stdio: 'ignore',
    },
  )
  // Without a token the API answers 401: that is how it is known to be up.
  await expect
    .poll(async () => (await fetch(`${BASE}/api/v1/meta`).catch(() => null))?.status, { timeout: 60_000 })
    .toBe(401)
})

test.afterAll(() => {
  preview?.kill()
})

async function token(scope: string[], expiresIn = 300) {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ scope: scope.join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('admin-7')
    .setAudience('tts-logs')
    .setExpirationTime(now + expiresIn)
    .sign(new TextEncoder().encode(SECRET))
}

interface Demo {
  events: { type: string }[]
  tokenCalls: number
}
const demo = (page: Page) => page.evaluate(() => (window as unknown as { hostDemo: Demo }).hostDemo)

test('a page whose first token has expired renders its rows after one renewal, and no session-expired', async ({
  page,
}) => {
  const expired = await token(Object.values(RESOURCES), -300)
  const fresh = await token(Object.values(RESOURCES))
  const apiCalls: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/')) apiCalls.push(request.headers()['authorization'] ?? '')
  })
  await page.goto(`/host-demo.html?tokens=${expired},${fresh}`)
  await waitForComplete(page)
  await expect(page.getByTestId('log-row').first()).toBeVisible()
  const state = await demo(page)
  expect(state.tokenCalls).toBe(2)
  expect(state.events.map((event) => event.type)).not.toContain('session-expired')
  // Every request carried a token, the stream's included.
  expect(apiCalls.length).toBeGreaterThan(0)
  expect(apiCalls.every((header) => header.startsWith('Bearer '))).toBe(true)
})

test('a token without listings_logs opening the listing log: the no-access text, no rows, no data request', async ({
  page,
}) => {
  const salesOnly = await token([RESOURCES.order])
  const dataRequests: string[] = []
  page.on('request', (request) => {
    if (/\/api\/v1\/logs\//.test(request.url())) dataRequests.push(request.url())
  })
  await page.goto(`/host-demo.html?tokens=${salesOnly}`)
  await expect(page.getByTestId('no-access')).toHaveText('You do not have access to this log.')
  await expect(page.getByTestId('log-row')).toHaveCount(0)
  expect(dataRequests).toEqual([])
  expect((await demo(page)).events.map((event) => event.type)).not.toContain('session-expired')
})
