// The one place that says which Chromium the tests, the benchmark and the screenshots use, and
// how it is started. Plain JavaScript, so that `node scripts/ensure-system-deps.mjs` can read it
// too; the types are in chromium.d.mts.

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. Never a browser Playwright downloads. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The flags that keep Debian's Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
])
