import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { scrollTopFor, virtualWindow, ROW_HEIGHT, type VirtualWindow } from '@/logPage/grid/virtualWindow'

export interface UseGridWindowOptions<Row> {
  /** The grid's scroll box. */
  viewport: Ref<HTMLElement | null>
  rowCount: Ref<number>
  /** The rows' part of the scroll box, px. */
  viewportHeight: Ref<number>
  /** A row to render, if it is there. */
  rowAt(row: number): Row | null | undefined
  /** After every scroll: whether the first row is in view. */
  onScrolled(atTop: boolean): void
}

export interface GridWindow<Row> {
  /** Which rows are on screen and where they stand (virtualWindow.ts). */
  view: ComputedRef<VirtualWindow>
  /** The rows on screen, to render. */
  visibleRows: ComputedRef<Row[]>
  /** The scroll box's scroll handler. */
  onScroll(): void
  /** Scrolls so that `row` is in view (the keyboard, "show new records"). */
  scrollToRow(row: number): void
  /** Back to the first row. */
  scrollToTop(): void
}

/** The grid's virtual window over its scroll box: the rows on screen follow the scroll position. */
export function useGridWindow<Row>(options: UseGridWindowOptions<Row>): GridWindow<Row> {
  const { viewport, rowCount, viewportHeight } = options
  const scrollTop = ref(0)
  const windowInput = () => ({
    rowCount: rowCount.value,
    viewportHeight: viewportHeight.value,
    scrollTop: scrollTop.value,
  })
  const view = computed(() => virtualWindow(windowInput()))

  const visibleRows = computed(() => {
    const rows: Row[] = []
    for (let row = view.value.firstRow; row < view.value.endRow; row++) {
      const item = options.rowAt(row)
      if (item) rows.push(item)
    }
    return rows
  })

  function onScroll() {
    scrollTop.value = viewport.value?.scrollTop ?? 0
    options.onScrolled(scrollTop.value < ROW_HEIGHT)
  }

  function scrollToRow(row: number) {
    const el = viewport.value
    if (!el) return
    const target = scrollTopFor(row, windowInput())
    if (target === null) return
    el.scrollTop = target
    onScroll()
  }

  function scrollToTop() {
    // At the top already, as the last scroll left it: setting scrollTop would make the browser lay
    // the page out at once, before the rows of a new filter are even rendered (9 ms of the first
    // keystroke after a load of 100,000 records). The scroll event comes a frame after a scroll:
    // a filter changed in that same frame would leave the grid where the wheel took it.
    if (scrollTop.value === 0) return
    if (viewport.value) viewport.value.scrollTop = 0
    onScroll()
  }

  return { view, visibleRows, onScroll, scrollToRow, scrollToTop }
}
