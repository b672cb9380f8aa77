// @vitest-environment jsdom
/** The volume chart's composables: its words (useChartTexts) and its uPlot's life (useVolumePlot). */
import { flushPromises } from '@vue/test-utils'
import type uPlot from 'uplot'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref, shallowRef } from 'vue'
import { TYPE_SLOTS } from '@/api/codes'
import { typeSlot } from '@/engine'
import { useChartBars } from '@/logPage/chart/useChartBars'
import { useChartTexts, type ChartTexts } from '@/logPage/chart/useChartTexts'
import { useVolumePlot, type UseVolumePlotOptions } from '@/logPage/chart/useVolumePlot'
import { planVolume } from '@/time/volumePlan'
import { fakeCanvas, mountWithApp } from './helpers'

const realGetContext = HTMLCanvasElement.prototype.getContext
const realPath2D = (globalThis as { Path2D?: unknown }).Path2D
afterEach(() => {
  HTMLCanvasElement.prototype.getContext = realGetContext
  ;(globalThis as { Path2D?: unknown }).Path2D = realPath2D
  document.body.innerHTML = ''
})

/** Three hours of Nov 26, 2026 (UTC): Warning 1 and Error 2 in the first, nothing in the second, Info 4 in the third. */
function hours() {
  const plan = planVolume(Date.parse('2026-11-26T09:00:00Z'), Date.parse('2026-11-26T11:30:00Z'), 'UTC')!
  const histogram = new Uint32Array(plan.buckets * TYPE_SLOTS)
  histogram[0 * TYPE_SLOTS + typeSlot(3)] = 1
  histogram[0 * TYPE_SLOTS + typeSlot(4)] = 2
  histogram[2 * TYPE_SLOTS + typeSlot(1)] = 4
  return { plan, histogram }
}

describe('useChartTexts', () => {
  it('reads out the bucket under the pointer by type, says how to use the chart off it, and sums it up', async () => {
    const { plan, histogram } = hours()
    const hover = ref<number | null>(null)
    let texts: ChartTexts | undefined
    const Probe = defineComponent(() => {
      const bars = useChartBars({ plan, histogram, types: [1, 3, 4] })
      texts = useChartTexts({ plan, bars, hover })
      return () => h('p')
    })
    const { wrapper } = await mountWithApp(Probe)
    expect(plan.buckets).toBe(3)
    expect(texts!.readout.value).toBe(
      'Drag across the chart to set the date range, or click a bar for that hour or day.',
    )
    hover.value = 0
    expect(texts!.readout.value).toBe('Nov 26, 09:00 AM: Info 0 · Warning 1 · Error 2')
    hover.value = 3 // past the last bucket
    expect(texts!.readout.value).toMatch(/^Drag across/)
    expect(texts!.summary.value).toBe('Records per hour, Nov 26, 09:00 AM to Nov 26, 11:00 AM: 7 in 3 hours.')
    wrapper.unmount()
  })
})

describe('useVolumePlot', () => {
  /** Mounts a plot over the three hours, capturing its uPlot; `overrides` replace its options. */
  async function mountPlot(overrides: Partial<UseVolumePlotOptions> = {}) {
    const { plan, histogram } = hours()
    const chart = shallowRef<uPlot | null>(null)
    const calls = { drag: vi.fn(), click: vi.fn() }
    const hover = ref<number | null>(null)
    const Probe = defineComponent(() => {
      const host = ref<HTMLElement | null>(null)
      const bars = useChartBars({ plan, histogram, types: [1, 3, 4] })
      const { canDraw } = useVolumePlot({
        host,
        hover,
        options: (width) => ({
          width,
          height: 80,
          series: [{}, {}, {}, {}],
          scales: { x: { time: false } },
          cursor: { drag: { x: true, y: false, setScale: false } },
          hooks: { init: [(u) => (chart.value = u)] },
        }),
        data: bars.data,
        dataSource: () => histogram,
        shapeKey: () => 'one shape',
        onDrag: calls.drag,
        onClick: calls.click,
        ...overrides,
      })
      return () => h('div', { ref: host, 'data-can-draw': String(canDraw.value) })
    })
    const { wrapper } = await mountWithApp(Probe)
    await flushPromises()
    return { wrapper, chart, calls, hover }
  }

  it('reports a drag as its buckets, and the click that ends it as no click', async () => {
    fakeCanvas()
    const { wrapper, chart, calls } = await mountPlot()
    const u = chart.value!
    const at = (bucket: number) => ({ clientX: u.valToPos(bucket, 'x'), clientY: 10, bubbles: true })
    u.over.dispatchEvent(new MouseEvent('mousemove', at(0)))
    u.over.dispatchEvent(new MouseEvent('mousedown', at(0)))
    // (A move of no distance while the button is down is one uPlot ignores.)
    u.over.dispatchEvent(new MouseEvent('mousemove', { ...at(2), movementX: 1 }))
    document.dispatchEvent(new MouseEvent('mouseup', at(2)))
    u.over.dispatchEvent(new MouseEvent('click', at(2)))
    expect(calls.drag).toHaveBeenCalledWith(0, 2)
    expect(u.select.width).toBe(0)
    expect(calls.click).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('after a drag whose ending click uPlot swallowed, the next click on a bar is reported', async () => {
    fakeCanvas()
    const { wrapper, chart, calls } = await mountPlot()
    const u = chart.value!
    const at = (bucket: number) => ({ clientX: u.valToPos(bucket, 'x'), clientY: 10, bubbles: true })
    u.over.dispatchEvent(new MouseEvent('mousemove', at(0)))
    u.over.dispatchEvent(new MouseEvent('mousedown', at(0)))
    u.over.dispatchEvent(new MouseEvent('mousemove', { ...at(2), movementX: 1 }))
    document.dispatchEvent(new MouseEvent('mouseup', at(2)))
    expect(calls.drag).toHaveBeenCalledWith(0, 2)
    // No click came for the drag; now a plain click on the second bar.
    u.over.dispatchEvent(new MouseEvent('mousemove', at(1)))
    u.over.dispatchEvent(new MouseEvent('mousedown', at(1)))
    u.over.dispatchEvent(new MouseEvent('mouseup', at(1)))
    u.over.dispatchEvent(new MouseEvent('click', at(1)))
    expect(calls.click).toHaveBeenCalledWith(1)
    wrapper.unmount()
  })

  it('follows the pointer to a bucket and reports a click on it; unmounted, it leaves nothing behind', async () => {
    fakeCanvas()
    const { wrapper, chart, calls, hover } = await mountPlot()
    const u = chart.value!
    // A click where the page has the second bar (jsdom places the plot at the page's corner).
    const at = { clientX: u.valToPos(1, 'x'), clientY: 10, bubbles: true }
    u.over.dispatchEvent(new MouseEvent('mousemove', at))
    expect(hover.value).toBe(1)
    u.over.dispatchEvent(new MouseEvent('mousedown', at))
    u.over.dispatchEvent(new MouseEvent('mouseup', at))
    u.over.dispatchEvent(new MouseEvent('click', at))
    expect(calls.click).toHaveBeenCalledWith(1)
    const host = wrapper.element
    expect(host.querySelector('.uplot')).not.toBeNull()
    wrapper.unmount()
    expect(host.querySelector('.uplot')).toBeNull()
  })

  it('draws nothing where there is no 2D canvas, and says so', async () => {
    const { wrapper } = await mountPlot()
    expect(wrapper.attributes('data-can-draw')).toBe('false')
    expect(wrapper.find('.uplot').exists()).toBe(false)
    wrapper.unmount()
  })
})
