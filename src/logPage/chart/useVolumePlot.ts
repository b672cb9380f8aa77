import uPlot from 'uplot'
import { onBeforeUnmount, onMounted, ref, watch, type Ref, type WatchSource } from 'vue'
import { afterPaint } from '@/stores/loader/frames'

export interface UseVolumePlotOptions {
  /** The element uPlot draws in. */
  host: Ref<HTMLElement | null>
  /** uPlot's options for a width (this adds the pointer's hooks). */
  options(width: number, element: HTMLElement): uPlot.Options
  data(): uPlot.AlignedData
  /** New data: drawn again on the same axes and series. */
  dataSource: WatchSource
  /**
   * What the axes and series are made from, as a string (a getter returning a new array would
   * count as a change every time): when it changes the plot is built again.
   */
  shapeKey(): string
  /** Set to the bucket under the pointer, null off the plot. */
  hover: Ref<number | null>
  /** A drag across the plot, from bucket `first` to `last`. */
  onDrag(first: number, last: number): void
  /** A click on a bucket (the pointer snaps to the nearest), not the one that ends a drag. */
  onClick(bucket: number): void
}

export interface VolumePlot {
  /** False in browsers without a 2D canvas (or with it blocked): show the text instead. */
  canDraw: Ref<boolean>
  /** New counts are waiting to be drawn (just after the next frame). */
  drawing: Ref<boolean>
}

/** A drag narrower than this (px) is a click. */
const LEAST_DRAG = 4
/** No narrower than this, px, however narrow its box. */
const LEAST_WIDTH = 200

/**
 * A uPlot chart's life on an element: built when mounted and when its shape changes, fed new
 * data, sized to its box, its drags and clicks reported as buckets, destroyed when unmounted.
 */
export function useVolumePlot(options: UseVolumePlotOptions): VolumePlot {
  const canDraw = ref(true)
  let chart: uPlot | null = null
  let resizer: ResizeObserver | null = null
  /** Where the button went down: a click that ends a drag (the pointer moved) is not a bar click. */
  let downX = Number.NaN

  function withPointer(base: uPlot.Options): uPlot.Options {
    const onSelect = (u: uPlot) => {
      if (u.select.width < LEAST_DRAG) return
      const first = Math.round(u.posToVal(u.select.left, 'x'))
      const last = Math.round(u.posToVal(u.select.left + u.select.width, 'x'))
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false)
      options.onDrag(first, last)
    }
    const onCursor = (u: uPlot) => (options.hover.value = u.cursor.idx ?? null)
    return { ...base, hooks: { ...base.hooks, setCursor: [onCursor], setSelect: [onSelect] } }
  }

  const onDown = (event: MouseEvent) => (downX = event.clientX)
  // uPlot may swallow the click that ends a drag, so no flag is left set for the next click.
  function onClick(event: MouseEvent) {
    if (Math.abs(event.clientX - downX) >= LEAST_DRAG) return
    const bucket = chart?.cursor.idx
    if (bucket !== null && bucket !== undefined) options.onClick(bucket)
  }

  function build() {
    const element = options.host.value
    if (!element) return
    if (!document.createElement('canvas').getContext('2d')) {
      canDraw.value = false
      return
    }
    chart?.destroy()
    const width = Math.max(LEAST_WIDTH, element.clientWidth)
    chart = new uPlot(withPointer(options.options(width, element)), options.data(), element)
    chart.over.addEventListener('mousedown', onDown)
    chart.over.addEventListener('click', onClick)
  }

  onMounted(() => {
    build()
    const element = options.host.value
    if (typeof ResizeObserver === 'undefined' || !element) return
    let lastWidth = element.clientWidth
    resizer = new ResizeObserver(() => {
      const width = options.host.value?.clientWidth ?? 0
      if (!chart || width === lastWidth || width === 0) return
      lastWidth = width
      chart.setSize({ width: Math.max(LEAST_WIDTH, width), height: chart.height })
    })
    resizer.observe(element)
  })

  // New counts are drawn just after the frame that shows the rows they go with: a key or a click
  // waits for the rows alone (the draw is 2–3 ms of a keystroke's 35 at 100,000 records), and
  // changes before then are drawn once.
  const drawing = ref(false)
  watch(options.dataSource, () => {
    if (drawing.value) return
    drawing.value = true
    void afterPaint().then(() => {
      drawing.value = false
      chart?.setData(options.data())
    })
  })
  watch(options.shapeKey, () => build())

  onBeforeUnmount(() => {
    resizer?.disconnect()
    resizer = null
    chart?.over.removeEventListener('mousedown', onDown)
    chart?.over.removeEventListener('click', onClick)
    chart?.destroy()
    chart = null
  })

  return { canDraw, drawing }
}
