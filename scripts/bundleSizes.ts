// Gzip sizes (level 9) of what a browser downloads, per file, as it downloads them.
// `npm run build` prints them; `npm run bench` puts them in its JSON.
//
// Both builds split code. What counts against the budget is the JavaScript a log page needs
// before its first rows: the entry, the log page's route chunk, and every chunk they import
// statically. Chunks loaded later are reported apart:
// - deferred: loaded by the log page right after its first rows, with no action (the chart);
// - on demand: loaded when the merchant asks (details drawer, dialogs, CSV export, other pages).
import { readFileSync, readdirSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

/**
 * Chunks the log page imports lazily but always, around its first rows: the chart, its date
 * maths and the date picker.
 */
const DEFERRED = /^(VolumeChart|DateRangeFilter|volumePlan|elementSelect)-/
/** The route chunk of the log pages. */
const LOG_PAGE = /^LogPage-/

function staticGraph(dir: string, start: string, into: Set<string>) {
  if (into.has(start)) return
  into.add(start)
  const code = readFileSync(join(dir, start), 'utf8')
  // `import{a}from"./x.js"` and `import"./x.js"`; `import("./x.js")` is lazy.
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+\.js)["']/g)) {
    staticGraph(dir, posix.join(posix.dirname(start), match[1]!), into)
  }
}

interface Split {
  firstRows: number
  deferred: number
  onDemand: number
  files: { firstRows: string[]; deferred: string[] }
}

function split(dir: string, entry: string, chunkDir: string): Split {
  const all = readdirSync(join(dir, chunkDir))
    .filter((f) => f.endsWith('.js'))
    .map((f) => posix.join(chunkDir, f))
  const logPage = all.find((f) => LOG_PAGE.test(posix.basename(f)))
  const first = new Set<string>()
  staticGraph(dir, entry, first)
  if (logPage) staticGraph(dir, logPage, first)
  const deferred = new Set<string>()
  for (const f of all) if (DEFERRED.test(posix.basename(f)) && !first.has(f)) staticGraph(dir, f, deferred)
  for (const f of first) deferred.delete(f)
  const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + gzip(join(dir, f)), 0)
  const onDemand = all.filter((f) => !first.has(f) && !deferred.has(f))
  return {
    firstRows: sum(first),
    deferred: sum(deferred),
    onDemand: sum(onDemand),
    files: { firstRows: [...first], deferred: [...deferred] },
  }
}

export function bundleSizes(root = '.') {
  const dist = join(root, 'dist')
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const entry = /<script[^>]*type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1]
  if (!entry) throw new Error('dist/index.html has no module script')
  const embedDir = join(dist, 'embed')
  const embed = split(embedDir, 'tts-logs.js', 'chunks')
  const standalone = split(dist, entry, 'assets')
  return {
    /** Embed (ES module): the JavaScript before a log page's first rows. */
    embedJsGzipBytes: embed.firstRows,
    embedCssGzipBytes: gzip(join(embedDir, 'tts-logs.css')),
    /** Standalone preview: the same, from dist/index.html. */
    standaloneJsGzipBytes: standalone.firstRows,
    embedJsDeferredGzipBytes: embed.deferred,
    embedJsOnDemandGzipBytes: embed.onDemand,
    /** The one-file IIFE build: everything in one script. */
    embedIifeGzipBytes: gzip(join(embedDir, 'tts-logs.iife.js')),
    standaloneJsDeferredGzipBytes: standalone.deferred,
    standaloneJsOnDemandGzipBytes: standalone.onDemand,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(6)} KB`
  const sizes = bundleSizes()
  console.log('gzip sizes (budget: 200 KB of JavaScript before the first rows):')
  console.log(`  embed, to first rows        ${kb(sizes.embedJsGzipBytes)}`)
  console.log(`  embed, deferred            ${kb(sizes.embedJsDeferredGzipBytes)}`)
  console.log(`  embed, on demand            ${kb(sizes.embedJsOnDemandGzipBytes)}`)
  console.log(`  embed CSS                   ${kb(sizes.embedCssGzipBytes)}`)
  console.log(`  embed IIFE (one file)       ${kb(sizes.embedIifeGzipBytes)}`)
  console.log(`  standalone, to first rows   ${kb(sizes.standaloneJsGzipBytes)}`)
  console.log(`  standalone, deferred        ${kb(sizes.standaloneJsDeferredGzipBytes)}`)
  console.log(`  standalone, on demand       ${kb(sizes.standaloneJsOnDemandGzipBytes)}`)
}
