// @vitest-environment jsdom
/** The grid's composables: its height (useGridFit) and its virtual window (useGridWindow). */
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { useGridFit, type GridFit } from '@/logPage/grid/useGridFit'
import { useGridWindow, type GridWindow } from '@/logPage/grid/useGridWindow'
import { ROW_HEIGHT } from '@/logPage/grid/virtualWindow'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

/** Header, border and where the grid starts, px: jsdom lays nothing out, so these stand in. */
const HEADER = 40
const BORDER = 2
const TOP = 100

/** Mounts a grid of `rows` rows in a window `windowHeight` px tall, laid out as a browser would. */
function mountFit(rows: number, windowHeight: number) {
  vi.stubGlobal('innerHeight', windowHeight)
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => (run(0), 1))
  // As logGrid.css has it, a content-box: the border comes outside the height it is given.
  const styled = (element: Element) => parseInt((element as HTMLElement).style.height) || 0
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('head') ? HEADER : styled(this) + BORDER
  })
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return styled(this)
  })
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => ({ top: TOP }) as DOMRect)
  const rowCount = ref(rows)
  let fit: GridFit | undefined
  const Probe = defineComponent(() => {
    const viewport = ref<HTMLElement | null>(null)
    const head = ref<HTMLElement | null>(null)
    fit = useGridFit({ viewport, head, rowCount })
    return () => h('div', { ref: viewport }, [h('div', { ref: head, class: 'head' })])
  })
  const wrapper = mount(Probe, { attachTo: document.body })
  return { wrapper, rowCount, fit: fit! }
}

describe('useGridFit', () => {
  afterEach(() => vi.restoreAllMocks())

  it('fits the grid to its rows, or to the window below its top, and measures the rows it shows', async () => {
    const { wrapper, rowCount, fit } = mountFit(3, 900)
    // Three rows: no empty box under them.
    expect(fit.height.value).toBe(HEADER + 3 * ROW_HEIGHT + BORDER)
    // The rows' part: the box less its header.
    expect(fit.viewportHeight.value).toBe(fit.height.value! - HEADER)
    // Many: down to the window's bottom, less an 8 px gap.
    rowCount.value = 1000
    await nextTick()
    await nextTick()
    expect(fit.height.value).toBe(900 - TOP - 8)
    // None: room for the "no records" line under the header.
    rowCount.value = 0
    await nextTick()
    await nextTick()
    expect(fit.height.value).toBe(HEADER + ROW_HEIGHT + BORDER)
    wrapper.unmount()
  })

  it('keeps five rows on a small window, fits again when the window changes, and stops when unmounted', async () => {
    const { wrapper, fit } = mountFit(1000, 300)
    expect(fit.height.value).toBe(HEADER + 5 * ROW_HEIGHT + BORDER)
    vi.stubGlobal('innerHeight', 700)
    window.dispatchEvent(new Event('resize'))
    expect(fit.height.value).toBe(700 - TOP - 8)
    wrapper.unmount()
    vi.stubGlobal('innerHeight', 800)
    window.dispatchEvent(new Event('resize'))
    expect(fit.height.value).toBe(700 - TOP - 8)
  })
})

describe('useGridWindow', () => {
  it('renders the rows in view, says after each scroll whether the first is, and scrolls a row into view', async () => {
    const atTop = vi.fn()
    let grid: GridWindow<string> | undefined
    const viewport = ref<HTMLElement | null>(null)
    const Probe = defineComponent(() => {
      grid = useGridWindow({
        viewport,
        rowCount: ref(100),
        viewportHeight: ref(5 * ROW_HEIGHT),
        rowAt: (row) => `row ${row}`,
        onScrolled: atTop,
      })
      return () => h('div', { ref: viewport })
    })
    const wrapper = mount(Probe, { attachTo: document.body })
    expect(grid!.visibleRows.value).toEqual(['row 0', 'row 1', 'row 2', 'row 3', 'row 4'])
    grid!.scrollToRow(40)
    // Row 40 at the bottom of the five in view.
    expect(viewport.value!.scrollTop).toBe(36 * ROW_HEIGHT)
    expect(atTop).toHaveBeenLastCalledWith(false)
    expect(grid!.visibleRows.value).toEqual(['row 36', 'row 37', 'row 38', 'row 39', 'row 40'])
    // Already in view: no scroll.
    atTop.mockClear()
    grid!.scrollToRow(38)
    expect(atTop).not.toHaveBeenCalled()
    grid!.scrollToTop()
    expect(viewport.value!.scrollTop).toBe(0)
    expect(atTop).toHaveBeenLastCalledWith(true)
    expect(grid!.visibleRows.value[0]).toBe('row 0')
    // At the top already: the scroll box is left alone (setting it would lay the page out).
    const set = vi.spyOn(viewport.value!, 'scrollTop', 'set')
    grid!.scrollToTop()
    expect(set).not.toHaveBeenCalled()
    // Scrolled by the merchant (the scroll event says where to): back to the top.
    viewport.value!.scrollTop = 10 * ROW_HEIGHT
    grid!.onScroll()
    set.mockClear()
    grid!.scrollToTop()
    expect(set).toHaveBeenCalledWith(0)
    expect(grid!.visibleRows.value[0]).toBe('row 0')
    wrapper.unmount()
  })
})
