/**
 * The preview backend's HTTP API (`/api/v1`), as a connect-style handler: Vite's dev and preview
 * servers mount it as middleware, `npm run api` serves it alone. Every request is validated with
 * the shared schemas; every bad request gets a 4xx with `{ error, details }`, never a 500.
 */
import { once } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Writable } from 'node:stream'
import { constants as zlibConstants, createGzip, gzipSync } from 'node:zlib'
import { z } from 'zod'
import {
  LogKindSchema,
  LogQuerySchema,
  LogSummaryQuerySchema,
  LogsClearingSettingsSchema,
  PostLogsBodySchema,
  issuesToDetails,
  type ApiErrorBody,
  type LogKindName,
} from '../src/api/schemas.ts'
import {
  encodeColumns,
  STREAM_CHUNK,
  STREAM_CONTENT_TYPE,
  type ColumnsPageBody,
  type StreamEnd,
} from '../src/api/columns.ts'
import { NARROWING_FIELDS, type NarrowingField } from '../src/api/fields.ts'
import { AuthError, OPEN, RESOURCES, accessOf, requireScope, verifyRequest, type Identity } from './auth.ts'
import { FILTER_FIELDS, StoreError, type LogFilter, type LogStore, type Seek, type StoreWrite } from './store.ts'

/** Bodies over this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024
export const API_PREFIX = '/api/v1'

export interface ApiOptions {
  /** `Access-Control-Allow-Origin` to send, e.g. `*` or `https://admin.example.com`. */
  cors?: string
  /**
   * Honour the fault-injection endpoint `/api/v1/__test/faults` (tests only; never in a real
   * deployment). @default false
   */
  testMode?: boolean
  /**
   * The Magento admin's `form_key`: when set, every `/api/v1` request must carry it as the
   * `form_key` query param (as the admin requires of every request), or gets a 403 naming
   * `form_key`. The test-mode fault endpoint is exempt. @default unset: not checked
   */
  formKey?: string
  /**
   * Host names (no port) the server answers to; a request whose `Host` header names another is
   * refused with 403 (DNS rebinding: a foreign site's name pointed at this machine). The
   * standalone server sets it; Vite's dev and preview servers check `Host` themselves.
   * @default unset: not checked
   */
  allowedHosts?: readonly string[]
  /**
   * The HS256 secret admin tokens are signed with (server/auth.ts): every `/api/v1` request then
   * needs `Authorization: Bearer <JWT>` whose scope allows it. @default unset: no authentication
   */
  authSecret?: Uint8Array
  /** Whole-log streams at once, over all admins. @default MAX_STREAMS */
  maxStreams?: number
  /** Whole-log streams at once for one admin (`sub`; not applied without tokens). @default MAX_STREAMS_PER_ADMIN */
  maxStreamsPerAdmin?: number
}

/**
 * Streamed loads at once: beyond them a load gets 429 with Retry-After, and the client waits and
 * goes on. Each stream holds a database cursor, a gzip stream and a socket's buffers, and keeps a
 * core busy encoding. With these limits and V8's heap held to 192 MB (`npm run api`), 24 loads of
 * 200,000 records at once, 8 of them slow, kept the server at 209 MB resident and `meta` at a
 * p95 of 37 ms (`npm run load:streams`; without either, 575 MB and 78 ms).
 */
export const MAX_STREAMS = 6
export const MAX_STREAMS_PER_ADMIN = 3
export const STREAM_RETRY_AFTER_S = 2

/** Counts streams under way; `enter` gives a release function, or null when over a limit. */
function streamLimiter(total: number, perAdmin: number) {
  let active = 0
  const byAdmin = new Map<string, number>()
  return {
    /** Streams under way now (the test-mode endpoint `/__test/streams` reports it). */
    get active() {
      return active
    },
    /** Of them, those waiting for their client to read (it stopped reading, or reads slowly). */
    waiting: 0,
    enter(sub: string): (() => void) | null {
      const mine = byAdmin.get(sub) ?? 0
      // Without tokens (sub ''), only the overall limit applies.
      if (active >= total || (sub !== '' && mine >= perAdmin)) return null
      active++
      byAdmin.set(sub, mine + 1)
      let released = false
      return () => {
        if (released) return
        released = true
        active--
        const left = (byAdmin.get(sub) ?? 1) - 1
        if (left > 0) byAdmin.set(sub, left)
        else byAdmin.delete(sub)
      }
    },
  }
}

