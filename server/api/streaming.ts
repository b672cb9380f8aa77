/** Whole-log loads in one streamed response (`format=columns-stream`). */
import { once } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TransformOptions, Writable } from 'node:stream'
import { constants as zlibConstants, createGzip, type ZlibOptions } from 'node:zlib'
import { STREAM_CHUNK, STREAM_CONTENT_TYPE, type ColumnsPageBody, type StreamEnd } from '../../src/api/columns.ts'
import type { LogKindName } from '../../src/api/schemas.ts'
import type { Seek } from '../store.ts'
import { columnsPage, decodeCursor, readColumns, type ColumnReads } from './cursor.ts'

/** A log query as the stream reads it (the API's list plan). */
export interface StreamPlan extends ColumnReads {
  query: { limit: number }
  /** Where the request's cursor points, or null for the newest record. */
  start: Seek | null
  count(): Promise<number>
}

/** How long a stream cut by an injected fault stays open after its last bytes. */
const STREAM_DROP_AFTER_MS = 1000

/**
 * Level 1: a fifth of the bytes already, and quick enough to keep up with the reads. A line (about
 * 300 KB in, 70 KB out) fits its buffers, so gzip takes it whole and compresses it in zlib's
 * thread while this one reads the next. (Zlib streams pass stream options on; the types do not say
 * so.)
 */
const GZIP_OPTIONS: ZlibOptions & TransformOptions = { level: 1, chunkSize: 128 * 1024, writableHighWaterMark: 1 << 20 }

/** What an injected fault does to a streamed response (see Fault). */
export interface StreamFault {
  dropAfterChunks?: number
  malformedChunk?: number
  lineDelayMs?: number
}

/**
 * `format=columns-stream`: the whole log from the cursor on, in one response. One query per line
 * (no statement stays open between them, so writes are never blocked by a slow reader), written
 * as the client takes them (backpressure), gzipped and flushed line by line.
 */
export async function streamLogs(
  kind: LogKindName,
  plan: StreamPlan,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
  fault: StreamFault | null,
  stats: { waiting: number },
) {
  let limit = plan.query.limit
  // The first rows are read before the head is sent: a database that is down gets its own
  // error status (503, saying so), not a 200 cut short.
  const firstPage = await readColumns(plan, plan.start, limit)
  const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  res.writeHead(200, {
    'Content-Type': `${STREAM_CONTENT_TYPE}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(accepts && { 'Content-Encoding': 'gzip' }),
    ...headers,
  })
  // A client that goes away (a closed tab, a navigation) must end the stream at once: whatever
  // it waits on (the socket draining, gzip flushing into a socket no longer read) would never
  // come, and the stream would hold its slot in the limiter for good.
  let closed = false
  let onClose: () => void = () => {}
  const gone = new Promise<void>((resolve) => (onClose = resolve))
  res.once('close', () => {
    closed = true
    onClose()
  })
  const gzip = accepts ? createGzip(GZIP_OPTIONS) : null
  gzip?.pipe(res)
  res.once('close', () => gzip?.destroy())
  const out: Writable = gzip ?? res
  /** Waits on the client (for as long as it does not read, the stream holds its slot) or its going. */
  const waitOn = async (event: Promise<unknown>) => {
    stats.waiting++
    await Promise.race([event, gone])
    stats.waiting--
  }
  // The line before's flush, still under way in zlib's thread while this thread reads the next.
  let flushing: Promise<void> | null = null
  /** Writes a line; `now`: and waits until gzip has let it go (the first rows), not only queued it. */
  const write = async (text: string, now = false) => {
    if (closed) return
    // Lines leave in order, and at most one waits in gzip.
    if (flushing) await waitOn(flushing)
    flushing = null
    if (!out.write(text)) await waitOn(once(out, 'drain').catch(() => {}))
    // The line leaves as soon as it is compressed, not when gzip's buffer fills. Compressing runs
    // in zlib's thread while this one reads and encodes the next line.
    if (gzip && !closed) {
      flushing = new Promise<void>((resolve) => gzip.flush(zlibConstants.Z_SYNC_FLUSH, () => resolve()))
      if (now) await waitOn(flushing)
    }
  }
  let after = plan.start
  let sent = 0
  let lines = 0
  for (let chunk = 0; !closed; chunk++) {
    if (chunk > 0 && fault?.lineDelayMs) await new Promise((resolve) => setTimeout(resolve, fault.lineDelayMs))
    let read = firstPage
    if (chunk > 0) {
      try {
        read = await readColumns(plan, after, limit)
      } catch (error) {
        // The line before is still in gzip: it leaves before the stream is cut, so the client
        // resumes after it (every whole line it has is one it need not ask for again).
        if (flushing) await waitOn(flushing)
        throw error
      }
    }
    const { columns, hasMore } = read
    const page: ColumnsPageBody = columnsPage(kind, plan, columns, hasMore)
    // The count waits until the first rows are on their way: the client needs it only to
    // reserve room, and at a million records it takes a while.
    if (chunk === 1 && plan.start === null) page.totalEstimate = await plan.count()
    let line = `${JSON.stringify(page)}\n`
    if (fault?.malformedChunk === chunk) line = `${line.slice(0, line.length >> 1)}#${line.slice(line.length >> 1)}`
    if (fault?.dropAfterChunks === chunk) {
      // Half a line, then the connection goes: a second later, so the whole lines before it have
      // been read (a browser drops what it received but had not read yet when a stream fails).
      await write(line.slice(0, line.length >> 1), true)
      await new Promise((resolve) => setTimeout(resolve, STREAM_DROP_AFTER_MS))
      req.socket.destroy()
      return
    }
    await write(line, chunk === 0)
    lines++
    sent += page.count
    if (!page.nextCursor) break
    after = decodeCursor(page.nextCursor)
    limit = STREAM_CHUNK
    // Other requests (live refresh, another tab) get their turn between lines.
    await new Promise((resolve) => setImmediate(resolve))
  }
  if (closed) return
  const end: StreamEnd = { end: true, count: sent }
  const endLine = `${JSON.stringify(end)}\n`
  if (fault?.dropAfterChunks !== undefined && fault.dropAfterChunks >= lines) {
    // Cut after every line but the end line.
    await write(endLine.slice(0, endLine.length >> 1), true)
    await new Promise((resolve) => setTimeout(resolve, STREAM_DROP_AFTER_MS))
    req.socket.destroy()
    return
  }
  out.end(endLine)
}
