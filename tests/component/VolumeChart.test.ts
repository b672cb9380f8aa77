// @vitest-environment jsdom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { bucketCounts, hoursIn, planVolume } from '@/time/volumePlan'
import VolumeChart from '@/logPage/chart/VolumeChart.vue'
import { LogEngine, type EngineSynchronizationRecord } from '@/engine'
import { fakeCanvas, mountWithApp } from './helpers'

const realGetContext = HTMLCanvasElement.prototype.getContext
const realPath2D = (globalThis as { Path2D?: unknown }).Path2D
afterEach(() => {
  HTMLCanvasElement.prototype.getContext = realGetContext
  ;(globalThis as { Path2D?: unknown }).Path2D = realPath2D
  document.body.innerHTML = ''
})

/** Three days of synchronization records, counted by the engine as the page does. */
function histogramOf() {
  const engine = new LogEngine('synchronization')
  const record = (id: number, iso: string, type: number): EngineSynchronizationRecord => ({
    id,
    createDate: iso,
    type,
    initiator: 2,
    description: `m${id}`,
    task: 3,
    detailedDescription: null,
    operationHistoryId: null,
  })
  engine.append([
    record(4, '2026-11-27T10:00:00Z', 4),
    record(3, '2026-11-26T10:00:00Z', 3),
    record(2, '2026-11-26T09:00:00Z', 4),
    record(1, '2026-11-17T09:00:00Z', 100),
  ])
  const extent = engine.dateExtent()!
  const plan = planVolume(extent.min, extent.max, 'UTC')!
  const result = engine.query({
    histogram: { from: plan.from, to: plan.edges[plan.buckets]! - 1, buckets: hoursIn(plan) },
  })
  return { plan, histogram: bucketCounts(plan, result.histogram!) }
}

describe('VolumeChart', () => {
  it('names the chart with its range and total, and says it as text where there is no canvas', async () => {
    const { plan, histogram } = histogramOf()
    expect(plan.unit).toBe('day')
    const { wrapper } = await mountWithApp(VolumeChart, { props: { plan, histogram, types: [3, 4, 100] } })
    await flushPromises()
    const summary = 'Records per day, Nov 17, 2026 to Nov 27, 2026: 4 in 11 days.'
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toBe(summary)
    // jsdom has no 2D canvas: the figure keeps its text.
    expect(wrapper.get('[data-testid="volume-readout"]').text()).toBe(summary)
    expect(wrapper.find('.uplot').exists()).toBe(false)
    wrapper.unmount()
  })

  it('draws with uPlot where there is a canvas, and removes it on unmount', async () => {
    fakeCanvas()
    const { plan, histogram } = histogramOf()
    const { wrapper } = await mountWithApp(VolumeChart, { props: { plan, histogram, types: [3, 4, 100] } })
    await flushPromises()
    expect(wrapper.findAll('.uplot')).toHaveLength(1)
    expect(wrapper.get('[data-testid="volume-readout"]').text()).toBe(
      'Drag across the chart to set the date range, or click a bar for that hour or day.',
    )
    const host = wrapper.get('.tts-volume__plot').element
    wrapper.unmount()
    expect(host.querySelector('.uplot')).toBeNull()
  })
})
