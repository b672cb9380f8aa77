// The browser benchmark: `npm run bench -- --records N` (default: 100,000 and 1,000,000).
// Seeds a temporary preview database with N listing records, serves the built app with
// `vite preview`, opens the listing log in Chromium and measures the whole path (load, validate,
// paint, interact) as the median of fresh page loads. In the same run, a baseline page (plain
// el-table-v2 with filter + Map, scripts/bench/baseline/) gets the same records from the same API,
// and the app is loaded as many times again with a recording of its stream in place of the
// server's work (`recordedStream`: recordedStream.ts; load figures only).
// Progress goes to stderr; the last line on stdout is one JSON object (the names are a contract).
//
// Options: --records N (repeatable, or comma-separated) · --runs K (at least 5; with --smoke, at least 1) · --no-build
// (use dist/ as it is when complete) · --baseline-timeout S (default 120: a baseline load that
// takes longer is reported as an error) · --profile DIR (one more, uncounted run per page with a
// CPU profile written to DIR and its heaviest functions printed).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { openDatabase } from '../../server/db.ts'
import { bundleSizes } from '../bundleSizes.ts'
import { launchChromium } from '../chromium.ts'
import { serveRecordedStream } from './recordedStream.ts'
import { median, round } from './stats.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
const BASELINE_CONFIG = join(ROOT, 'scripts', 'bench', 'baseline', 'vite.config.ts')
const VIEWPORT = { width: 1440, height: 900 }
const APP_LOAD_TIMEOUT_MS = 600_000
const STEP_TIMEOUT_MS = 60_000

const { values } = parseArgs({
  options: {
    records: { type: 'string', multiple: true },
    runs: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    'baseline-timeout': { type: 'string', default: '120' },
    profile: { type: 'string' },
    smoke: { type: 'boolean', default: false },
  },
})
const RECORD_COUNTS = (values.records ?? ['100000,1000000'])
  .flatMap((v) => v.split(','))
  .map((v) => Number(v.trim().replace(/_/g, '')))
for (const n of RECORD_COUNTS)
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--records must be whole numbers of at least 1, got ${values.records?.join(' ')}`)
// Medians want 5 runs at least; fewer (down to 1) only with --smoke, for CI's smoke run.
const RUNS = values.smoke ? Math.max(1, Number(values.runs)) : Math.max(5, Number(values.runs))
if (!Number.isInteger(RUNS)) throw new Error(`--runs must be a whole number, got ${values.runs}`)
const BASELINE_TIMEOUT_MS = Number(values['baseline-timeout']) * 1000
if (!(BASELINE_TIMEOUT_MS > 0))
  throw new Error(`--baseline-timeout must be a number of seconds, got ${values['baseline-timeout']}`)
const PROFILE_DIR = values.profile ? resolve(values.profile) : null

const log = (line: string) => process.stderr.write(`${line}\n`)
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
const fmt = (n: number | null) => (n === null ? '-' : Math.round(n).toLocaleString('en'))

// ---- cleanup: servers, temporary files and the browser go, also on failure and Ctrl-C ----------
const cleanups: (() => Promise<void> | void)[] = []
async function cleanUp() {
  while (cleanups.length) {
    try {
      await cleanups.pop()!()
    } catch (error) {
      log(`cleanup: ${String(error)}`)
    }
  }
}
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true
    log(`${signal}: cleaning up`)
    void cleanUp().then(() => process.exit(130))
  })
}

function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  cleanups.push(remove)
  return { dir, remove }
}

// ---- builds and bundle sizes ---------------------------------------------------------------
function run(command: string, args: string[]) {
  log(`$ ${command} ${args.join(' ')}`)
  // stdout goes to stderr too: stdout carries only the JSON line.
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.signal ?? result.status})`)
}

const EMBED_FILES = ['dist/embed/tts-logs.js', 'dist/embed/tts-logs.css', 'dist/embed/tts-logs.iife.js']
function distComplete() {
  return existsSync(join(ROOT, 'dist', 'index.html')) && EMBED_FILES.every((f) => existsSync(join(ROOT, f)))
}

// ---- servers ---------------------------------------------------------------------------------
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => done(port))
    })
  })
}

interface Served {
  url: string
  stop(): Promise<void>
}

