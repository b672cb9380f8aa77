/**
 * The volume chart's uPlot options: a short chart of stacked bars in the type labels' colours,
 * dates below, counts at the left, the dates held shaded. Plain functions; the plot's life and
 * its pointer are useVolumePlot's.
 */
import uPlot from 'uplot'
import { OTHER_TYPES } from '@/engine'
import { labelledBuckets, roundUp, Y_AXIS_WIDTH } from '@/logPage/chart/volumeBars'
import { bucketOf, type VolumePlan } from '@/time/volumePlan'

/** Short: it shows the shape of the log over time, and the rows come right under it. */
const CHART_HEIGHT = 80

/** A range of dates, UTC ms. */
export interface HeldDates {
  from: number
  to: number
}

export interface VolumeOptionsInput {
  width: number
  /** Read at each draw: the chart is rebuilt only when its buckets change. */
  plan(): VolumePlan
  /** The dates the page holds, shaded behind the bars; read at each draw. */
  held(): HeldDates | null | undefined
  /** The series in the order drawn (tallest first), with their names and colours. */
  series: { label: string; colour: string | undefined }[]
  bucketLabel(bucket: number): string
  formatNumber(value: number): string
}

/** The types' colours, as the type labels have them (the theme's custom properties). */
export function typePalette(element: HTMLElement): Record<number, string> {
  const style = getComputedStyle(element)
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  const error = read('--tts-type-error', '#c81d1d')
  return {
    1: read('--tts-el-color-info', '#5b5d63'),
    2: read('--tts-type-success', '#1c7a20'),
    3: read('--tts-type-warning', '#b05000'),
    4: error,
    100: error,
    [OTHER_TYPES]: read('--tts-type-other-chart', '#7b61a8'),
  }
}

/** Shades the buckets of the dates held, behind the bars. */
function shadeHeld(u: uPlot, plan: VolumePlan, held: HeldDates | null | undefined) {
  if (!held) return
  const first = Math.max(0, bucketOf(plan, held.from))
  const last = Math.min(plan.buckets - 1, bucketOf(plan, held.to))
  if (last < first) return
  const left = u.valToPos(first - 0.5, 'x', true)
  const right = u.valToPos(last + 0.5, 'x', true)
  u.ctx.save()
  u.ctx.fillStyle = 'rgb(0 120 215 / 12%)'
  u.ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height)
  u.ctx.restore()
}

/** uPlot's options for the chart (the pointer's hooks are added by useVolumePlot). */
export function volumeOptions(input: VolumeOptionsInput): uPlot.Options {
  return {
    width: input.width,
    height: CHART_HEIGHT,
    // Room on the right for the last date label.
    padding: [6, 32, 0, 0],
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false }, y: false },
    select: { show: true, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: () => [-0.5, input.plan().buckets - 0.5] },
      // Up to a round number, which is labelled: with the tallest bar's own count as the top, the
      // chart (46 px of bars) had room for no label above 0.
      y: { range: (_u, _min, max) => [0, roundUp(max)] },
    },
    axes: [
      {
        stroke: '#595959',
        size: 28,
        grid: { show: false },
        splits: (u) => labelledBuckets(u.width, input.plan().buckets, input.plan().unit),
        values: (_u, splits) => splits.map((b) => input.bucketLabel(b)),
      },
      {
        stroke: '#595959',
        size: Y_AXIS_WIDTH,
        space: 24,
        grid: { stroke: '#e3e3e3', width: 1 },
        incrs: [
          1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
          1_000_000, 2_000_000, 5_000_000, 10_000_000,
        ],
        values: (_u, splits) => splits.map((value) => input.formatNumber(value)),
      },
    ],
    series: [
      {},
      ...input.series.map(({ label, colour }) => ({
        label,
        fill: colour,
        stroke: colour,
        width: 0,
        points: { show: false },
        paths: uPlot.paths.bars!({ size: [0.8, 48], align: 0 }),
      })),
    ],
    hooks: { drawClear: [(u) => shadeHeld(u, input.plan(), input.held())] },
  }
}