/** Methods that change something: refused when they come from a foreign page (`Origin`). */
const MUTATING = new Set(['POST', 'PUT', 'DELETE', 'PATCH'])

/**
 * Why this request may not be served: a `Host` outside `allowedHosts`, or a mutating request from
 * an `Origin` that is neither this server nor the one `cors` allows. Null when it may.
 */
function foreignRequest(req: IncomingMessage, options: ApiOptions): { field: string; message: string } | null {
  const host = req.headers.host ?? ''
  if (options.allowedHosts) {
    const name = hostName(host)
    if (!options.allowedHosts.includes(name)) {
      // The addresses it does serve are for its own log, not for whoever sent a foreign Host.
      console.warn(`[preview api] refused Host "${name}": served are ${options.allowedHosts.join(', ')}`)
      return {
        field: 'Host',
        message: `"${name}" is not an address this server serves; start it with --allowed-host ${name || 'NAME'} to serve it`,
      }
    }
  }
  const origin = req.headers.origin
  if (origin === undefined || !MUTATING.has(req.method ?? 'GET')) return null
  if (origin === `http://${host}` || origin === `https://${host}`) return null
  if (options.cors !== undefined && (options.cors === '*' || options.cors === origin)) return null
  return {
    field: 'Origin',
    message: `a ${req.method} from ${origin} is refused: only this server's own pages${options.cors ? ` and ${options.cors}` : ''} may change data`,
  }
}

/** `example.com:8080` → `example.com`; `[::1]:8080` → `[::1]`. Lower case. */
function hostName(host: string): string {
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d*)?$/.exec(host.trim())
  return (match?.[1] ?? host).toLowerCase()
}

/** A fault the test mode injects into the next matching requests. */
export const FaultSchema = z.strictObject({
  /** Applies to requests whose path (after /api/v1) starts with this, e.g. `/logs/listing`. */
  path: z.string().startsWith('/'),
  /** Only requests whose query string contains this, e.g. `listingId=1`. */
  query: z.string().max(200).optional(),
  /** Only GET, POST, ... requests. @default every method */
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).optional(),
  /** Answer with this status and an error body. */
  status: z.int().min(200).max(599).optional(),
  /** Answer 200 with this raw body instead (e.g. an HTML page, broken JSON). */
  rawBody: z.string().max(2_000_000).optional(),
  /** Wait this long before answering (or before the other fault). */
  delayMs: z.int().min(0).max(120_000).optional(),
  /** Destroy the connection without an answer. */
  reset: z.boolean().optional(),
  /**
   * A streamed load (`format=columns-stream`): send this many whole lines, then half of the next
   * (the end line when there are no more), then destroy the connection (a second later).
   */
  dropAfterChunks: z.int().min(0).optional(),
  /** A streamed load: line N (from 0) is sent broken (not JSON); the lines after it are whole. */
  malformedChunk: z.int().min(0).optional(),
  /** A streamed load: wait this long before reading each line after the first (a slow database). */
  lineDelayMs: z.int().min(0).max(60_000).optional(),
  /** Skip this many matching requests before the fault starts. @default 0 */
  after: z.int().min(0).default(0),
  /** How many matching requests get it. @default 1 */
  times: z.int().min(1).max(1_000_000).default(1),
})
export type Fault = z.infer<typeof FaultSchema>
const FaultListSchema = z.strictObject({ faults: z.array(FaultSchema).max(100) })

type Next = (error?: unknown) => void

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error)
  }
}

const badRequest = (error: string, details: ApiErrorBody['details']) => new HttpError(400, { error, details })

/** Bodies at least this long are gzipped when the client accepts it (as Magento's web server does). */
const GZIP_FROM_BYTES = 1024

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  const accepts = /\bgzip\b/.test(String(res.req?.headers['accept-encoding'] ?? ''))
  const gzip = accepts && text.length >= GZIP_FROM_BYTES
  // Level 1: most of the saving at a fraction of the time of the default level.
  const payload = gzip ? gzipSync(text, { level: 1 }) : Buffer.from(text)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(gzip && { 'Content-Encoding': 'gzip' }),
    ...headers,
  })
  res.end(payload)
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_BODY_BYTES) {
      reject(tooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        failed = true
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (failed) return
      const text = Buffer.concat(chunks).toString('utf8')
      try {
        resolve(JSON.parse(text))
      } catch {
        reject(badRequest('Malformed JSON body', [{ field: '(body)', message: 'the body is not valid JSON' }]))
      }
    })
    // A body the client broke off (a reset, a request timeout) is its fault: a 400, no stack trace.
    req.on('error', () =>
      reject(badRequest('Broken body', [{ field: '(body)', message: 'the body did not arrive whole' }])),
    )
  })
}