/** `vite preview` (with the preview backend on `dbFile`) in its own process group. */
async function startPreview(name: string, extraArgs: string[], dbFile: string): Promise<Served> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, PREVIEW_DB: dbFile }
  delete env.PREVIEW_RESET
  delete env.PREVIEW_TEST_MODE
  const child: ChildProcess = spawn(
    process.execPath,
    [VITE, 'preview', ...extraArgs, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let exited = false
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())))
  const stop = async () => {
    if (exited || child.pid === undefined) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    await Promise.race([exit, sleep(5000)])
    if (!exited) process.kill(-child.pid, 'SIGKILL')
  }
  cleanups.push(stop)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (exited) throw new Error(`${name} server exited:\n${output}`)
    try {
      if ((await fetch(`${url}/`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} server did not start within 60 s:\n${output}`)
    await sleep(200)
  }
  log(`${name} served at ${url} (pid ${child.pid})`)
  return { url, stop }
}

// ---- the probe: runs inside the page from its first script on ----------------------------------
interface ChangeTiming {
  inputToDomMs: number
  inputToPaintMs: number
  shownBefore: string | null
  shownAfter: string | null
}

interface BenchProbe {
  firstRowsMs: number | null
  allLoadedMs: number | null
  /** A log held as a window: when its whole-log chart (from the summary) was painted. */
  wholeChartMs: number | null
  /** Resolves once everything is loaded and painted; rejects when the page reports an error. */
  loaded: Promise<void>
  settle(): Promise<void>
  domNodes(): { nodes: number; elements: number }
  /** Starts watching the summary's data-shown; `armed` settles at the paint after it changes. */
  arm(eventType: string): void
  armed: Promise<ChangeTiming> | null
  scrollToEnd(): Promise<number>
  scrollToTop(): Promise<void>
  summary(): { shown: number; total: number }
  /**
   * Resolves true once `held` records are in while the load goes on (false when it ended first),
   * with the message filter focused and a keystroke awaited: `typedDuringLoad` then settles at
   * the paint after it (input event to that frame; Vue renders the filtered rows before it).
   */
  armKeystrokeDuringLoad(held: number): Promise<boolean>
  typedDuringLoad: Promise<number> | null
  /**
   * The same keystroke to the paint of the rows that answer it: the summary's `data-q` (the
   * message filter its rows answer) says the typed text. The app queries once the typed
   * character is painted, so this is later than `typedDuringLoad`; the baseline's are one frame.
   */
  typedDuringLoadRows: Promise<number> | null
  /**
   * Where the load's time went, from the app's User Timing measures (src/api/lines/loadTiming.ts)
   * that began before it was loaded: parsing and checking lines in the worker and in the page's
   * thread, and appending records in the page's thread (ms). Null where the page records none.
   */
  loadShare(): LoadShare | null
  /**
   * The page's thread while the load went on, from the first rows to everything loaded: its
   * longest task (what a key or a click could have to wait for) and its blocking time (each
   * task's time over 50 ms, summed), the keystroke's own task left out. Null: no long task API.
   */
  loadTasks(): LoadTasks | null
  /** When the keystroke during the load was pressed (its task is not the load's). */
  keyDuringLoadAt: number | null
}

interface LoadTasks {
  longestTaskDuringLoadMs: number
  blockingDuringLoadMs: number
}

interface LoadShare {
  workerParseMs: number
  mainParseMs: number
  mainAppendMs: number
}

declare global {
  interface Window {
    __bench?: BenchProbe
    __benchScrollToEnd?: () => void
    __benchScrollToTop?: () => void
  }
}

/**
 * Installed before any page script. "Painted" is the frame after a change: a rAF callback, then a
 * message, which runs once that frame's style, layout and paint are done. Times are
 * performance.now(), i.e. from navigation start; interactions from the input event's timeStamp.
 */
function installProbe() {
  const GRID = '[data-testid=log-grid]'
  const SUMMARY = '[data-testid=log-summary]'
  const PAGE = 'section.tts-log-page'
  const afterPaint = () =>
    new Promise<number>((done) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => done(performance.now())
        channel.port2.postMessage(null)
      })
    })
  const summaryElement = () => {
    const element = document.querySelector(SUMMARY)
    if (!element) throw new Error('the page has no [data-testid=log-summary]')
    return element
  }
  let firstRowsPainted: Promise<number> | null = null
  let loadedSeen = false
  let markLoaded = () => {}
  let failLoad: (error: Error) => void = () => {}
  const probe: BenchProbe = {
    firstRowsMs: null,
    allLoadedMs: null,
    wholeChartMs: null,
    loaded: new Promise<void>((done, fail) => {
      markLoaded = done
      failLoad = fail
    }),
    settle: () =>
      new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 3000 }))
        .then(afterPaint)
        .then(() => undefined),
    domNodes() {
      const grid = document.querySelector(GRID)
      if (!grid) return { nodes: 0, elements: 0 }
      const walker = document.createTreeWalker(grid, NodeFilter.SHOW_ALL)
      let nodes = 1
      while (walker.nextNode()) nodes++
      return { nodes, elements: grid.querySelectorAll('*').length + 1 }
    },
    arm(eventType) {
      const summary = summaryElement()
      const before = summary.getAttribute('data-shown')
      const armedAt = performance.now()
      let inputAt: number | null = null
      const onInput = (event: Event) => {
        if (inputAt === null) inputAt = event.timeStamp
      }
      window.addEventListener(eventType, onInput, { capture: true })
      probe.armed = new Promise<ChangeTiming>((done) => {
        const observer = new MutationObserver(() => {
          const after = summary.getAttribute('data-shown')
          if (after === before) return
          const domAt = performance.now()
          observer.disconnect()
          window.removeEventListener(eventType, onInput, { capture: true })
          void afterPaint().then((paintAt) => {
            const start = inputAt !== null && inputAt >= armedAt ? inputAt : armedAt
            done({
              inputToDomMs: domAt - start,
              inputToPaintMs: paintAt - start,
              shownBefore: before,
              shownAfter: after,
            })
          })
        })
        observer.observe(summary, { attributes: true, attributeFilter: ['data-shown'] })
      })
    },
    armed: null,
    scrollToEnd() {
      const grid = document.querySelector(GRID) as HTMLElement
      const shown = Number(summaryElement().getAttribute('data-shown'))
      const last = `[data-testid=log-row][aria-rowindex="${shown + 1}"]`
      const start = performance.now()
      return new Promise<number>((done) => {
        let found = false
        const check = () => {
          if (found || !grid.querySelector(last)) return
          found = true
          observer.disconnect()
          void afterPaint().then((paintAt) => done(paintAt - start))
        }
        const observer = new MutationObserver(check)
        observer.observe(grid, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-rowindex'] })
        if (window.__benchScrollToEnd) window.__benchScrollToEnd()
        else grid.scrollTop = grid.scrollHeight
        check()
      })
    },
    async scrollToTop() {
      const grid = document.querySelector(GRID) as HTMLElement
      if (window.__benchScrollToTop) window.__benchScrollToTop()
      else grid.scrollTop = 0
      await afterPaint()
      await afterPaint()
    },
    summary() {
      const summary = summaryElement()
      return { shown: Number(summary.getAttribute('data-shown')), total: Number(summary.getAttribute('data-total')) }
    },
    armKeystrokeDuringLoad(held) {
      const loading = () => document.querySelector(PAGE)?.getAttribute('data-complete') !== 'true'
      return new Promise<boolean>((done) => {
        // Half way: the records shown (the summary, at the views' next refresh), or the records
        // loaded (the progress bar, at every batch; the app's only). A load whose views did not
        // refresh between its half and its end would otherwise never be typed into.
        const check = () => {
          if (!loading()) return finish(false)
          const summary = document.querySelector(SUMMARY)
          if (summary && Number(summary.getAttribute('data-total')) >= held) return finish(true)
          const progress = document.querySelector('[data-testid=load-progress]')
          if (progress && Number(progress.getAttribute('data-loaded')) >= held) finish(true)
        }
        const observer = new MutationObserver(check)
        const finish = (ok: boolean) => {
          observer.disconnect()
          if (!ok) return done(false)
          const input = document.querySelector('input[data-testid=filter-q]') as HTMLInputElement | null
          if (!input) return done(false)
          input.focus()
          probe.typedDuringLoad = new Promise<number>((typed) => {
            let keyAt: number | null = null
            const onKey = (event: Event) => {
              keyAt ??= event.timeStamp
              probe.keyDuringLoadAt ??= event.timeStamp
            }
            const onInput = () => {
              window.removeEventListener('keydown', onKey, { capture: true })
              window.removeEventListener('input', onInput, { capture: true })
              // Queued before the page's own handlers run: the frame after it includes their render.
              queueMicrotask(() => void afterPaint().then((paintAt) => typed(paintAt - (keyAt ?? paintAt))))
              probe.typedDuringLoadRows = new Promise<number>((rows) => {
                const summary = summaryElement()
                const answered = () => summary.getAttribute('data-q') === input.value
                const done = () => void afterPaint().then((paintAt) => rows(paintAt - (keyAt ?? paintAt)))
                // Set when the page renders rows for the key: in the key's own task or a later one.
                const observer = new MutationObserver(() => {
                  if (!answered()) return
                  observer.disconnect()
                  done()
                })
                observer.observe(summary, { attributes: true, attributeFilter: ['data-q'] })
              })
            }
            window.addEventListener('keydown', onKey, { capture: true })
            window.addEventListener('input', onInput, { capture: true })
          })
          done(true)
        }
        observer.observe(document, {
          subtree: true,
          attributes: true,
          attributeFilter: ['data-total', 'data-complete', 'data-loaded'],
        })
        check()
      })
    },
    typedDuringLoad: null,
    typedDuringLoadRows: null,
    keyDuringLoadAt: null,
    loadTasks() {
      if (!tasks) return null
      longTasks.push(...tasks.takeRecords())
      const from = probe.firstRowsMs ?? 0
      const to = probe.allLoadedMs ?? performance.now()
      const key = probe.keyDuringLoadAt
      const during = longTasks.filter(
        (task) =>
          task.startTime >= from &&
          task.startTime < to &&
          !(key !== null && task.startTime <= key && key <= task.startTime + task.duration),
      )
      return {
        longestTaskDuringLoadMs: Math.max(0, ...during.map((task) => task.duration)),
        blockingDuringLoadMs: during.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      }
    },
    loadShare() {
      share.take(timings.takeRecords())
      return share.seen ? { workerParseMs: share.worker, mainParseMs: share.main, mainAppendMs: share.append } : null
    },
  }
  // The app's measures of its load; those begun after it was loaded are not the load's.
  const share = {
    seen: false,
    worker: 0,
    main: 0,
    append: 0,
    take(entries: PerformanceEntryList) {
      for (const entry of entries) {
        if (probe.allLoadedMs !== null && entry.startTime > probe.allLoadedMs) continue
        const detail = (entry as PerformanceMeasure).detail as { thread?: string } | null
        if (entry.name === 'tts-logs:append') share.append += entry.duration
        else if (entry.name !== 'tts-logs:parse') continue
        else if (detail?.thread === 'worker') share.worker += entry.duration
        else share.main += entry.duration
        share.seen = true
      }
    },
  }
  const timings = new PerformanceObserver((list) => share.take(list.getEntries()))
  timings.observe({ type: 'measure' })
  // Tasks of the page's thread of 50 ms or more (the Long Tasks API).
  const longTasks: PerformanceEntry[] = []
  const tasks = PerformanceObserver.supportedEntryTypes.includes('longtask')
    ? new PerformanceObserver((list) => longTasks.push(...list.getEntries()))
    : null
  tasks?.observe({ type: 'longtask', buffered: true })
  // A log larger than the budget: the chart of the whole log (drawn from the summary).
  const chartObserver = new MutationObserver(() => {
    if (!document.querySelector('[data-testid=volume-chart][data-source=summary]')) return
    chartObserver.disconnect()
    void afterPaint().then((paintAt) => (probe.wholeChartMs = paintAt))
  })
  chartObserver.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-source'],
  })
  const observer = new MutationObserver(() => {
    if (!firstRowsPainted && document.querySelector(`${GRID} [data-testid=log-row]`)) {
      firstRowsPainted = afterPaint().then((paintAt) => (probe.firstRowsMs = paintAt))
    }
    const page = document.querySelector(PAGE)
    const error = page?.getAttribute('data-error')
    if (error) failLoad(new Error(`the page reports: ${error}`))
    if (!loadedSeen && page?.getAttribute('data-complete') === 'true') {
      loadedSeen = true
      void afterPaint().then(async (paintAt) => {
        probe.allLoadedMs = paintAt
        await firstRowsPainted
        markLoaded()
      })
    }
    if (firstRowsPainted && loadedSeen) observer.disconnect()
  })
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-complete', 'data-error'],
  })
  window.__bench = probe
}
// esbuild (tsx) wraps named functions in __name(); the page has no such helper.
const PROBE_SCRIPT = `var __name = (target) => target;\n(${installProbe.toString()})();`

// ---- one page load, measured ---------------------------------------------------------------
const METRICS = [
  'firstRowsMs',
  'allLoadedMs',
  'toggleUniqueMs',
  'keystrokeMs',
  'scrollToEndMs',
  'domNodes',
  'heapBytesPerRecord',
  'wireBytesPerRecord',
  'keystrokeDuringLoadMs',
  // A log larger than the page's budget (2,000,000): it holds its newest window.
  'heldRecords',
  'heapMB',
  'wholeChartMs',
  'dateRangeFirstRowsMs',
  'dateRangeLoadedMs',
  // The page's thread during the load: its longest task, and its blocking time.
  'longestTaskDuringLoadMs',
  'blockingDuringLoadMs',
  // The load's share of work by thread (the app's own measures; none on the baseline page).
  'workerParseMs',
  'mainParseMs',
  'mainAppendMs',
  // The Problems view (the app only): switching to it, back to the separated view, and to it again
  // (its pass kept for the same filters), input to paint.
  'problemsViewMs',
  'problemsBackMs',
  'problemsAgainMs',
  // The keystroke during the load, to the paint of the rows that answer it.
  'keystrokeDuringLoadRowsMs',
] as const
type Metric = (typeof METRICS)[number]
type RunResult = Partial<Record<Metric | 'toggleUniqueBackMs' | 'heapBytes' | 'wireBytes' | 'domElements', number>> & {
  errors: Partial<Record<Metric | 'toggleUniqueBackMs', string>>
  /** What each interaction changed (rows shown before and after), for the log. */
  shown: string[]
  /** Set when the page could not show the data at all. */
  fatal?: string
  /** A figure that could not be taken at this size (not an error). */
  skipped?: string
}

class Timeout extends Error {}
function within<T>(promise: Promise<T>, ms: number, what: string, crash: Promise<never>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Timeout(`${what}: no result within ${Math.round(ms / 1000)} s`)), ms)
  })
  return Promise.race([promise, timeout, crash]).finally(() => clearTimeout(timer))
}

interface Target {
  name: 'app' | 'baseline' | 'recorded stream'
  url: string
  loadTimeoutMs: number
  /** Only the load's figures (the steps after it are the page's own, measured on the app). */
  loadOnly?: boolean
}

async function measureRun(
  browser: Browser,
  target: Target,
  records: number,
  profileFile: string | null,
): Promise<RunResult> {
  const result: RunResult = { errors: {}, shown: [] }
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    await context.addInitScript({ content: PROBE_SCRIPT })
    const page: Page = await context.newPage()
    let crashed: (error: Error) => void = () => {}
    const crash = new Promise<never>((_, fail) => (crashed = fail))
    crash.catch(() => {})
    page.on('crash', () => crashed(new Error('the renderer crashed (out of memory?)')))
    const cdp: CDPSession = await context.newCDPSession(page)
    // Bytes each API request has brought so far. A finished request counts what Chromium totals
    // for it; one that ends otherwise (the page cancels a stream once it has read its end line,
    // and Chromium reports that as a failed load, with no total) counts the chunks it received.
    const received = new Map<string, number>()
    let wireBytes = 0
    cdp.on('Network.requestWillBeSent', (event) => {
      if (new URL(event.request.url).pathname.startsWith('/api/v1/')) received.set(event.requestId, 0)
    })
    cdp.on('Network.dataReceived', (event) => {
      const sofar = received.get(event.requestId)
      if (sofar !== undefined) received.set(event.requestId, sofar + event.encodedDataLength)
    })
    cdp.on('Network.loadingFinished', (event) => {
      if (!received.has(event.requestId)) return
      wireBytes += event.encodedDataLength
      received.delete(event.requestId)
    })
    cdp.on('Network.loadingFailed', (event) => {
      const sofar = received.get(event.requestId)
      if (sofar === undefined) return
      wireBytes += sofar
      received.delete(event.requestId)
    })
    await cdp.send('Network.enable')
    if (profileFile) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.start')
    }

    await page.goto(target.url, { waitUntil: 'commit' })
    // Half way through the load, one keystroke in the message filter (cleared again once loaded).
    const typedDuringLoad = (async () => {
      await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: STEP_TIMEOUT_MS })
      // Half of what the page will hold: a log over the budget loads only its window.
      const budget = Number(process.env.VITE_MAX_RECORDS) || 2_000_000
      const armed = await page.evaluate(
        (held) => window.__bench!.armKeystrokeDuringLoad(held),
        Math.ceil(Math.min(records, budget) / 2),
      )
      if (!armed) return null
      await page.keyboard.press('q')
      return page.evaluate(() => window.__bench!.typedDuringLoad!)
    })()
    typedDuringLoad.catch(() => undefined)
    try {
      await within(
        page.evaluate(() => window.__bench!.loaded),
        target.loadTimeoutMs,
        `loading ${records.toLocaleString('en')} records`,
        crash,
      )
    } catch (error) {
      let shown = ''
      if (!(error instanceof Timeout)) throw error
      try {
        const summary = await within(
          page.evaluate(() => window.__bench!.summary()),
          5000,
          'summary',
          crash,
        )
        shown = ` (${summary.total.toLocaleString('en')} loaded by then)`
      } catch {
        shown = ' (the page did not answer)'
      }
      throw new Error(`${error.message}${shown}`, { cause: error })
    }
    const typed = await within(typedDuringLoad, STEP_TIMEOUT_MS, 'a keystroke during the load', crash).catch(
      (error: unknown) => {
        result.errors.keystrokeDuringLoadMs = error instanceof Error ? error.message.split('\n')[0]! : String(error)
        return null
      },
    )
    if (typed !== null) {
      result.keystrokeDuringLoadMs = typed
      try {
        result.keystrokeDuringLoadRowsMs = await within(
          page.evaluate(() => window.__bench!.typedDuringLoadRows!),
          STEP_TIMEOUT_MS,
          'the rows answering a keystroke during the load',
          crash,
        )
      } catch (error) {
        result.errors.keystrokeDuringLoadRowsMs = error instanceof Error ? error.message.split('\n')[0]! : String(error)
      }
      const filter = page.locator('input[data-testid=filter-q]')
      await filter.fill('')
    } else if (!result.errors.keystrokeDuringLoadMs)
      result.skipped = 'keystrokeDuringLoadMs: the load ended before half of it'
    const timings = await page.evaluate(() => ({
      firstRowsMs: window.__bench!.firstRowsMs,
      allLoadedMs: window.__bench!.allLoadedMs,
    }))
    result.firstRowsMs = timings.firstRowsMs ?? undefined
    result.allLoadedMs = timings.allLoadedMs ?? undefined
    const share = await page.evaluate(() => window.__bench!.loadShare())
    if (share) Object.assign(result, share)
    const loadTasks = await page.evaluate(() => window.__bench!.loadTasks())
    if (loadTasks) Object.assign(result, loadTasks)
    // Requests still open (a live connection) count what they have brought so far.
    result.wireBytes = wireBytes + [...received.values()].reduce((sum, bytes) => sum + bytes, 0)
    result.wireBytesPerRecord = wireBytes / records
    const summary = await page.evaluate(() => window.__bench!.summary())
    if (summary.total !== records) log(`  note: the page holds ${summary.total} records, not ${records}`)
    if (target.loadOnly) return result

    await within(
      page.evaluate(() => window.__bench!.settle()),
      STEP_TIMEOUT_MS,
      'settling',
      crash,
    )
    const dom = await page.evaluate(() => window.__bench!.domNodes())
    result.domNodes = dom.nodes
    result.domElements = dom.elements

    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = await cdp.send('Runtime.getHeapUsage')
    // Typed arrays keep their contents outside the V8 heap: count their backing stores too.
    result.heapBytes = heap.usedSize + (heap.backingStorageSize ?? 0)
    result.heapBytesPerRecord = result.heapBytes / records

    const step = async (metric: Metric | 'toggleUniqueBackMs', action: () => Promise<number>) => {
      try {
        result[metric] = await action()
      } catch (error) {
        if (error instanceof Error && /crashed/.test(error.message)) throw error
        result.errors[metric] = error instanceof Error ? error.message.split('\n')[0]! : String(error)
      }
    }
    const change = async (eventType: 'click' | 'keydown', act: () => Promise<void>, what: string) => {
      await page.evaluate((type) => window.__bench!.arm(type), eventType)
      await act()
      const timing = await within(
        page.evaluate(() => window.__bench!.armed!),
        STEP_TIMEOUT_MS,
        what,
        crash,
      )
      result.shown.push(`${what}: ${timing.shownBefore} -> ${timing.shownAfter} rows`)
      return timing.inputToPaintMs
    }

    await step('scrollToEndMs', () =>
      within(
        page.evaluate(() => window.__bench!.scrollToEnd()),
        STEP_TIMEOUT_MS,
        'scrolling to the last row',
        crash,
      ),
    )
    await within(
      page.evaluate(() => window.__bench!.scrollToTop()),
      STEP_TIMEOUT_MS,
      'scrolling back to the top',
      crash,
    )
    await within(
      page.evaluate(() => window.__bench!.settle()),
      STEP_TIMEOUT_MS,
      'settling',
      crash,
    )

    const unique = page.locator('[data-testid=filter-unique]')
    await step('toggleUniqueMs', () => change('click', () => unique.click(), 'toggling unique off'))
    await within(
      page.evaluate(() => window.__bench!.settle()),
      STEP_TIMEOUT_MS,
      'settling',
      crash,
    )
    await step('toggleUniqueBackMs', () => change('click', () => unique.click(), 'toggling unique on'))
    await within(
      page.evaluate(() => window.__bench!.settle()),
      STEP_TIMEOUT_MS,
      'settling',
      crash,
    )

    // View Mode, where the page has one: the dropdown opened first, then the option's click timed.
    const viewMode = page.locator('.tts-el-select', { has: page.getByLabel('View Mode', { exact: true }) })
    if (await viewMode.count()) {
      const choose = async (label: string, metric: Metric | null, what: string) => {
        await viewMode.click()
        const option = page.getByRole('option', { name: label, exact: true })
        await option.waitFor()
        if (metric) await step(metric, () => change('click', () => option.click(), what))
        else await option.click()
        await within(
          page.evaluate(() => window.__bench!.settle()),
          STEP_TIMEOUT_MS,
          'settling',
          crash,
        )
      }
      await choose('Problems', 'problemsViewMs', 'switching to the Problems view')
      await choose('Separated', 'problemsBackMs', 'back to the separated view')
      await choose('Problems', 'problemsAgainMs', 'the Problems view again')
      await choose('Separated', null, 'back to the separated view')
    }

    const messageFilter = page.locator('input[data-testid=filter-q]')
    await messageFilter.focus()
    await within(
      page.evaluate(() => window.__bench!.settle()),
      STEP_TIMEOUT_MS,
      'settling',
      crash,
    )
    // One character: "q" narrows the generator's messages (QTY, "requires") to a part of them.
    await step('keystrokeMs', () =>
      change('keydown', () => page.keyboard.press('q'), 'filtering the message on a keystroke'),
    )

    const windowed = await page.locator('[data-testid=log-window]').count()
    if (windowed > 0) {
      result.heldRecords = Number(await page.getByTestId('log-summary').getAttribute('data-total'))
      result.heapMB = (result.heapBytes ?? 0) / 1e6
      await step('wholeChartMs', () =>
        within(
          page
            .waitForFunction(() => window.__bench!.wholeChartMs, undefined, { timeout: STEP_TIMEOUT_MS })
            .then((handle) => handle.jsonValue() as Promise<number>),
          STEP_TIMEOUT_MS,
          'the chart of the whole log',
          crash,
        ),
      )
      await messageFilter.fill('')
      await within(
        page.evaluate(() => window.__bench!.settle()),
        STEP_TIMEOUT_MS,
        'settling',
        crash,
      )
      // A date range on the oldest day: a click on the chart's first bar. Ids grow with time in
      // the seed, so a first row with an id below the window's is one of that day's records.
      const oldestHeldId = records - result.heldRecords
      const over = page.locator('[data-testid=volume-chart] .u-over')
      const box = (await over.boundingBox())!
      const clickedAt = await page.evaluate(() => performance.now())
      await over.click({ position: { x: Math.max(2, box.width / 60), y: box.height - 4 } })
      await step('dateRangeFirstRowsMs', async () => {
        await page.waitForFunction(
          (below) => {
            const row = document.querySelector('[data-testid=log-grid] [data-testid=log-row]')
            return row !== null && Number(row.getAttribute('data-id')) <= below
          },
          oldestHeldId,
          { timeout: STEP_TIMEOUT_MS, polling: 'raf' },
        )
        return (await page.evaluate(() => performance.now())) - clickedAt
      })
      await step('dateRangeLoadedMs', async () => {
        await page.waitForFunction(
          () =>
            document.querySelector('section.tts-log-page')?.getAttribute('data-complete') === 'true' &&
            document.querySelector('[data-testid=log-window]') === null,
          undefined,
          { timeout: STEP_TIMEOUT_MS, polling: 'raf' },
        )
        return (await page.evaluate(() => performance.now())) - clickedAt
      })
    }

    if (profileFile) {
      const { profile } = await cdp.send('Profiler.stop')
      writeFileSync(profileFile, JSON.stringify(profile))
      printProfile(profile)
    }
  } catch (error) {
    result.fatal = error instanceof Error ? error.message.split('\n')[0]! : String(error)
  } finally {
    await context.close().catch(() => {})
  }
  return result
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
/** The heaviest functions of a CPU profile by self time. */
function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }) {
  const self = new Map<number, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0))
  const byFunction = new Map<string, number>()
  let total = 0
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0
    total += us
    const frame = node.callFrame
    const file = frame.url.split('/').pop() ?? ''
    const key = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : ''}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
  }
  log(`  CPU profile: ${fmt(total / 1000)} ms sampled; heaviest by self time:`)
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    log(`    ${fmt(us / 1000).padStart(7)} ms  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${key}`)
  }
}

// ---- medians per page ------------------------------------------------------------------------
type Summary = Record<string, number | null | string | Record<string, string>>

function summarise(results: RunResult[]): Summary {
  const out: Summary = {}
  const errors: Record<string, string> = {}
  for (const metric of [...METRICS, 'toggleUniqueBackMs'] as const) {
    const values = results.map((r) => r[metric]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    const error = results.map((r) => r.errors[metric]).find(Boolean)
    if (error)
      errors[metric] = values.length ? `${results.length - values.length} of ${results.length} runs: ${error}` : error
    if (!values.length) {
      out[metric] = null
      continue
    }
    const value = median(values)
    out[metric] =
      metric === 'domNodes' ? Math.round(value) : metric.endsWith('PerRecord') ? round(value, 1) : round(value, 1)
  }
  if (Object.keys(errors).length) out.errors = errors
  return out
}

async function measureTarget(browser: Browser, target: Target, records: number): Promise<Summary> {
  const results: RunResult[] = []
  for (let i = 1; i <= RUNS; i++) {
    const started = Date.now()
    const r = await measureRun(browser, target, records, null)
    if (r.fatal) {
      log(`${target.name} run ${i}/${RUNS}: FAILED: ${r.fatal}`)
      return { error: r.fatal }
    }
    results.push(r)
    log(
      `${target.name} run ${i}/${RUNS} (${fmt((Date.now() - started) / 1000)} s): first rows ${fmt(r.firstRowsMs ?? null)} ms, ` +
        `all loaded ${fmt(r.allLoadedMs ?? null)} ms, unique off ${fmt(r.toggleUniqueMs ?? null)} ms / on ${fmt(r.toggleUniqueBackMs ?? null)} ms, ` +
        `keystroke ${fmt(r.keystrokeMs ?? null)} ms (during the load ${fmt(r.keystrokeDuringLoadMs ?? null)} ms, its rows ${fmt(r.keystrokeDuringLoadRowsMs ?? null)} ms), end ${fmt(r.scrollToEndMs ?? null)} ms, ${fmt(r.domNodes ?? null)} nodes ` +
        `(${fmt(r.domElements ?? null)} elements), heap ${fmt(r.heapBytes ? r.heapBytes / 1e3 : null)} kB, ` +
        `API ${fmt(r.wireBytes ? r.wireBytes / 1e3 : null)} kB on the wire` +
        (r.longestTaskDuringLoadMs !== undefined
          ? `; during the load the longest task ${fmt(r.longestTaskDuringLoadMs)} ms, blocking ${fmt(r.blockingDuringLoadMs ?? null)} ms`
          : '') +
        (r.mainAppendMs !== undefined
          ? `; parsing ${fmt(r.workerParseMs ?? null)} ms in the worker, ${fmt(r.mainParseMs ?? null)} ms in the page, appending ${fmt(r.mainAppendMs)} ms`
          : '') +
        (r.problemsViewMs !== undefined
          ? `; Problems view ${fmt(r.problemsViewMs)} ms, back ${fmt(r.problemsBackMs ?? null)} ms, again ${fmt(r.problemsAgainMs ?? null)} ms`
          : '') +
        (r.heldRecords
          ? `; a window of ${fmt(r.heldRecords)}: whole-log chart ${fmt(r.wholeChartMs ?? null)} ms, oldest day's first rows ${fmt(r.dateRangeFirstRowsMs ?? null)} ms (loaded ${fmt(r.dateRangeLoadedMs ?? null)} ms), heap ${fmt(r.heapMB ?? null)} MB`
          : '') +
        (Object.keys(r.errors).length ? `; errors: ${JSON.stringify(r.errors)}` : ''),
    )
    if (i === 1) log(`  ${r.shown.join('; ')}${r.skipped ? `; not measured: ${r.skipped}` : ''}`)
  }
  // A load-only target's run stops before its profile would be written: none is taken.
  if (PROFILE_DIR && !target.loadOnly) {
    mkdirSync(PROFILE_DIR, { recursive: true })
    const file = join(PROFILE_DIR, `${target.name}-${records}.cpuprofile`)
    log(`${target.name}: one more run with a CPU profile (not counted) -> ${file}`)
    const r = await measureRun(browser, target, records, file)
    if (r.fatal) log(`  profiled run failed: ${r.fatal}`)
  }
  return summarise(results)
}

