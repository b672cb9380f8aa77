/**
 * Many admins loading a whole log at once, some of them on slow connections, against
 * `npm run api` on loopback: `npm run load:streams -- [--records 200000] [--streams 24] [--slow 8]`.
 *
 * Starts the API server on a fresh SQLite file, then opens `--streams` streamed loads together,
 * `--slow` of them read slowly, while it asks for `meta` every 50 ms. A load answered 429 waits
 * its Retry-After and asks again, as the page does. Prints one JSON line: the server's resident
 * memory before and at most during the load, the p95 of the `meta` requests, and how many loads
 * were served whole and how many 429s were answered. Loopback only; bounded in count and time.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '200000' },
    streams: { type: 'string', default: '24' },
    slow: { type: 'string', default: '8' },
    /** The whole run stops after this long, whatever is left. */
    seconds: { type: 'string', default: '180' },
    /** The server's limit of streams at once (its default when not given). */
    'max-streams': { type: 'string' },
  },
})
const RECORDS = Number(values.records)
const STREAMS = Number(values.streams)
const SLOW = Number(values.slow)
const DEADLINE = Date.now() + Number(values.seconds) * 1000
if (![RECORDS, STREAMS, SLOW].every((n) => Number.isInteger(n) && n >= 0) || SLOW > STREAMS || STREAMS > 200) {
  throw new Error(
    '--records, --streams and --slow must be whole numbers, --slow at most --streams, --streams at most 200',
  )
}

const log = (message: string) => process.stderr.write(`${message}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const dir = mkdtempSync(join(tmpdir(), 'tts-logs-load-'))
const server = spawn(
  process.execPath,
  [
    // As `npm run api` runs it: V8's heap held to 192 MB (it grows lazily, to 575 MB resident
    // under this load without a limit, for no gain in speed).
    '--max-old-space-size=192',
    '--import',
    'tsx',
    'server/cli.ts',
    '--port',
    '0',
    '--db',
    join(dir, 'load.sqlite'),
    '--reset',
    ...(values['max-streams'] ? ['--max-streams', values['max-streams']] : []),
  ],
  {
    env: {
      ...process.env,
      PREVIEW_LISTING_LOGS: String(RECORDS),
      PREVIEW_ORDER_LOGS: '100',
      PREVIEW_SYNC_LOGS: '100',
      LOGS_AUTH_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
)
const base = await new Promise<string>((resolve, reject) => {
  let out = ''
  server.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    const match = /Preview API on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(out)
    if (match) resolve(match[1]!)
  })
  server.once('exit', (code) => reject(new Error(`the API server exited (${code})`)))
})
// Its own audit lines and the like are not this script's output.
server.stdout!.resume()

/** The server's resident memory, MB (Linux). */
const rss = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8')
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024)
}

try {
  log(`seeded ${RECORDS.toLocaleString('en')} listing records; ${STREAMS} loads at once, ${SLOW} of them slow`)
  // A first load warms the server's caches, as a page opened before would.
  await (await fetch(`${base}/api/v1/logs/listing?format=columns-stream&limit=1000`)).text()
  const rssBefore = rss()
  let rssMax = rssBefore
  let running = true
  const sampler = (async () => {
    while (running) {
      rssMax = Math.max(rssMax, rss())
      await sleep(100)
    }
  })()
  const metaTimes: number[] = []
  const prober = (async () => {
    while (running && Date.now() < DEADLINE) {
      const started = performance.now()
      await (await fetch(`${base}/api/v1/meta`)).text()
      metaTimes.push(performance.now() - started)
      await sleep(50)
    }
  })()

  let served = 0
  let whole = 0
  let refused = 0
  /** One admin's load: until it is whole, or the run's time is up. */
  async function load(slow: boolean) {
    while (Date.now() < DEADLINE) {
      const response = await fetch(`${base}/api/v1/logs/listing?format=columns-stream&limit=1000`)
      if (response.status === 429) {
        refused++
        await response.body?.cancel()
        await sleep(Number(response.headers.get('retry-after') ?? 2) * 1000)
        continue
      }
      if (!response.ok || !response.body) throw new Error(`a load failed: HTTP ${response.status}`)
      served++
      const reader = response.body.getReader()
      const decoder = new TextDecoder()
      let tail = ''
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        tail = (tail + decoder.decode(value, { stream: true })).slice(-400)
        // A slow connection: a read now and then.
        if (slow) await sleep(150)
      }
      const end = JSON.parse(tail.trim().split('\n').pop() ?? '{}') as { end?: boolean; count?: number }
      if (end.end && end.count === RECORDS) whole++
      return
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: STREAMS }, (_, k) => load(k < SLOW)))
  const seconds = (performance.now() - started) / 1000
  running = false
  await Promise.all([sampler, prober])
  metaTimes.sort((a, b) => a - b)
  const p95 = metaTimes[Math.min(metaTimes.length - 1, Math.floor(metaTimes.length * 0.95))] ?? 0
  console.log(
    JSON.stringify({
      records: RECORDS,
      streams: STREAMS,
      slow: SLOW,
      maxStreams: values['max-streams'] ? Number(values['max-streams']) : 'default',
      rssBeforeMb: rssBefore,
      rssMaxMb: rssMax,
      metaP95Ms: Math.round(p95 * 10) / 10,
      metaRequests: metaTimes.length,
      served,
      whole,
      refused429: refused,
      seconds: Math.round(seconds * 10) / 10,
    }),
  )
  if (whole !== STREAMS) process.exitCode = 1
} finally {
  server.kill()
  rmSync(dir, { recursive: true, force: true })
}
