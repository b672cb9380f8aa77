import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, vi } from 'vitest'
// What jsdom lacks and the app's libraries expect of any browser. Not mocks of the app: these
// fill gaps in the test DOM so components mount as they would in Chromium.

// The component files share their worker's modules and one window (vitest.config.ts). What a test
// leaves is undone after it: the apps it mounted (their timers and watchers would run on into the
// next file: a page's last-visit timer writing to the shared storage, a page readying its search
// under another file's spy), its stubbed globals and its spies.
const shared = globalThis as { unmountMounted?: () => void }
// Test Utils' own list of mounted wrappers; its module is shared, so it is enabled once per worker.
if (!shared.unmountMounted) enableAutoUnmount((unmount) => (shared.unmountMounted = unmount))
afterEach(() => {
  shared.unmountMounted?.()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

// Each file starts with the window as a fresh page has it, whatever the file before it left there.
if (typeof window !== 'undefined') {
  vi.useRealTimers()
  document.body.replaceChildren()
  for (const root of [document.documentElement, document.body])
    for (const name of root.getAttributeNames()) root.removeAttribute(name)
  localStorage.clear()
  sessionStorage.clear()
  window.history.replaceState(null, '', '/')
}

// uPlot watches the device pixel ratio with matchMedia when it loads.
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList
}

// jsdom has no canvas: getContext returns null (as it does, minus the "not implemented" noise),
// and the volume chart shows its text fallback.
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext
}

// Polish loads on demand in the app (its own chunk, when chosen); components mounted in Polish
// here get it loaded up front, as the app has it before it mounts in Polish.
const { loadLocale } = await import('@/locales')
await loadLocale('pl_PL')

// Element Plus's form controls load after a page's first rows in the app (src/app/deferredUi.ts);
// components mounted here get them at once, as the app has them once its rows are shown.
const { firstRowsShown, loadElementParts } = await import('@/app/deferredUi')
firstRowsShown()
await loadElementParts()
