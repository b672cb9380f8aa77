import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs'

export { CHROMIUM_ARGS, CHROMIUM_PATH }

/**
 * Debian's Chromium with the project's flags (and any extra ones), for the scripts. Chromium keeps
 * only the last `--disable-features` and `--enable-features` it is given: an extra one replaces
 * ours and Playwright's lists, so add features to CHROMIUM_ARGS's lists instead.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] })
}