/**
 * The app's load with the server's work taken out (recordedStream.ts): an uncounted load through a
 * stand-in server records the listing log's streamed read as the page asks for it; the counted
 * loads are answered from that recording, the rest by the preview server. Load figures only. A
 * load that read any of the log from the preview server instead (another query, a resumption)
 * makes the figures an error, as does a recording that failed.
 */
async function measureRecordedStream(browser: Browser, appUrl: string, records: number): Promise<Summary> {
  const standIn = await serveRecordedStream(appUrl)
  cleanups.push(() => standIn.stop())
  const target: Target = {
    name: 'recorded stream',
    url: `${standIn.url}/listings/logs`,
    loadTimeoutMs: APP_LOAD_TIMEOUT_MS,
    loadOnly: true,
  }
  try {
    const warmUp = await measureRun(browser, target, records, null)
    if (warmUp.fatal) return { error: `the load that records the stream failed: ${warmUp.fatal}` }
    const { path, bytes } = await standIn.recorded
    log(`recorded stream: ${path}, ${fmt(bytes / 1e3)} kB as sent, served at ${standIn.url}`)
    const [hitsBefore, missesBefore] = [standIn.hits(), standIn.misses()]
    const summary = await measureTarget(browser, target, records)
    const hits = standIn.hits() - hitsBefore
    const misses = standIn.misses() - missesBefore
    if (!('error' in summary) && (hits !== RUNS || misses !== 0))
      return {
        error: `the recording answered ${hits} reads in ${RUNS} loads, and ${misses} went to the server: the page asked for other reads than ${path}`,
      }
    return summary
  } catch (error) {
    return { error: `recording the stream: ${error instanceof Error ? error.message : String(error)}` }
  } finally {
    await standIn.stop()
  }
}

