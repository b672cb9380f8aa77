/**
 * Element Plus's form controls (select, input, checkbox, button, tag) are most of the first
 * screen's code, and nothing they do is needed to read the first rows. Their code loads once the
 * first rows are on screen (LogPage says so), or after MAX_WAIT_MS on a page without rows; until
 * then each Lazy* component (LazySelect.vue, LazyInput.vue, …) shows a box of the same look and
 * size, with Element Plus's own classes and styles, that does nothing, so nothing moves when the
 * real control takes its place.
 */
import { markRaw, shallowRef, type Component } from 'vue'

export interface ElementParts {
  ElSelect: Component
  ElOption: Component
  ElInput: Component
  ElCheckbox: Component
  ElButton: Component
  ElTag: Component
}

/** Element Plus's controls, once loaded. */
export const elementParts = shallowRef<ElementParts | null>(null)

/** A page without a grid (Logs Clearing) does not keep its controls waiting longer than this. */
const MAX_WAIT_MS = 1500

let open: () => void = () => {}
const opened = new Promise<void>((resolve) => (open = resolve))
let loading: Promise<void> | null = null

/** The first rows are on screen (or the load ended without any): deferred parts may load. */
export function firstRowsShown(): void {
  open()
}

/** Loads the controls' code (once), when the first rows are shown or MAX_WAIT_MS has passed. */
export function loadElementParts(): Promise<void> {
  loading ??= Promise.race([opened, new Promise<void>((resolve) => setTimeout(resolve, MAX_WAIT_MS))])
    .then(() => import('@/app/elementParts'))
    .then((parts) => {
      elementParts.value = markRaw({ ...parts })
    })
  return loading
}
