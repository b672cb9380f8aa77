import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_SCROLL_HEIGHT, ROW_HEIGHT, scrollTopFor, virtualWindow } from '@/logPage/grid/virtualWindow'

/** A grid state a browser can be in: any row count, a viewport, a scroll position in range. */
const gridState = fc
  .record({
    rowCount: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 2_000_000 })),
    viewportHeight: fc.integer({ min: 40, max: 2000 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ rowCount, viewportHeight, at }) => {
    const spacer = Math.min(rowCount * ROW_HEIGHT, MAX_SCROLL_HEIGHT)
    return { rowCount, viewportHeight, scrollTop: Math.floor(Math.max(0, spacer - viewportHeight) * at) }
  })

describe('virtualWindow', () => {
  it('renders every row the viewport touches, the partial last one included, and few more', () => {
    fc.assert(
      fc.property(gridState, (input) => {
        const view = virtualWindow(input)
        const bottom = Math.min(view.contentHeight, view.virtualTop + input.viewportHeight)
        expect(view.firstRow * ROW_HEIGHT).toBeLessThanOrEqual(view.virtualTop)
        expect(view.endRow * ROW_HEIGHT).toBeGreaterThanOrEqual(bottom)
        expect(view.endRow).toBeLessThanOrEqual(input.rowCount)
        expect(view.endRow - view.firstRow).toBeLessThanOrEqual(Math.ceil(input.viewportHeight / ROW_HEIGHT) + 1)
        // The rendered rows sit where the viewport shows them.
        expect(view.windowTop + (view.virtualTop - view.firstRow * ROW_HEIGHT)).toBeCloseTo(input.scrollTop, 6)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps a million rows under the browser height limit and still reaches the last row', () => {
    const rowCount = 1_000_000
    const viewportHeight = 600
    const top = virtualWindow({ rowCount, viewportHeight, scrollTop: 0 })
    expect(top.scaled).toBe(true)
    expect(top.spacerHeight).toBe(MAX_SCROLL_HEIGHT)
    const end = virtualWindow({ rowCount, viewportHeight, scrollTop: MAX_SCROLL_HEIGHT - viewportHeight })
    expect(end.endRow).toBe(rowCount)
    expect(end.firstRow).toBe(rowCount - Math.ceil(viewportHeight / ROW_HEIGHT))
  })

  it('scrolls a row fully into view, and not at all when it already is', () => {
    fc.assert(
      // The grid is never shorter than a row (its CSS minimum is 360 px).
      fc.property(
        gridState.filter((state) => state.viewportHeight >= ROW_HEIGHT),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (input, at) => {
          const row = Math.min(input.rowCount - 1, Math.floor(at * input.rowCount))
          const target = scrollTopFor(row, input)
          const view = virtualWindow(target === null ? input : { ...input, scrollTop: target })
          const rowTop = row * ROW_HEIGHT - view.virtualTop
          expect(rowTop).toBeGreaterThanOrEqual(-1e-6)
          if (input.viewportHeight >= ROW_HEIGHT)
            expect(rowTop + ROW_HEIGHT).toBeLessThanOrEqual(input.viewportHeight + 1e-6)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
