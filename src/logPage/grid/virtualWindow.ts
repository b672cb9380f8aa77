/**
 * The grid's window maths, pure: which rows are on screen for a scroll position, and where to
 * scroll to bring a row into view. Past what a browser lets an element be tall (Chrome caps near
 * 33.5 million px), the scroll range is scaled: the scrollbar covers the whole log, and the
 * window is placed by proportion.
 */

/** Every row's height: the grid is virtual, and rows never change height. */
export const ROW_HEIGHT = 56
/** The tallest spacer the grid makes; past it the scroll is scaled. */
export const MAX_SCROLL_HEIGHT = 8_000_000

export interface WindowInput {
  rowCount: number
  /** Height of the rows' part of the grid (the scroll box less its header), px. */
  viewportHeight: number
  scrollTop: number
  rowHeight?: number
  maxScrollHeight?: number
}

export interface VirtualWindow {
  /** Height all rows would take. */
  contentHeight: number
  /** Height of the scrolled spacer (the content, capped). */
  spacerHeight: number
  scaled: boolean
  /** Where the viewport's top is in the unscaled content. */
  virtualTop: number
  /** First rendered row, and one past the last. */
  firstRow: number
  endRow: number
  /** Offset of the rendered rows inside the spacer. */
  windowTop: number
}

export function virtualWindow(input: WindowInput): VirtualWindow {
  const rowHeight = input.rowHeight ?? ROW_HEIGHT
  const maxScroll = input.maxScrollHeight ?? MAX_SCROLL_HEIGHT
  const { rowCount, viewportHeight, scrollTop } = input
  const contentHeight = rowCount * rowHeight
  const spacerHeight = Math.min(contentHeight, maxScroll)
  const scaled = contentHeight > maxScroll
  let virtualTop = scrollTop
  if (scaled) {
    const scrollRange = Math.max(1, spacerHeight - viewportHeight)
    const contentRange = Math.max(0, contentHeight - viewportHeight)
    virtualTop = Math.min(contentRange, (scrollTop / scrollRange) * contentRange)
  }
  const firstRow = Math.max(0, Math.min(Math.floor(virtualTop / rowHeight), rowCount - 1))
  // Every row the viewport touches, the partial ones at both ends included.
  const endRow = Math.min(rowCount, Math.ceil((virtualTop + viewportHeight) / rowHeight))
  const windowTop = scrollTop - (virtualTop - firstRow * rowHeight)
  return { contentHeight, spacerHeight, scaled, virtualTop, firstRow, endRow: Math.max(endRow, firstRow), windowTop }
}

/** The scrollTop that brings `row` fully into view, or null when it already is. */
export function scrollTopFor(row: number, input: WindowInput): number | null {
  const rowHeight = input.rowHeight ?? ROW_HEIGHT
  const view = virtualWindow(input)
  const rowTop = row * rowHeight
  let target: number
  if (rowTop < view.virtualTop) target = rowTop
  else if (rowTop + rowHeight > view.virtualTop + input.viewportHeight)
    target = rowTop + rowHeight - input.viewportHeight
  else return null
  if (!view.scaled) return target
  const contentRange = Math.max(1, view.contentHeight - input.viewportHeight)
  const scrollRange = Math.max(0, view.spacerHeight - input.viewportHeight)
  return (target / contentRange) * scrollRange
}
