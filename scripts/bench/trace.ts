// Where the time goes before a log page's first rows, from Chromium's own performance trace:
// `npm run bench:trace -- --records 100000 --root ../main-checkout --root .`
// Seeds a temporary preview database with N listing records, serves each root's built app (its
// `dist/`, with its own preview backend) and records a trace (the DevTools timeline categories)
// of fresh loads of the listing log, the roots taking turns. On the page's main thread, from
// navigation start to the frame that paints the first rows, each piece of work counts once (its
// own time, not its children's): HTML parsing, script compilation, module evaluation, other
// script (rendering, the router, the first records), style and layout, paint, garbage collection,
// and the time the thread waited (network, mostly). Beside them, when the first request was sent
// and answered. Medians of the runs; the last line on stdout is one JSON object.
//
// Options: --records N (default 100000) · --runs K (default 5) · --root [NAME=]DIR (repeatable;
// default this checkout; NAME labels it, else its directory and commit do) · --build (run `npm run build:app` in each root first; otherwise its dist/ is used
// as it is) · --baseline (the plain el-table-v2 page of scripts/bench/baseline/ too) · --out DIR
// (keep each trace, to open in the DevTools Performance panel).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Browser } from 'playwright-core'
import { openDatabase } from '../../server/db.ts'
import { launchChromium } from '../chromium.ts'
import { median, round } from './stats.ts'
import { PHASES, phasesBeforeFirstRows, type TraceEvent } from './traceEvents.ts'

const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const BASELINE_CONFIG = join(HERE, 'scripts', 'bench', 'baseline', 'vite.config.ts')
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    root: { type: 'string', multiple: true },
    build: { type: 'boolean', default: false },
    baseline: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
})
const RECORDS = Number(values.records.replace(/_/g, ''))
const RUNS = Number(values.runs)
if (!Number.isInteger(RECORDS) || RECORDS < 1)
  throw new Error(`--records must be a whole number, got ${values.records}`)
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a whole number, got ${values.runs}`)
const ROOTS = (values.root ?? [HERE]).map((root) => {
  const [, name, dir] = /^(?:([\w.@-]+)=)?(.+)$/.exec(root)!
  return { name, dir: resolve(dir!) }
})
const OUT = values.out ? resolve(values.out) : null
const log = (line: string) => process.stderr.write(`${line}\n`)

/** The categories of the DevTools Performance panel, and the compiler's. */
const CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.compile',
  'blink.user_timing',
  'loading',
  'toplevel',
]

/** Marks `first-rows` in the page's timeline at the frame that paints its first grid rows. */
const FIRST_ROWS_MARK = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid=log-grid] [data-testid=log-row], .el-table-v2__row')) return
    observer.disconnect()
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => performance.mark('first-rows')
      channel.port2.postMessage(null)
    })
  })
  observer.observe(document, { childList: true, subtree: true })
})()`