function tooLarge() {
  // The rest of the body is not read: the connection closes after the answer.
  return new HttpError(
    413,
    { error: 'Body too large', details: [{ field: '(body)', message: `the body is over ${MAX_BODY_BYTES} bytes` }] },
    { Connection: 'close' },
  )
}

/** A path without its trailing slashes, in linear time (a regex ending in `/+$` is quadratic on `////…`). */
export function trimTrailingSlashes(path: string): string {
  let end = path.length
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--
  return path.slice(0, end)
}

function encodeCursor(createDate: number, id: number) {
  return Buffer.from(`${createDate}:${id}`).toString('base64url')
}

/** 9999-12-31T23:59:59.999Z */
const MAX_DATE_MS = 253_402_300_799_999

function decodeCursor(cursor: string): { createDate: number; id: number } {
  const match = /^(\d{1,15}):(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  // Dates past the year 9999 are not dates any store keeps.
  if (!match || Number(match[1]) > MAX_DATE_MS) {
    throw badRequest('Invalid query', [{ field: 'cursor', message: 'not a cursor this API issued' }])
  }
  return { createDate: Number(match[1]), id: Number(match[2]) }
}

function parseKind(raw: string): LogKindName {
  const parsed = LogKindSchema.safeParse(raw)
  if (!parsed.success) {
    throw new HttpError(404, {
      error: 'Unknown log',
      details: [{ field: 'kind', message: `expected one of listing, order, synchronization` }],
    })
  }
  return parsed.data
}

function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [key, value] of url.searchParams) {
    if (key in query) throw badRequest('Invalid query', [{ field: key, message: 'given more than once' }])
    query[key] = value
  }
  return query
}

/** The server-side filters of a query (validated; a filter another log lacks is refused). */
function filterOf(
  kind: LogKindName,
  query: Partial<Record<NarrowingField, number>> & {
    from?: string
    to?: string
  },
): LogFilter {
  const filter: LogFilter = {}
  for (const field of NARROWING_FIELDS) {
    const value = query[field]
    if (value === undefined) continue
    if (!FILTER_FIELDS[kind].includes(field)) {
      throw badRequest('Invalid query', [{ field, message: `not a filter of the ${kind} log` }])
    }
    filter[field] = value
  }
  if (query.from !== undefined) filter.from = Date.parse(query.from)
  if (query.to !== undefined) filter.to = Date.parse(query.to)
  return filter
}

/** `GET /logs/{kind}/summary`: its query as a store filter. */
function summaryFilter(kind: LogKindName, url: URL): LogFilter {
  const parsed = LogSummaryQuerySchema.safeParse(queryObject(url))
  if (!parsed.success) throw badRequest('Invalid query', issuesToDetails(parsed.error))
  return filterOf(kind, parsed.data)
}

/** A log query, parsed and planned: its records page by page, newest first, and their count. */
function planList(store: LogStore, kind: LogKindName, url: URL) {
  const parsed = LogQuerySchema.safeParse(queryObject(url))
  if (!parsed.success) throw badRequest('Invalid query', issuesToDetails(parsed.error))
  const query = parsed.data
  const filter = filterOf(kind, query)
  if (query.afterId !== undefined) filter.afterId = query.afterId
  const reader = store.reader(kind, filter)
  return {
    query,
    fields: reader.fields,
    /** Where the request's cursor points, or null for the newest record. */
    start: query.cursor === undefined ? null : decodeCursor(query.cursor),
    /** Records matching the filters (the cursor aside). */
    count: () => reader.count(),
    /** Up to `limit` records after `after` (null: from the newest), as raw rows (`fields` order). */
    rows: (after: Seek | null, limit: number) => reader.rows(after, limit),
  }
}
type ListPlan = ReturnType<typeof planList>

