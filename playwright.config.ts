import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs'

const port = Number(process.env.E2E_PORT ?? 4180)
/**
 * Two workers, each with a preview server and a database of its own (fault injection and the
 * records a test adds or clears are per server): the suite takes about half as long, and no test
 * sees another's state. Playwright sets TEST_PARALLEL_INDEX (0 or 1) in each worker process,
 * where this file is loaded again. E2E_WORKERS=1 runs them one by one.
 */
const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? 2))
const servers = Array.from({ length: workers }, (_, index) => port + index)
const workerPort = servers[Number(process.env.TEST_PARALLEL_INDEX ?? 0) % workers]!

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e-artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The tests of a file are shared out between the workers too (those of a file that runs in
  // serial mode stay together): both workers end within a second of each other, where whole files
  // left one of them idle for the last 30 s of a run.
  fullyParallel: true,
  workers,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${workerPort}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
  },
  webServer: servers.map((serverPort, index) => ({
    // The built app, served by `vite preview` with the preview backend beside it.
    command: `npx vite preview --port ${serverPort} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${serverPort}/`,
    reuseExistingServer: false,
    // A database of its own, seeded afresh each run, with fault injection for the fault tests.
    env: { PREVIEW_DB: `.data/e2e-${index}.sqlite`, PREVIEW_RESET: '1', PREVIEW_TEST_MODE: '1' },
    timeout: 120_000,
  })),
})
