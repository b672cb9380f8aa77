/**
 * The preview backend's HTTP API (`/api/v1`), as a connect-style handler: Vite's dev and preview
 * servers mount it as middleware, `npm run api` serves it alone. Every request is validated with
 * the shared schemas; every bad request gets a 4xx with `{ error, details }`, never a 500.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import {
  LogKindSchema,
  LogQuerySchema,
  LogSummaryQuerySchema,
  LogsClearingSettingsSchema,
  PostLogsBodySchema,
  issuesToDetails,
  type LogKindName,
} from '../src/api/schemas.ts'
import { NARROWING_FIELDS, type NarrowingField } from '../src/api/fields.ts'
import { AuthError, OPEN, RESOURCES, accessOf, requireScope, verifyRequest, type Identity } from './auth.ts'
import { FILTER_FIELDS, StoreError, type LogFilter, type LogStore, type Seek, type StoreWrite } from './store.ts'
import { audited } from './api/audit.ts'
import { columnsPage, decodeCursor, nextCursorOf, readColumns } from './api/cursor.ts'
import { createFaults } from './api/faults.ts'
import { checkFormKey, foreignRequest } from './api/hardening.ts'
import { HttpError, badRequest, readBody, send, type Next } from './api/http.ts'
import { MAX_STREAMS, MAX_STREAMS_PER_ADMIN, STREAM_RETRY_AFTER_S, streamLimiter } from './api/limiter.ts'
import { streamLogs } from './api/streaming.ts'

export type { AuditLine } from './api/audit.ts'
export { FaultSchema, type Fault } from './api/faults.ts'
export { MAX_BODY_BYTES } from './api/http.ts'
export { MAX_STREAMS, MAX_STREAMS_PER_ADMIN, STREAM_RETRY_AFTER_S } from './api/limiter.ts'

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

/** A path without its trailing slashes, in linear time (a regex ending in `/+$` is quadratic on `////…`). */
export function trimTrailingSlashes(path: string): string {
  let end = path.length
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--
  return path.slice(0, end)
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
    /** The same column by column (`fields` order), when the store reads so. */
    columns: reader.columns,
  }
}
type ListPlan = ReturnType<typeof planList>

async function listLogs(kind: LogKindName, plan: ListPlan) {
  const { query, start } = plan
  if (query.format === 'columns') {
    // Column by column where the store reads so, raw rows (arrays) otherwise: no object per row.
    const { columns, hasMore } = await readColumns(plan, start, query.limit)
    const totalEstimate = start === null ? await plan.count() : null
    return { ...columnsPage(kind, plan, columns, hasMore), totalEstimate }
  }
  const rows = await plan.rows(start, query.limit + 1)
  const totalEstimate = start === null ? await plan.count() : null
  const hasMore = rows.length > query.limit
  if (hasMore) rows.pop()
  const nextCursor = nextCursorOf(plan, rows, hasMore)
  const items = rows.map((row) => {
    const item: Record<string, unknown> = {}
    plan.fields.forEach((field, i) => (item[field] = row[i]))
    item.createDate = new Date(item.createDate as number).toISOString()
    return item
  })
  return { items, nextCursor, totalEstimate }
}

interface Routed {
  status: number
  body: unknown
  /** A streamed log (`format=columns-stream`): written by streamLogs instead of `body`. */
  stream?: { kind: LogKindName; plan: ListPlan }
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
  const faults = createFaults(corsHeaders)
  const streams = streamLimiter(options.maxStreams ?? MAX_STREAMS, options.maxStreamsPerAdmin ?? MAX_STREAMS_PER_ADMIN)

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
      faults
        .control(req, res)
        .catch((error: unknown) =>
          send(res, error instanceof HttpError ? error.status : 500, { error: String(error), details: [] }),
        )
      return
    }
    const handle = async () => {
      const fault = options.testMode && faults.pending ? await faults.inject(req, res, path, url.search) : false
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