/** The cursor that resumes after the last of these rows, when there are more. */
function nextCursorOf(plan: ListPlan, rows: unknown[][], hasMore: boolean): string | null {
  const last = rows[rows.length - 1]
  if (!hasMore || !last) return null
  return encodeCursor(last[plan.fields.indexOf('createDate')] as number, last[plan.fields.indexOf('id')] as number)
}

/** A columns page of raw rows; `nextCursor` resumes after its last row when there are more. */
function columnsPage(kind: LogKindName, plan: ListPlan, rows: unknown[][], hasMore: boolean): ColumnsPageBody {
  return {
    format: 'columns',
    count: rows.length,
    columns: encodeColumns(kind, rows, plan.fields),
    nextCursor: nextCursorOf(plan, rows, hasMore),
  }
}

async function listLogs(kind: LogKindName, plan: ListPlan) {
  const { query, start } = plan
  const rows = await plan.rows(start, query.limit + 1)
  const totalEstimate = start === null ? await plan.count() : null
  const hasMore = rows.length > query.limit
  if (hasMore) rows.pop()
  // Raw rows (arrays) for the columns format: half the time of building an object per row.
  if (query.format === 'columns') return { ...columnsPage(kind, plan, rows, hasMore), totalEstimate }
  const nextCursor = nextCursorOf(plan, rows, hasMore)
  const items = rows.map((row) => {
    const item: Record<string, unknown> = {}
    plan.fields.forEach((field, i) => (item[field] = row[i]))
    item.createDate = new Date(item.createDate as number).toISOString()
    return item
  })
  return { items, nextCursor, totalEstimate }
}

/** How long a stream cut by an injected fault stays open after its last bytes. */
const STREAM_DROP_AFTER_MS = 1000

/** What an injected fault does to a streamed response (see Fault). */
interface StreamFault {
  dropAfterChunks?: number
  malformedChunk?: number
  lineDelayMs?: number
}

/**
 * `format=columns-stream`: the whole log from the cursor on, in one response. One query per line
 * (no statement stays open between them, so writes are never blocked by a slow reader), written
 * as the client takes them (backpressure), gzipped and flushed line by line.
 */
async function streamLogs(
  kind: LogKindName,
  plan: ListPlan,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
  fault: StreamFault | null,
  stats: { waiting: number },
) {
  let limit = plan.query.limit
  // The first rows are read before the head is sent: a database that is down gets its own
  // error status (503, saying so), not a 200 cut short.
  const firstRows = await plan.rows(plan.start, limit + 1)
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
  const gzip = accepts ? createGzip({ level: 1 }) : null
  gzip?.pipe(res)
  res.once('close', () => gzip?.destroy())
  const out: Writable = gzip ?? res
  const write = async (text: string) => {
    if (closed) return
    if (!out.write(text)) {
      stats.waiting++
      await Promise.race([once(out, 'drain').catch(() => {}), gone])
      stats.waiting--
    }
    // The line leaves now, not after the next line is read and encoded (which holds the thread).
    if (gzip && !closed)
      await Promise.race([new Promise<void>((resolve) => gzip.flush(zlibConstants.Z_SYNC_FLUSH, () => resolve())), gone])
  }
  let after = plan.start
  let sent = 0
  let lines = 0
  for (let chunk = 0; !closed; chunk++) {
    if (chunk > 0 && fault?.lineDelayMs) await new Promise((resolve) => setTimeout(resolve, fault.lineDelayMs))
    const rows = chunk === 0 ? firstRows : await plan.rows(after, limit + 1)
    const hasMore = rows.length > limit
    if (hasMore) rows.pop()
    const page: ColumnsPageBody = columnsPage(kind, plan, rows, hasMore)
    // The count waits until the first rows are on their way: the client needs it only to
    // reserve room, and at a million records it takes a while.
    if (chunk === 1 && plan.start === null) page.totalEstimate = await plan.count()
    let line = `${JSON.stringify(page)}\n`
    if (fault?.malformedChunk === chunk) line = `${line.slice(0, line.length >> 1)}#${line.slice(line.length >> 1)}`
    if (fault?.dropAfterChunks === chunk) {
      // Half a line, then the connection goes: a second later, so the whole lines before it have
      // been read (a browser drops what it received but had not read yet when a stream fails).
      await write(line.slice(0, line.length >> 1))
      await new Promise((resolve) => setTimeout(resolve, STREAM_DROP_AFTER_MS))
      req.socket.destroy()
      return
    }
    await write(line)
    lines++
    sent += rows.length
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
    await write(endLine.slice(0, endLine.length >> 1))
    await new Promise((resolve) => setTimeout(resolve, STREAM_DROP_AFTER_MS))
    req.socket.destroy()
    return
  }
  out.end(endLine)
}

