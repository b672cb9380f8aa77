// Reads a Chromium trace (the DevTools timeline categories) of one page load: what the page's
// main thread did from navigation start to the `first-rows` mark, each piece of work counted once
// (its own time, without the work nested in it), and when the first data request was sent and
// answered. Used by trace.ts.

export interface TraceEvent {
  name: string
  cat?: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: { url?: string; requestId?: string; documentLoaderURL?: string } }
}

/** What a piece of main-thread work is, by its trace event's name; work nested in it keeps its own. */
const KINDS: [RegExp, Phase][] = [
  [/^(ParseHTML|HTMLDocumentParser)/, 'html'],
  [
    /^(V8\.(Compile|ParseFunction|PreParse|CollectSourcePositions|Maglev|FinalizeMaglev|FinalizeBaseline|Turbofan)|v8\.(compile|parse|produceCache|deserialize)|CompileScript|CompileModule|FlushInstructionCache)/,
    'compile',
  ],
  [/^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC|ThreadState::)/, 'gc'],
  [/^(v8\.evaluateModule|EvaluateScript|v8\.run)$/, 'evaluate'],
  [
    /^(FunctionCall|v8\.callFunction|v8\.newInstance|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|FireIdleCallback|V8\.(HandleInterrupts|StackGuard|BytecodeBudgetInterrupt))/,
    'script',
  ],
  [
    /^(UpdateLayoutTree|Layout|RecalculateStyles|ScheduleStyleRecalculation|Document::Update|LocalFrameView::(UpdateStyleAndLayout|RunStyleAndLayoutLifecyclePhases)|Blink\.(Style|Layout|ForcedStyleAndLayout))/,
    'layout',
  ],
  [
    /^(Paint|PrePaint|Layerize|Commit|UpdateLayer|CompositeLayers|LocalFrameView::Run(PrePaint|Compositing|Paint)|Blink\.(PrePaint|Paint|CompositingInputs))/,
    'paint',
  ],
]
type Phase = 'html' | 'compile' | 'evaluate' | 'script' | 'layout' | 'paint' | 'gc'

export interface PhaseTimes {
  firstRowsMs: number
  requestSentMs: number
  responseStartMs: number
  lastScriptMs: number
  html: number
  compile: number
  evaluate: number
  script: number
  layout: number
  paint: number
  gc: number
  other: number
  idle: number
}

/** The rows of the report, in order. */
export const PHASES: { key: keyof PhaseTimes; label: string }[] = [
  { key: 'firstRowsMs', label: 'first rows painted' },
  { key: 'requestSentMs', label: 'network: the first data request sent' },
  { key: 'responseStartMs', label: 'network: its response began' },
  { key: 'lastScriptMs', label: 'network: the last script before the first rows loaded' },
  { key: 'html', label: 'main thread: HTML parsing' },
  { key: 'compile', label: 'main thread: script parse and compile' },
  { key: 'evaluate', label: 'main thread: module evaluation' },
  { key: 'script', label: 'main thread: other script (first render, router, first records)' },
  { key: 'layout', label: 'main thread: style and layout' },
  { key: 'paint', label: 'main thread: paint and compositing' },
  { key: 'gc', label: 'main thread: garbage collection' },
  { key: 'other', label: 'main thread: other work (tasks, loading)' },
  { key: 'idle', label: 'main thread idle (waiting: network, …)' },
]

const kindOf = (name: string): Phase | null => KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? null

/** The main thread's work before the first rows, and the network's milestones, in ms from navigation start. */
export function phasesBeforeFirstRows(events: TraceEvent[]): PhaseTimes {
  const mark = events.find((e) => e.name === 'first-rows')
  if (!mark) throw new Error('the trace has no first-rows mark')
  const start = events.find(
    (e) => e.name === 'navigationStart' && e.pid === mark.pid && /^https?:/.test(e.args?.data?.documentLoaderURL ?? ''),
  )
  if (!start) throw new Error('the trace has no navigation start for the page')
  const [from, to] = [start.ts, mark.ts]
  const ms = (ts: number) => (ts - from) / 1000

  // Each complete event's own time, nested events taking theirs; unnamed work takes its parent's kind.
  const times: Record<Phase | 'other', number> = {
    html: 0,
    compile: 0,
    evaluate: 0,
    script: 0,
    layout: 0,
    paint: 0,
    gc: 0,
    other: 0,
  }
  const add = (kind: Phase | 'other', a: number, b: number) => {
    const overlap = Math.min(b, to) - Math.max(a, from)
    if (overlap > 0) times[kind] += overlap
  }
  const work = events
    .filter((e) => e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  interface Open {
    end: number
    kind: Phase | 'other'
    cursor: number
  }
  const stack: Open[] = []
  const close = () => {
    const top = stack.pop()!
    add(top.kind, top.cursor, top.end)
    const parent = stack[stack.length - 1]
    if (parent) parent.cursor = top.end
  }
  for (const event of work) {
    while (stack.length && stack[stack.length - 1]!.end <= event.ts) close()
    const parent = stack[stack.length - 1]
    if (parent) {
      add(parent.kind, parent.cursor, event.ts)
      parent.cursor = event.ts
    }
    const end = Math.min(event.ts + event.dur!, parent?.end ?? Infinity)
    stack.push({ end, kind: kindOf(event.name) ?? parent?.kind ?? 'other', cursor: event.ts })
  }
  while (stack.length) close()
  const busy = Object.values(times).reduce((sum, time) => sum + time, 0)

  const network = (name: string) => events.filter((e) => e.name === name && e.args?.data?.requestId)
  const sent = network('ResourceSendRequest').find(
    (e) => e.ts >= from && /\/api\/v1\/logs\//.test(e.args!.data!.url ?? ''),
  )
  const id = sent?.args?.data?.requestId
  const response = network('ResourceReceiveResponse').find((e) => e.args!.data!.requestId === id)
  const scripts = new Set(
    network('ResourceSendRequest')
      .filter((e) => e.ts >= from && /\.js(\?|$)/.test(e.args!.data!.url ?? ''))
      .map((e) => e.args!.data!.requestId),
  )
  const scriptEnds = network('ResourceFinish')
    .filter((e) => scripts.has(e.args!.data!.requestId) && e.ts <= to)
    .map((e) => e.ts)

  return {
    firstRowsMs: ms(to),
    requestSentMs: sent ? ms(sent.ts) : NaN,
    responseStartMs: response ? ms(response.ts) : NaN,
    lastScriptMs: scriptEnds.length ? ms(Math.max(...scriptEnds)) : NaN,
    ...(Object.fromEntries(Object.entries(times).map(([kind, time]) => [kind, time / 1000])) as Record<
      Phase | 'other',
      number
    >),
    idle: (to - from - busy) / 1000,
  }
}
