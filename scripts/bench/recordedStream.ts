// The app's load with the server's work taken out: a stand-in server between the page and the
// preview server. The first streamed read of the listing log it sees (a load of the page's own,
// the bench's uncounted warm-up) goes to the preview server, and the stand-in keeps the answer as
// it came over the wire (gzipped). Later loads asking the same are answered from it; every other
// request goes to the preview server. On this 2-core machine the preview server reads SQLite and
// encodes the stream on the browser's cores; what the stand-in serves costs it next to nothing,
// so a load through it measures the page's own work. That is a lower bound of a load where the
// server is another machine: the stand-in is on loopback, with the whole answer at hand.
import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedStream {
  /** The stand-in's origin (open the app's pages under it). */
  url: string
  /** Resolves once the first streamed read is recorded whole (rejects if it failed). */
  recorded: Promise<{ path: string; bytes: number }>
  /** Loads answered from the recording so far. */
  hits(): number
  /** Streamed reads of the log that the recording did not answer (another query, a resumption). */
  misses(): number
  stop(): Promise<void>
}

const LOG_PATH = '/api/v1/logs/listing'
/** How long the preview server may take to send the first read whole. */
const RECORD_TIMEOUT_MS = 600_000

/** A streamed read of the listing log: its path with `format=columns-stream`. */
function isStreamRead(url: string): boolean {
  const parsed = new URL(url, 'http://stand-in')
  return parsed.pathname === LOG_PATH && parsed.searchParams.get('format') === 'columns-stream'
}

/** Serves as the preview server at `upstream` does, its listing log's stream from a recording (above). */
export async function serveRecordedStream(upstream: string): Promise<RecordedStream> {
  const upstreamUrl = new URL(upstream)
  // Connections of its own, closed on stop: a read the page gave up on leaves no stream open in
  // the preview server (whose limiter would answer later loads with 429).
  const agent = new Agent({ keepAlive: false })
  let recording: { path: string; headers: IncomingHttpHeaders; body: Buffer } | null = null
  let recordingStarted = false
  let hits = 0
  let misses = 0
  let settle: { done(value: { path: string; bytes: number }): void; fail(error: Error): void } | null = null
  const recorded = new Promise<{ path: string; bytes: number }>((done, fail) => (settle = { done, fail }))
  recorded.catch(() => {})
  const timer = setTimeout(
    () => settle?.fail(new Error(`no streamed read recorded within ${RECORD_TIMEOUT_MS / 1000} s`)),
    RECORD_TIMEOUT_MS,
  )
  timer.unref()

  /** Keeps the whole answer, as sent, even when the page stops reading it first. */
  function record(path: string, answer: IncomingMessage) {
    const chunks: Buffer[] = []
    answer.on('data', (chunk: Buffer) => chunks.push(chunk))
    answer.on('end', () => {
      if (answer.statusCode !== 200) {
        settle?.fail(new Error(`the first streamed read answered HTTP ${answer.statusCode}`))
        return
      }
      recording = { path, headers: answer.headers, body: Buffer.concat(chunks) }
      clearTimeout(timer)
      settle?.done({ path, bytes: recording.body.length })
    })
    answer.on('error', (error) => settle?.fail(error))
  }

  function serveRecording(res: ServerResponse, body: Buffer, headers: IncomingHttpHeaders) {
    hits++
    res.writeHead(200, {
      'content-type': headers['content-type'] ?? 'application/x-ndjson',
      'content-encoding': headers['content-encoding'] ?? 'identity',
      'cache-control': 'no-store',
    })
    let offset = 0
    const write = () => {
      while (offset < body.length) {
        const slice = body.subarray(offset, offset + 64 * 1024)
        offset += slice.length
        if (!res.write(slice)) return void res.once('drain', write)
      }
      res.end()
    }
    res.on('close', () => (offset = body.length))
    write()
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const streamRead = req.method === 'GET' && isStreamRead(url)
    if (streamRead && recording && url === recording.path) {
      // The recording is gzipped: a page that does not accept gzip would get bytes it cannot read.
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'])))
        return serveRecording(res, recording.body, recording.headers)
    }
    const first = streamRead && !recordingStarted && !new URL(url, 'http://stand-in').searchParams.has('cursor')
    if (first) recordingStarted = true
    else if (streamRead) misses++
    const headers = { ...req.headers, host: upstreamUrl.host }
    if (headers.origin) headers.origin = upstreamUrl.origin
    const pass = request(
      { host: upstreamUrl.hostname, port: upstreamUrl.port, path: url, method: req.method, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.on('error', () => res.destroy())
        if (!first) return void answer.pipe(res)
        // Read whole whatever the page does (a pipe would stop with the page gone).
        record(url, answer)
        answer.on('data', (chunk: Buffer) => void (res.destroyed || res.write(chunk)))
        answer.on('end', () => res.end())
      },
    )
    pass.on('error', (error) => {
      if (first) settle?.fail(error)
      if (res.headersSent) res.destroy()
      else res.writeHead(502, { 'content-type': 'text/plain' }).end(`stand-in: ${error.message}`)
    })
    req.on('error', () => pass.destroy())
    // The page gone: the preview server's answer is dropped, but for the read being recorded.
    res.on('close', () => {
      if (!first && !res.writableFinished) pass.destroy()
    })
    req.pipe(pass)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  let stopped: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}`,
    recorded,
    hits: () => hits,
    misses: () => misses,
    stop: () =>
      (stopped ??= new Promise<void>((done) => {
        clearTimeout(timer)
        settle?.fail(new Error('stopped before a streamed read was recorded'))
        recording = null
        server.closeAllConnections()
        agent.destroy()
        server.close(() => done())
      })),
  }
}