interface Routed {
  status: number
  body: unknown
  /** A streamed log (`format=columns-stream`): written by streamLogs instead of `body`. */
  stream?: { kind: LogKindName; plan: ListPlan }
}

/**
 * One JSON line on the server's stdout for every write, done, refused or failed: what was asked
 * for, by whom (`sub`: the admin, once requests carry a token; null until then), how many records,
 * and when. Nothing else is written there as JSON, so a log collector can pick these out.
 */
export interface AuditLine {
  audit: 'clear-all' | 'settings'
  outcome: 'done' | 'refused' | 'failed'
  sub: string | null
  /** The log cleared, or the settings changed. */
  log?: LogKindName
  setting?: 'logs-clearing'
  /** Records deleted (Clear All done). */
  records?: number
  /** The answer's status when not done. */
  status?: number
  time: string
}

function audit(line: Omit<AuditLine, 'time' | 'sub'>, sub: string | null) {
  const entry: AuditLine = { ...line, sub, time: new Date().toISOString() }
  process.stdout.write(`${JSON.stringify(entry)}\n`)
}

/** Runs a write, auditing it whatever its outcome. */
async function audited<T>(
  identity: Identity,
  line: Omit<AuditLine, 'time' | 'sub' | 'outcome'>,
  write: () => Promise<T>,
  records?: (result: T) => number,
) {
  const sub = identity.sub || null
  try {
    const result = await write()
    audit({ ...line, outcome: 'done', ...(records && { records: records(result) }) }, sub)
    return result
  } catch (error) {
    const status =
      error instanceof HttpError || error instanceof StoreError || error instanceof AuthError ? error.status : 500
    audit({ ...line, outcome: status === 403 ? 'refused' : 'failed', status }, sub)
    throw error
  }
}

/** A 403 for a write the store refuses, saying why and how to allow it. */
function refuse(store: LogStore, write: StoreWrite, field: string) {
  const reason = store.refuses(write)
  if (reason) throw new HttpError(403, { error: 'Read-only', details: [{ field, message: reason }] })
}

/** Every log's resource: meta (accounts and shops) needs any one of them. */
const ANY_LOG = [RESOURCES.listing, RESOURCES.order, RESOURCES.synchronization]

