import { nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { ROW_HEIGHT } from '@/logPage/grid/virtualWindow'

export interface UseGridFitOptions {
  /** The grid's scroll box. */
  viewport: Ref<HTMLElement | null>
  /** Its sticky header. */
  head: Ref<HTMLElement | null>
  rowCount: Ref<number>
}

export interface GridFit {
  /** The grid's own height, px: its rows, but no taller than the window below its top. Null until fitted. */
  height: Ref<number | null>
  /** The rows' part of the grid (the scroll box less the sticky header), px. */
  viewportHeight: Ref<number>
}

/** Space kept below the grid when it fits itself to the window, px. */
const BOTTOM_GAP = 8
/** The grid never fits itself shorter than this many rows. */
const MIN_ROWS = 5
/** The rows' height assumed before the grid is measured, px. */
const UNMEASURED = 600

/**
 * Sizes the grid to the window: from its top to the window's bottom, so the rows, not the page,
 * scroll, and as many rows show as fit; no taller than its rows (two results make no empty box);
 * never shorter than a few rows (on a small window the page scrolls to them). Fits again when the
 * window, the grid's box, what stands above it or the number of rows changes.
 */
export function useGridFit(options: UseGridFitOptions): GridFit {
  const { viewport, head, rowCount } = options
  const height = ref<number | null>(null)
  const viewportHeight = ref(UNMEASURED)

  function measure() {
    const total = viewport.value?.clientHeight ?? 0
    const header = head.value?.offsetHeight ?? 0
    viewportHeight.value = total > header ? total - header : UNMEASURED
  }

  function fit() {
    const el = viewport.value
    if (!el) return
    const frame = el.offsetHeight - el.clientHeight // borders and a sideways scrollbar
    const header = head.value?.offsetHeight ?? 0
    const content = header + Math.max(1, rowCount.value) * ROW_HEIGHT + frame
    const top = el.getBoundingClientRect().top + window.scrollY
    const available = window.innerHeight - top - BOTTOM_GAP
    const least = Math.min(content, header + MIN_ROWS * ROW_HEIGHT + frame)
    const next = Math.max(least, Math.min(content, available))
    if (height.value !== next) height.value = next
    // Now, not at the next render: measure() reads the box's height right after.
    el.style.height = `${next}px`
  }

  // Fitting changes the grid's height, which its observer sees: it waits for the next frame, so
  // a resize never loops within one (Chrome reports such loops as page errors).
  let fitFrame = 0
  function fitSoon() {
    if (!fitFrame) fitFrame = requestAnimationFrame(() => ((fitFrame = 0), fit()))
  }

  let resizeObserver: ResizeObserver | null = null
  onMounted(() => {
    if (!viewport.value) return
    fit()
    measure()
    window.addEventListener('resize', fitSoon)
    if (typeof ResizeObserver === 'undefined') return
    resizeObserver = new ResizeObserver(() => {
      measure()
      fitSoon()
    })
    resizeObserver.observe(viewport.value)
    // What stands above the grid (filters wrapping, a notice, the chart) moves its top.
    if (viewport.value.parentElement) resizeObserver.observe(viewport.value.parentElement)
  })
  onBeforeUnmount(() => {
    resizeObserver?.disconnect()
    window.removeEventListener('resize', fitSoon)
    cancelAnimationFrame(fitFrame)
  })
  watch(rowCount, () => nextTick(fit))

  return { height, viewportHeight }
}