// ---- main --------------------------------------------------------------------------------------
async function main() {
  const wallStart = Date.now()
  const head = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' })
  if (head.status === 0) log(`source: ${head.stdout.trim()} (the build takes the working tree as it is)`)
  if (values['no-build'] && distComplete()) log('--no-build: using dist/ as it is')
  else {
    if (values['no-build']) log('--no-build, but dist/ is incomplete: building')
    // build:app empties dist/, so the embed build comes after it.
    run('npm', ['run', 'build:app'])
    run('npm', ['run', 'build:embed'])
  }
  // scripts/bundleSizes.ts (as `npm run build` prints): JavaScript a log page loads before its
  // first rows (entry, log page chunk, their static imports), then deferred and on-demand chunks.
  const bundle = bundleSizes(ROOT)
  log(`bundle (gzip): ${JSON.stringify(bundle)}`)

  const baselineBuild = tempDir('tts-bench-baseline-')
  run(process.execPath, [VITE, 'build', '--config', BASELINE_CONFIG, '--outDir', baselineBuild.dir, '--emptyOutDir'])

  const browser = await launchChromium()
  cleanups.push(() => browser.close())
  log(`Chromium ${browser.version()}, ${RUNS} runs per page, viewport ${VIEWPORT.width}x${VIEWPORT.height}`)

  const runs: Record<string, unknown>[] = []
  for (const records of RECORD_COUNTS) {
    const started = Date.now()
    log(`\n== ${records.toLocaleString('en')} listing records`)
    const data = tempDir('tts-bench-db-')
    const dbFile = join(data.dir, 'bench.sqlite')
    const seedStart = Date.now()
    openDatabase(dbFile, { reset: true, seed: { listing: records, order: 10, synchronization: 10 } }).close()
    log(`seeded ${dbFile} in ${fmt(Date.now() - seedStart)} ms`)

    const app = await startPreview('app', [], dbFile)
    const baseline = await startPreview(
      'baseline',
      ['--config', BASELINE_CONFIG, '--outDir', baselineBuild.dir],
      dbFile,
    )
    const appSummary = await measureTarget(
      browser,
      { name: 'app', url: `${app.url}/listings/logs`, loadTimeoutMs: APP_LOAD_TIMEOUT_MS },
      records,
    )
    const baselineSummary = await measureTarget(
      browser,
      { name: 'baseline', url: `${baseline.url}/`, loadTimeoutMs: BASELINE_TIMEOUT_MS },
      records,
    )
    const recordedSummary = await measureRecordedStream(browser, app.url, records)
    await baseline.stop()
    await app.stop()
    data.remove()

    const entry = { records, ...appSummary, baseline: baselineSummary, recordedStream: recordedSummary }
    runs.push(entry)
    log(
      `${records.toLocaleString('en')} records done in ${fmt((Date.now() - started) / 1000)} s: ${JSON.stringify(entry)}`,
    )
  }
  log(`wall clock: ${fmt((Date.now() - wallStart) / 1000)} s`)
  console.log(JSON.stringify({ runs, bundle }))
  return runs.some((r) => r.error || (r.errors as object | undefined)) ? 1 : 0
}

main()
  .then(async (code) => {
    await cleanUp()
    process.exit(code)
  })
  .catch(async (error: unknown) => {
    // Interrupted: the browser went with the signal, and the cleanup is already under way.
    if (interrupted) return
    log(error instanceof Error ? (error.stack ?? error.message) : String(error))
    await cleanUp()
    process.exit(1)
  })