async function route(store: LogStore, req: IncomingMessage, url: URL, identity: Identity): Promise<Routed> {
  const path = trimTrailingSlashes(url.pathname.slice(API_PREFIX.length))
  const method = req.method ?? 'GET'
  const methodNotAllowed = (allowed: string) =>
    new HttpError(
      405,
      { error: 'Method not allowed', details: [{ field: 'method', message: `allowed: ${allowed}` }] },
      { Allow: allowed },
    )

  if (path === '/meta') {
    if (method !== 'GET') throw methodNotAllowed('GET')
    requireScope(identity, ANY_LOG)
    const meta = await store.meta()
    return { status: 200, body: { ...meta, readOnly: store.refuses('clear') !== null, access: accessOf(identity) } }
  }
  if (path === '/settings/logs-clearing') {
    if (method === 'GET') {
      // The Logs Clearing page: whoever may read a log, or change the settings, may see them.
      requireScope(identity, [...ANY_LOG, RESOURCES.settings])
      return { status: 200, body: await store.settings() }
    }
    if (method === 'PUT') {
      return audited(identity, { audit: 'settings', setting: 'logs-clearing' }, async () => {
        requireScope(identity, [RESOURCES.settings])
        refuse(store, 'settings', 'settings')
        const parsed = LogsClearingSettingsSchema.safeParse(await readBody(req))
        if (!parsed.success) throw badRequest('Invalid settings', issuesToDetails(parsed.error))
        await store.saveSettings(parsed.data)
        return { status: 200, body: await store.settings() }
      })
    }
    throw methodNotAllowed('GET, PUT')
  }
  const summaryMatch = /^\/logs\/([^/]+)\/summary$/.exec(path)
  if (summaryMatch) {
    const kind = parseKind(summaryMatch[1]!)
    if (method !== 'GET') throw methodNotAllowed('GET')
    requireScope(identity, [RESOURCES[kind]])
    return { status: 200, body: await store.summary(kind, summaryFilter(kind, url)) }
  }
  const logMatch = /^\/logs\/([^/]+)$/.exec(path)
  if (logMatch) {
    const kind = parseKind(logMatch[1]!)
    // Reading a log, adding to it (the preview) and its Clear All: its own resource.
    if (method !== 'DELETE') requireScope(identity, [RESOURCES[kind]])
    if (method === 'GET') {
      const plan = planList(store, kind, url)
      if (plan.query.format === 'columns-stream') return { status: 200, body: null, stream: { kind, plan } }
      return { status: 200, body: await listLogs(kind, plan) }
    }
    if (method === 'POST') {
      refuse(store, 'post', 'method')
      const parsed = PostLogsBodySchema(kind).safeParse(await readBody(req))
      if (!parsed.success) throw badRequest('Invalid records', issuesToDetails(parsed.error))
      return { status: 201, body: { ids: await store.insert(kind, parsed.data.items as never) } }
    }
    if (method === 'DELETE') {
      if (kind === 'order') {
        throw new HttpError(
          405,
          { error: 'Method not allowed', details: [{ field: 'kind', message: 'the order log cannot be cleared' }] },
          { Allow: 'GET, POST' },
        )
      }
      const deleted = await audited(
        identity,
        { audit: 'clear-all', log: kind },
        async () => {
          requireScope(identity, [RESOURCES[kind]])
          refuse(store, 'clear', 'method')
          return store.clear(kind)
        },
        (n) => n,
      )
      return { status: 200, body: { deleted } }
    }
    throw methodNotAllowed(kind === 'order' ? 'GET, POST' : 'GET, POST, DELETE')
  }
  throw new HttpError(404, { error: 'Not found', details: [{ field: 'path', message: `no endpoint ${url.pathname}` }] })
}

/** Why the request's `form_key` is not the expected one, or null when it is. */
function checkFormKey(url: URL, expected: string): string | null {
  const given = url.searchParams.getAll('form_key')
  if (given.length === 0) return 'missing: every request needs the form_key query param'
  if (given.length > 1) return 'given more than once'
  return given[0] === expected ? null : 'does not match the session'
}

