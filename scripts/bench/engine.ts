// The engine benchmark: `npm run bench:engine -- --records N` (default 1,000,000).
// Times each engine operation against a straightforward reference (Array.prototype.filter plus a
// Map group-by over plain objects) in the same run; prints the medians, then one JSON line.
import { parseArgs } from 'node:util'
import { LogEngine, type EngineListingRecord, type QueryResult } from '../../src/engine/index.ts'
import { generateListingRecords } from '../../server/generate.ts'
import { round, timeMedian } from './stats.ts'

const { values } = parseArgs({
  options: { records: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '7' } },
})
const N = Number(values.records)
const RUNS = Math.max(7, Number(values.runs))
if (!Number.isInteger(N) || N < 1000) throw new Error('--records must be a whole number of at least 1000')

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc (npm run bench:engine does)')
const memory = () => {
  gc()
  gc()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

const log = (line: string) => process.stderr.write(`${line}\n`)

log(`generating ${N.toLocaleString('en')} listing records (the preview seed's generator)...`)
const EXTRA = 10_000 * (RUNS + 1)
// Pages as they come off the wire, newest first (ids grow with time). The engine is measured
// first, in a heap holding only these strings, as in the app; the reference gets plain objects
// afterwards.
const PAGE = 10_000
const mainPages: string[] = []
const extraPages: string[] = []
{
  const generated = generateListingRecords(N + EXTRA, { now: Date.parse('2026-11-27T12:00:00Z') })
  const newestFirst = generated.map((r, i) => ({ ...r, id: i + 1 })).reverse()
  for (let i = 0; i < N; i += PAGE) mainPages.push(JSON.stringify(newestFirst.slice(i, Math.min(N, i + PAGE))))
  for (let i = N; i < N + EXTRA; i += PAGE) extraPages.push(JSON.stringify(newestFirst.slice(i, i + PAGE)))
}

const heapBefore = memory()
const engine = new LogEngine('listing')
engine.reserve(N)
const loadStart = performance.now()
for (const page of mainPages) engine.append(JSON.parse(page) as EngineListingRecord[])
const loadMs = performance.now() - loadStart
const heapBytesPerRecord = Math.round((memory() - heapBefore) / N)
log(`engine loaded in ${Math.round(loadMs)} ms, ${heapBytesPerRecord} bytes per record`)

// ---- the reference: plain objects, Array.prototype.filter, Map group-by -----------------
function referenceUnique(rows: EngineListingRecord[]) {
  const groups = new Map<string, { first: EngineListingRecord; count: number }>()
  const out: { first: EngineListingRecord; count: number }[] = []
  for (const r of rows) {
    if (r.listingProductId === null) {
      out.push({ first: r, count: 1 })
      continue
    }
    const key = `${r.listingProductId}|${r.description}`
    const group = groups.get(key)
    if (group) group.count++
    else {
      const created = { first: r, count: 1 }
      groups.set(key, created)
      out.push(created)
    }
  }
  return out
}
const SEVERITY: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 100: 5 }
function referenceGrouped(rows: EngineListingRecord[]) {
  const groups = new Map<string, { first: EngineListingRecord; members: EngineListingRecord[]; worst: number }>()
  for (const r of rows) {
    const key = `${r.listingProductId}|${r.actionId}`
    const group = groups.get(key)
    if (group) {
      group.members.push(r)
      if (SEVERITY[r.type]! > SEVERITY[group.worst]!) group.worst = r.type
    } else groups.set(key, { first: r, members: [r], worst: r.type })
  }
  return [...groups.values()]
}

/** Problems, the plain way: a Map per message shape (numbers as #) with a Set of its products. */
function referenceProblems(rows: EngineListingRecord[]) {
  const problems = new Map<
    string,
    { latest: EngineListingRecord; count: number; products: Set<number>; first: string }
  >()
  for (const r of rows) {
    const shape = r.description.replace(/\d+(?:[.,]\d+)*/g, '#')
    const problem = problems.get(shape)
    if (problem) {
      problem.count++
      problem.first = r.createDate
      if (r.listingProductId !== null) problem.products.add(r.listingProductId)
    } else
      problems.set(shape, {
        latest: r,
        count: 1,
        products: new Set(r.listingProductId === null ? [] : [r.listingProductId]),
        first: r.createDate,
      })
  }
  return [...problems.values()]
}

