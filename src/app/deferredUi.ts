/**
 * Element Plus's form controls (select, input, checkbox, tag) are most of the first screen's code,
 * and nothing they do is needed to read the first rows. Their code loads once the first rows are
 * on screen (LogPage says so), or after MAX_WAIT_MS on a page without rows; until then each Lazy*
 * component (LazySelect.vue, LazyInput.vue, …) shows a box of the same look and size, with
 * Element Plus's own classes and styles, that does nothing, so nothing moves when the real
 * control takes its place. (Buttons need none of Element Plus's code: LiteButton.vue.) A load
 * that fails (the network is gone) is tried again when the browser is back online, or a while
 * later.
 */
import { markRaw, shallowRef, type Component } from 'vue'
import { elementCodeArrived, type ElementApp } from '@/app/elementApps'

export interface ElementParts {
  ElSelect: Component
  ElOption: Component
  ElInput: Component
  ElCheckbox: Component
  ElTag: Component
  /** Gives an app Element Plus's configuration (elementScope.ts). */
  provideElementContextToApp(app: ElementApp): () => void
}

/** Element Plus's controls, once loaded. */
export const elementParts = shallowRef<ElementParts | null>(null)

/** A page without a grid (Logs Clearing) does not keep its controls waiting longer than this. */
const MAX_WAIT_MS = 1500
/** After a failed load, the next try comes at once when back online, else after this (doubling). */
const RETRY_MS = 2000
const RETRY_AT_MOST_MS = 60_000
let retryMs = RETRY_MS

let open: () => void = () => {}
const opened = new Promise<void>((resolve) => (open = resolve))
let loading: Promise<void> | null = null

/** The first rows are on screen (or the load ended without any): deferred parts may load. */
export function firstRowsShown(): void {
  open()
}

/** Tries the load again once the browser is back online, or after a while, whichever comes first. */
function retryLater() {
  const retry = () => {
    clearTimeout(timer)
    window.removeEventListener('online', retry)
    void loadElementParts()
  }
  const timer = setTimeout(retry, retryMs)
  retryMs = Math.min(retryMs * 2, RETRY_AT_MOST_MS)
  window.addEventListener('online', retry)
}

/** Loads the controls' code (once), when the first rows are shown or MAX_WAIT_MS has passed. */
export function loadElementParts(): Promise<void> {
  loading ??= Promise.race([opened, new Promise<void>((resolve) => setTimeout(resolve, MAX_WAIT_MS))])
    .then(() => import('@/app/elementParts'))
    .then(
      (parts) => {
        // The configuration first: a control set up before it would not see it.
        elementCodeArrived(parts.provideElementContextToApp)
        elementParts.value = markRaw({ ...parts })
      },
      () => {
        loading = null
        retryLater()
      },
    )
  return loading
}
