/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. Never a browser Playwright downloads. */
export declare const CHROMIUM_PATH: string
/** The features Playwright turns off itself, named again in ours (Chromium keeps the last list). */
export declare const PLAYWRIGHT_DISABLED_FEATURES: readonly string[]
/** The features the project turns off: the address bar's WebUI popup, built in every new window. */
export declare const OWN_DISABLED_FEATURES: readonly string[]
/** The flags that keep Debian's Chromium quiet on a machine with no outside network. */
export declare const CHROMIUM_ARGS: readonly string[]
