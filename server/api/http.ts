/** Plain HTTP for the preview API: JSON answers (gzipped when worth it), bounded bodies, 4xx errors. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import type { ApiErrorBody } from '../../src/api/schemas.ts'

/** Bodies over this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024

export type Next = (error?: unknown) => void

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error)
  }
}

export const badRequest = (error: string, details: ApiErrorBody['details']) => new HttpError(400, { error, details })

/** Bodies at least this long are gzipped when the client accepts it (as Magento's web server does). */
const GZIP_FROM_BYTES = 1024

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
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

export function readBody(req: IncomingMessage): Promise<unknown> {
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
