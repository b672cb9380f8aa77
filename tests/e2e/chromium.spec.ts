// The Chromium every test and benchmark runs (scripts/chromium.mjs): Playwright's own switches
// kept, and no WebUI page of the browser's own beside the page under test.
import { chromium, expect, test, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH, OWN_DISABLED_FEATURES } from '../../scripts/chromium.mjs'

/** Our flags without our own features: Playwright's list alone, as Playwright passes it. */
const launchWithoutOurs = () =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--disable-features=')),
  })

/** The features the command line turned off, as Chromium applies them (chrome://version says). */
async function disabledFeatures(browser: Browser): Promise<string[]> {
  const page = await browser.newPage()
  try {
    await page.goto('chrome://version/?show-variations-cmd')
    // The page fills its variations in once the browser answers it, after `load`.
    await expect(page.locator('body')).toContainText('--disable-features="')
    const text = await page.locator('body').innerText()
    return /--disable-features="([^"]*)"/.exec(text)![1]!.split(',').sort()
  } finally {
    await page.close()
  }
}

/** The URLs of the browser's targets other than workers, once the page has shown its rows. */
async function targetsBeside(browser: Browser, page: Page): Promise<string[]> {
  const cdp = await browser.newBrowserCDPSession()
  try {
    const { targetInfos } = await cdp.send('Target.getTargets')
    return targetInfos
      .filter((target) => !target.type.includes('worker') && target.url !== page.url())
      .map((target) => `${target.type} ${target.url}`)
  } finally {
    await cdp.detach()
  }
}

async function openLog(browser: Browser, baseURL: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${baseURL}/sales/logs`)
  await expect(page.getByTestId('log-row').first()).toBeVisible()
  return { context, page }
}

test('the project’s Chromium turns off exactly Playwright’s features and the address bar’s WebUI popup', async ({
  browser,
}) => {
  const ours = await disabledFeatures(browser)
  const plain = await launchWithoutOurs()
  try {
    const playwrights = await disabledFeatures(plain)
    expect(playwrights.length).toBeGreaterThan(0)
    expect(ours).toEqual([...playwrights, ...OWN_DISABLED_FEATURES].sort())
  } finally {
    await plain.close()
  }
})

test('a new window opens only the page under test, where it would have opened the popup’s pages too', async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await openLog(browser, baseURL!)
  try {
    expect(await targetsBeside(browser, page)).toEqual([])
  } finally {
    await context.close()
  }
  // The check can see the popup: without our features, Chromium opens its pages beside the log.
  const plain = await launchWithoutOurs()
  try {
    const { page: plainPage } = await openLog(plain, baseURL!)
    await expect
      .poll(async () => (await targetsBeside(plain, plainPage)).some((target) => target.includes('omnibox')))
      .toBe(true)
  } finally {
    await plain.close()
  }
})
