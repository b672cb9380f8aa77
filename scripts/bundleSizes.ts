// Gzip sizes (level 9) of what a browser downloads, per file, as it downloads them.
// `npm run build` prints them and writes them into the README (one set of figures, checked
// against the build by tests/e2e/bundle.spec.ts); `npm run bench` puts them in its JSON.
//
// Both builds split code. What counts against the budget is the JavaScript a log page needs
// before its first rows: the entry (a few kilobytes that start the first request), the app's
// chunk it then loads at once (and the log page's route chunk, if it has one of its own), and
// every chunk they import statically. Chunks loaded later are reported apart:
// - deferred: loaded by the log page right after its first rows, with no action (the chart);
// - on demand: loaded when the merchant asks (details drawer, dialogs, CSV export, other pages).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

/**
 * Chunks the log page imports lazily but always, around its first rows: the chart, its date
 * maths and the date picker; and the worker that parses the stream (started with the first load,
 * it parses what comes once it runs: the first rows never wait for it).
 */
const DEFERRED = /^(VolumeChart|DateRangeFilter|volumePlan|elementParts|lines\.worker)-/
/** The app's chunk the entries load at once (src/app/standalone.ts, src/embed/mountApp.ts). */
const APP = /^(standalone|mountApp)-/
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
  const first = new Set<string>()
  staticGraph(dir, entry, first)
  for (const f of all) if (APP.test(posix.basename(f)) || LOG_PAGE.test(posix.basename(f))) staticGraph(dir, f, first)
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

/** The figures as `npm run build` prints them, and as the README's Embedding section shows them. */
export const SIZE_LINES: [label: string, key: keyof ReturnType<typeof bundleSizes>][] = [
  ['embed, to first rows', 'embedJsGzipBytes'],
  ['embed, deferred', 'embedJsDeferredGzipBytes'],
  ['embed, on demand', 'embedJsOnDemandGzipBytes'],
  ['embed CSS', 'embedCssGzipBytes'],
  ['embed IIFE (one file)', 'embedIifeGzipBytes'],
  ['standalone, to first rows', 'standaloneJsGzipBytes'],
  ['standalone, deferred', 'standaloneJsDeferredGzipBytes'],
  ['standalone, on demand', 'standaloneJsOnDemandGzipBytes'],
]

export function formatSizes(sizes: ReturnType<typeof bundleSizes>): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(6)} KB`
  return [
    'gzip sizes (target: 100 KB of JavaScript before the first rows):',
    ...SIZE_LINES.map(([label, key]) => `  ${label.padEnd(27)}${kb(sizes[key])}`),
  ].join('\n')
}

/** The README's copy of the figures sits between these, in a code block; the build rewrites it. */
export const README_SIZES = /(<!-- sizes: written by npm run build -->\n```\n)[\s\S]*?(\n```)/

/** The figures in the README's Embedding section, by label (KB). */
export function readmeSizes(readme: string): Map<string, number> {
  const block = README_SIZES.exec(readme)?.[0] ?? ''
  return new Map([...block.matchAll(/^ {2}(.+?)\s+([\d.]+) KB$/gm)].map((m) => [m[1]!, Number(m[2])]))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const printed = formatSizes(bundleSizes())
  console.log(printed)
  if (process.argv.includes('--write-readme')) {
    const readme = readFileSync('README.md', 'utf8')
    if (!README_SIZES.test(readme)) throw new Error('README.md has no sizes block to write')
    writeFileSync(
      'README.md',
      readme.replace(README_SIZES, (_, head: string, tail: string) => head + printed + tail),
    )
    console.log('README.md: the Embedding section shows these figures')
  }
}
