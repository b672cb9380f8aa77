import { spawn } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { LogPageSchema, MetaSchema, RecordSchemas } from '../../src/api/schemas.ts'

test('the preview server serves the seeded API beside the app', async ({ request }) => {
  const meta = await request.get('/api/v1/meta')
  expect(meta.status()).toBe(200)
  expect(MetaSchema.parse(await meta.json()).accounts).toHaveLength(2)

  const expected = { listing: 50_000, order: 10_000, synchronization: 3_000 }
  for (const kind of ['listing', 'order', 'synchronization'] as const) {
    const response = await request.get(`/api/v1/logs/${kind}?limit=200`)
    expect(response.status()).toBe(200)
    const page = LogPageSchema.parse(await response.json())
    expect(page.totalEstimate).toBe(expected[kind])
    for (const item of page.items) RecordSchemas[kind].parse(item)
  }
})

test("the dev and preview servers grant no CORS to another local origin (Vite's dev server answers any by default)", async ({
  request,
}) => {
  const origin = 'http://localhost:3000'
  const paths = ['/api/v1/meta', '/listings/logs', '/']
  // The preview server (this suite's).
  for (const path of paths) {
    const preflight = await request.fetch(path, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
    })
    expect(preflight.headers()['access-control-allow-origin'], `preflight of ${path}`).toBeUndefined()
    const response = await request.get(path, { headers: { Origin: origin } })
    expect(response.headers()['access-control-allow-origin'], path).toBeUndefined()
  }
  // The dev server (`npm run dev`), on a port and database of its own.
  const port = Number(process.env.E2E_PORT ?? 4180) + 9
  const dev = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { env: { ...process.env, PREVIEW_DB: `.data/e2e-dev-${port}.sqlite`, PREVIEW_TEST_MODE: '' }, stdio: 'ignore' },
  )
  try {
    const base = `http://127.0.0.1:${port}`
    await expect
      .poll(async () => (await request.get(`${base}/api/v1/meta`).catch(() => null))?.status(), { timeout: 60_000 })
      .toBe(200)
    for (const path of paths) {
      const response = await request.get(`${base}${path}`, { headers: { Origin: origin } })
      expect(response.headers()['access-control-allow-origin'], `dev server ${path}`).toBeUndefined()
    }
  } finally {
    dev.kill()
  }
})
