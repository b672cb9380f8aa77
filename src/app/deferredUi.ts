/**
 * Element Plus's select is the heaviest part of the first screen (its popper, tooltip, scrollbar
 * and option list), and nothing it does is needed to read the first rows. Its code loads once
 * the first rows are on screen (LogPage says so), or after MAX_WAIT_MS on a page without rows;
 * until then LazySelect shows a box of the same size with the chosen value.
 */
import { markRaw, shallowRef, type Component } from 'vue'

export interface SelectParts {
  ElSelect: Component
  ElOption: Component
}

/** Element Plus's select and option, once loaded. */
export const selectParts = shallowRef<SelectParts | null>(null)

/** A page without a grid (Logs Clearing) does not keep its selects waiting longer than this. */
const MAX_WAIT_MS = 1500

let open: () => void = () => {}
const opened = new Promise<void>((resolve) => (open = resolve))
let loading: Promise<void> | null = null

/** The first rows are on screen (or the load ended without any): deferred parts may load. */
export function firstRowsShown(): void {
  open()
}

/** Loads the select's code (once), when the first rows are shown or MAX_WAIT_MS has passed. */
export function loadSelect(): Promise<void> {
  loading ??= Promise.race([opened, new Promise<void>((resolve) => setTimeout(resolve, MAX_WAIT_MS))])
    .then(() => import('@/app/elementSelect'))
    .then((parts) => {
      selectParts.value = markRaw({ ElSelect: parts.ElSelect, ElOption: parts.ElOption })
    })
  return loading
}