const cleanups: (() => void | Promise<void>)[] = []
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!()
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** `vite preview` of `root` (its dist/ and its preview backend over `dbFile`), in its own group. */
async function preview(root: string, dbFile: string, extra: string[] = []): Promise<string> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, PREVIEW_DB: dbFile }
  delete env.PREVIEW_RESET
  delete env.PREVIEW_TEST_MODE
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  const child: ChildProcess = spawn(
    process.execPath,
    [vite, 'preview', ...extra, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: root, env, detached: true, stdio: 'ignore' },
  )
  cleanups.push(() => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // gone already
    }
  })
  const url = `http://127.0.0.1:${port}`
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (
      await fetch(`${url}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return url
    await new Promise((done) => setTimeout(done, 200))
  }
  throw new Error(`vite preview in ${root} did not answer within 60 s`)
}

/** One fresh load of `url`, traced until its first rows are painted. */
async function traceLoad(browser: Browser, url: string): Promise<TraceEvent[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    await context.addInitScript({ content: FIRST_ROWS_MARK })
    const page = await context.newPage()
    await page.goto('about:blank')
    await browser.startTracing(page, { categories: CATEGORIES })
    await page.goto(url)
    await page.waitForFunction(() => performance.getEntriesByName('first-rows').length > 0, null, {
      timeout: 120_000,
    })
    return (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents
  } finally {
    await context.close()
  }
}

function label(root: string): string {
  const head = spawnSync('git', ['log', '-1', '--format=%h', '--abbrev=7'], { cwd: root, encoding: 'utf8' })
  return head.status === 0 ? `${basename(root)}@${head.stdout.trim()}` : basename(root)
}

async function main() {
  if (OUT) mkdirSync(OUT, { recursive: true })
  const targets: { name: string; url: string }[] = []
  const data = mkdtempSync(join(tmpdir(), 'tts-trace-'))
  cleanups.push(() => rmSync(data, { recursive: true, force: true }))
  const dbFile = join(data, 'trace.sqlite')
  openDatabase(dbFile, { reset: true, seed: { listing: RECORDS, order: 10, synchronization: 10 } }).close()
  log(`seeded ${RECORDS.toLocaleString('en')} listing records`)
  for (const { name, dir } of ROOTS) {
    if (values.build) spawnSync('npm', ['run', 'build:app'], { cwd: dir, stdio: ['ignore', 2, 2] })
    if (!existsSync(join(dir, 'dist', 'index.html'))) throw new Error(`${dir}/dist is not built (--build builds it)`)
    targets.push({ name: name ?? label(dir), url: `${await preview(dir, dbFile)}/listings/logs` })
  }
  if (values.baseline) {
    const outDir = join(data, 'baseline')
    spawnSync(
      process.execPath,
      [join(HERE, 'node_modules/vite/bin/vite.js'), 'build', '--config', BASELINE_CONFIG, '--outDir', outDir],
      {
        cwd: HERE,
        stdio: ['ignore', 2, 2],
      },
    )
    targets.push({
      name: 'baseline',
      url: `${await preview(HERE, dbFile, ['--config', BASELINE_CONFIG, '--outDir', outDir])}/`,
    })
  }

  const browser = await launchChromium()
  cleanups.push(() => browser.close())
  log(`Chromium ${browser.version()}, ${RUNS} loads each, taking turns`)
  const results = new Map(targets.map((target) => [target.name, [] as ReturnType<typeof phasesBeforeFirstRows>[]]))
  for (let run = 0; run < RUNS; run++) {
    for (const target of targets) {
      const events = await traceLoad(browser, target.url)
      if (OUT)
        writeFileSync(
          join(OUT, `${target.name.replace(/[^\w.-]+/g, '_')}-${run + 1}.json`),
          JSON.stringify({ traceEvents: events }),
        )
      const phases = phasesBeforeFirstRows(events)
      results.get(target.name)!.push(phases)
      log(`${target.name} #${run + 1}: first rows ${Math.round(phases.firstRowsMs)} ms`)
    }
  }

  const summary = Object.fromEntries(
    [...results].map(([name, runs]) => [
      name,
      Object.fromEntries(
        Object.keys(runs[0]!).map((key) => [
          key,
          round(median(runs.map((r) => r[key as keyof typeof r] as number)), 0),
        ]),
      ),
    ]),
  )
  const names = [...results.keys()]
  const rows = [
    `| before the first rows (median of ${RUNS}, ms) | ${names.join(' | ')} |`,
    `| --- | ${names.map(() => '---:').join(' | ')} |`,
    ...PHASES.map(({ key, label: title }) => `| ${title} | ${names.map((name) => summary[name]![key]).join(' | ')} |`),
  ]
  log(`\n${RECORDS.toLocaleString('en')} listing records\n${rows.join('\n')}`)
  console.log(JSON.stringify({ records: RECORDS, runs: RUNS, chromium: browser.version(), summary }))
}

main()
  .then(cleanUp, async (error: unknown) => {
    await cleanUp()
    throw error
  })
  .catch((error: unknown) => {
    log(String(error instanceof Error ? error.stack : error))
    process.exit(1)
  })
