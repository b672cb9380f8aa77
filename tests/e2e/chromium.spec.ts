// The Chromium every test and benchmark runs (scripts/chromium.mjs): Playwright's own switches
// kept, and no WebUI page of the browser's own beside the page under test.
import { chromium, expect, test, type Browser } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH, OWN_DISABLED_FEATURES } from '../../scripts/chromium.mjs'

/** The features the command line turned off, as Chromium applies them (chrome://version says). */
async function disabledFeatures(browser: Browser): Promise<string[]> {
  const page = await browser.newPage()
  try {
    await page.goto('chrome://version/?show-variations-cmd')
    const text = await page.locator('body').innerText()
    const listed = /--disable-features="([^"]*)"/.exec(text)?.[1]
    if (listed === undefined) throw new Error(`chrome://version names no disabled features:\n${text.slice(0, 2000)}`)
    return listed.split(',').sort()
  } finally {
    await page.close()
  }
}

test('the project’s Chromium keeps every feature Playwright turns off, and turns off the address bar’s WebUI popup', async ({
  browser,
}) => {
  const ours = await disabledFeatures(browser)
  // Playwright's own list, as Chromium applies it: the same flags without ours.
  const plain = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--disable-features=')),
  })
  try {
    const playwrights = await disabledFeatures(plain)
    expect(playwrights.length).toBeGreaterThan(0)
    expect(playwrights.filter((feature) => !ours.includes(feature))).toEqual([])
  } finally {
    await plain.close()
  }
  expect(OWN_DISABLED_FEATURES.filter((feature) => !ours.includes(feature))).toEqual([])
})

test('a new window opens only the page under test, no page of the browser’s own', async ({ browser }) => {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto('/sales/logs')
    await expect(page.getByTestId('log-row').first()).toBeVisible()
    const cdp = await browser.newBrowserCDPSession()
    const { targetInfos } = await cdp.send('Target.getTargets')
    await cdp.detach()
    expect(targetInfos.filter((target) => target.url.startsWith('chrome://')).map((target) => target.url)).toEqual([])
  } finally {
    await context.close()
  }
})