let sink: QueryResult | unknown = null
const drop = () => engine.dropCaches()
const extraBatches = extraPages.map((page) => JSON.parse(page) as EngineListingRecord[])
let batch = 0
// Each run a full pass: the engine keeps the last passes (the same query sorted again, or coming
// back to the view left last), and `drop` forgets them.
const engineRuns: [string, () => unknown, (() => void)?][] = [
  ['unique-collapse', () => engine.query({ unique: true }), drop],
  ['filter-type-unique', () => engine.query({ unique: true, filter: { types: [4] } }), drop],
  ['filter-text', () => engine.query({ filter: { message: 'revised' } }), drop],
  ['grouped-view', () => engine.query({ view: 'grouped' }), drop],
  ['sort-product', () => engine.query({ sort: { field: 'productTitle', direction: 'asc' } }), drop],
  ['append-10k', () => engine.append(extraBatches[batch++]!)],
  // The Problems view: one row per message shape across products (its keys built on first use,
  // before the timed runs, like every view's). Last, so the JSON's first six entries stay as they
  // were; it runs over the records append-10k added too (N + 80,000 with 7 runs).
  ['problems-view', () => engine.query({ view: 'problems' }), drop],
  ['problems-filtered', () => engine.query({ view: 'problems', filter: { types: [4] } }), drop],
  // A sort, or coming back to the view: its pass is kept for the same filters and records.
  ['problems-resort', () => engine.query({ view: 'problems', sort: { field: 'count', direction: 'desc' } })],
]
// The Problems view's first use builds its keys (a shape per record); timed once, apart.
const firstStart = performance.now()
engine.query({ view: 'problems' })
const problemsFirstUseMs = round(performance.now() - firstStart)
log(`problems view, first use: ${problemsFirstUseMs} ms`)
const engineMs = new Map<string, number>()
for (const [name, run, before] of engineRuns)
  engineMs.set(
    name,
    timeMedian(RUNS, () => (sink = run()), before),
  )

log('building plain objects for the reference...')
const records: EngineListingRecord[] = mainPages.flatMap((page) => JSON.parse(page) as EngineListingRecord[])
const reference: EngineListingRecord[] = [...records]
const extraRecords = extraBatches[0]!
const referenceRuns: [string, () => unknown][] = [
  ['unique-collapse', () => referenceUnique(records)],
  ['filter-type-unique', () => referenceUnique(records.filter((r) => r.type === 4))],
  ['filter-text', () => records.filter((r) => r.description.toLowerCase().includes('revised'))],
  ['grouped-view', () => referenceGrouped(records)],
  [
    'sort-product',
    () =>
      [...records].sort((a, b) =>
        (a.productTitle ?? '') < (b.productTitle ?? '') ? -1 : (a.productTitle ?? '') > (b.productTitle ?? '') ? 1 : 0,
      ),
  ],
  [
    'append-10k',
    () => {
      for (const r of extraRecords) reference.push(r)
    },
  ],
  // After append-10k, as the engine's: both hold the appended records too.
  ['problems-view', () => referenceProblems(reference)],
  ['problems-filtered', () => referenceProblems(reference.filter((r) => r.type === 4))],
  ['problems-resort', () => referenceProblems(reference).sort((a, b) => b.count - a.count)],
]
const results = referenceRuns.map(([name, run]) => {
  const referenceMedianMs = timeMedian(RUNS, () => (sink = run()))
  const medianMs = engineMs.get(name)!
  log(
    `${name.padEnd(20)} engine ${String(medianMs).padStart(9)} ms   reference ${String(referenceMedianMs).padStart(9)} ms   ${round(referenceMedianMs / medianMs, 1)}x`,
  )
  return { name, medianMs, referenceMedianMs }
})
void sink

console.log(JSON.stringify({ records: N, heapBytesPerRecord, problemsFirstUseMs, results }))