/** Builds the `/api/v1` handler. Requests outside the prefix go to `next` (or get a 404). */
export function createApiHandler(store: LogStore, options: ApiOptions = {}) {
  const corsHeaders: Record<string, string> = options.cors
    ? {
        'Access-Control-Allow-Origin': options.cors,
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, X-Requested-With, Authorization',
        'Access-Control-Allow-Credentials': options.cors === '*' ? 'false' : 'true',
        Vary: 'Origin',
      }
    : {}
  let faults: Fault[] = []
  const streams = streamLimiter(options.maxStreams ?? MAX_STREAMS, options.maxStreamsPerAdmin ?? MAX_STREAMS_PER_ADMIN)

  /**
   * Applies the first matching injected fault: `true` when it answered the request itself, the
   * fault when it changes a streamed answer, else `false`.
   */
  async function injectFault(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    search: string,
  ): Promise<boolean | StreamFault> {
    const fault = faults.find(
      (f) =>
        path.startsWith(f.path) && (!f.method || f.method === req.method) && (!f.query || search.includes(f.query)),
    )
    if (!fault) return false
    if (fault.after > 0) {
      fault.after -= 1
      return false
    }
    fault.times -= 1
    if (fault.times <= 0) faults = faults.filter((f) => f !== fault)
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault.reset) {
      req.socket.destroy()
      return true
    }
    if (fault.rawBody !== undefined) {
      res.writeHead(fault.status ?? 200, { 'Content-Type': 'text/html; charset=utf-8', ...corsHeaders })
      res.end(fault.rawBody)
      return true
    }
    if (fault.status !== undefined) {
      send(res, fault.status, { error: `Injected fault ${fault.status}`, details: [] }, corsHeaders)
      return true
    }
    if (fault.dropAfterChunks !== undefined || fault.malformedChunk !== undefined || fault.lineDelayMs !== undefined)
      return fault
    return false
  }

  async function testControl(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'DELETE') {
      faults = []
      return send(res, 200, { faults })
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'Method not allowed', details: [] })
    const parsed = FaultListSchema.safeParse(await readBody(req))
    if (!parsed.success) return send(res, 400, { error: 'Invalid faults', details: issuesToDetails(parsed.error) })
    faults = parsed.data.faults
    send(res, 200, { faults })
  }

  return (req: IncomingMessage, res: ServerResponse, next?: Next) => {
    // A request target that is no URL (`//[`, which any web page can make a browser send) is a
    // 400, never an exception out of the request handler (it ended the process).
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      if (next) return next()
      return send(res, 400, { error: 'Malformed request', details: [{ field: 'path', message: 'not a URL path' }] })
    }
    if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) {
      if (next) return next()
      return send(res, 404, { error: 'Not found', details: [{ field: 'path', message: url.pathname }] })
    }
    const foreign = foreignRequest(req, options)
    if (foreign) {
      send(res, 403, { error: `Foreign ${foreign.field.toLowerCase()} refused`, details: [foreign] }, corsHeaders)
      return
    }
    if (req.method === 'OPTIONS' && options.cors) {
      res.writeHead(204, corsHeaders)
      res.end()
      return
    }
    const path = url.pathname.slice(API_PREFIX.length)
    const formKeyProblem = options.formKey === undefined ? null : checkFormKey(url, options.formKey)
    if (formKeyProblem) {
      send(
        res,
        403,
        { error: 'Invalid form key', details: [{ field: 'form_key', message: formKeyProblem }] },
        corsHeaders,
      )
      return
    }
    // Fault injection answers only past the form key, as every other request.
    if (options.testMode && path === '/__test/streams') {
      send(res, 200, { active: streams.active, waiting: streams.waiting })
      return
    }
    if (options.testMode && path === '/__test/faults') {
      testControl(req, res).catch((error: unknown) =>
        send(res, error instanceof HttpError ? error.status : 500, { error: String(error), details: [] }),
      )
      return
    }
    const handle = async () => {
      const fault = options.testMode && faults.length > 0 ? await injectFault(req, res, path, url.search) : false
      if (fault === true) return
      const identity = options.authSecret ? await verifyRequest(req.headers.authorization, options.authSecret) : OPEN
      const { status, body, stream } = await route(store, req, url, identity)
      if (!stream) return send(res, status, body, corsHeaders)
      // Whole-log loads are bounded, overall and per admin; small requests never wait for them.
      const release = streams.enter(identity.sub)
      if (!release) {
        send(
          res,
          429,
          {
            error: 'Too many loads',
            details: [{ field: '(server)', message: `loads are bounded; try again in ${STREAM_RETRY_AFTER_S} s` }],
          },
          { ...corsHeaders, 'Retry-After': String(STREAM_RETRY_AFTER_S) },
        )
        return
      }
      try {
        await streamLogs(stream.kind, stream.plan, req, res, corsHeaders, fault || null, streams)
      } finally {
        release()
      }
    }
    handle().catch((error: unknown) => {
      // A stream that failed after its head: all the client can be told is that it was cut.
      if (res.headersSent) return void res.destroy()
      // A 413 says `Connection: close`: Node then closes the socket once the answer is out, and
      // reads no more of the body (destroying it ourselves lost the answer to a reset).
      if (error instanceof HttpError) return send(res, error.status, error.body, { ...corsHeaders, ...error.headers })
      if (error instanceof StoreError) return send(res, error.status, error.body, corsHeaders)
      if (error instanceof AuthError) {
        const body = {
          error: error.status === 401 ? 'Unauthorized' : 'Forbidden',
          details: [{ field: 'Authorization', message: error.message }],
        }
        return send(res, error.status, body, { ...corsHeaders, 'WWW-Authenticate': error.header })
      }
      if (error instanceof z.core.$ZodError)
        return send(res, 400, { error: 'Invalid request', details: issuesToDetails(error) }, corsHeaders)
      console.error('[preview api]', error)
      send(
        res,
        500,
        { error: 'Internal error', details: [{ field: '(server)', message: 'see the server log' }] },
        corsHeaders,
      )
    })
  }
}
