/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. Never a browser Playwright downloads. */
export declare const CHROMIUM_PATH: string
/** The flags that keep Debian's Chromium quiet on a machine with no outside network. */
export declare const CHROMIUM_ARGS: readonly string[]
