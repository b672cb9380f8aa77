// The one place that says which Chromium the tests, the benchmark and the screenshots use, and
// how it is started. Plain JavaScript, so that `node scripts/ensure-system-deps.mjs` can read it
// too; the types are in chromium.d.mts.

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. Never a browser Playwright downloads. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The features Playwright (1.65) turns off itself, in its own `--disable-features`
 * (chromiumSwitches.ts in playwright-core). Chromium keeps only the last `--disable-features` it
 * is given, so ours must name them again, or they go back to Chromium's defaults.
 * tests/e2e/chromium.spec.ts compares the two lists as Chromium applies them: a newer
 * Playwright's list, longer or shorter, fails it until this copy is brought in line.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = Object.freeze([
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
])

/**
 * The address bar's popup as WebUI pages. Chromium 156 builds them in every new window, and each
 * Playwright context is a new window: the popup's page and its AI mode's page
 * (chrome://omnibox-popup.top-chrome/), in a renderer of their own (its main thread busy for up to
 * 2 s in one traced load), while the page under test loads. On a 2-core machine that work shared
 * the cores with the page and its server: the order log's first rows (10,000 records, a fresh
 * window) came 0.99–2.33 s after the navigation began, instead of 0.64–0.88. A merchant's browser
 * builds its popup once per window, not at each page load; a test or a benchmark of a page must
 * not count it.
 */
export const OWN_DISABLED_FEATURES = Object.freeze(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'])

/** The flags that keep Debian's Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OWN_DISABLED_FEATURES].join(',')}`,
])
