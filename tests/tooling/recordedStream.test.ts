// @vitest-environment node
/**
 * The bench's stand-in server (scripts/bench/recordedStream.ts): what it records, what it answers
 * from the recording and what it passes on, against a real upstream on loopback. The bench's
 * `recordedStream` figures are only honest if a load through it read the log from the recording.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { serveRecordedStream, type RecordedStream } from '../../scripts/bench/recordedStream.ts'

const STREAM = '/api/v1/logs/listing?limit=1000&format=columns-stream'
/** Lines that do not compress away (about 700 KB gzipped): a reader gone half way is a real case. */
const BODY = gzipSync(
  Buffer.from(Array.from({ length: 20_000 }, () => `{"line":"${randomBytes(32).toString('hex')}"}\n`).join('')),
)

interface Upstream {
  url: string
  seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[]
  server: Server
}

/** Holds the second half of each streamed answer (released at once but in the first test). */
let upstreamRelease: Promise<void> = Promise.resolve()

/** The preview server's stand-in's stand-in: the stream gzipped, anything else echoed. */
async function startUpstream(): Promise<Upstream> {
  const seen: Upstream['seen'] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body })
      if (req.url!.includes('format=columns-stream')) {
        res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' })
        // In pieces, as a stream comes: the first half, then the rest once released.
        const half = Math.floor(BODY.length / 2)
        res.write(BODY.subarray(0, half))
        void upstreamRelease.then(() => res.end(BODY.subarray(half)))
      } else res.writeHead(200, { 'content-type': 'text/plain' }).end(`echo ${req.method} ${req.url} ${body}`)
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server }
}

/** A request to `base`: status, headers and the body's bytes; `stopAfter` bytes, then it hangs up. */
function get(
  base: string,
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; stopAfter?: number } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request(
      `${base}${path}`,
      { method: options.method ?? 'GET', headers: { 'accept-encoding': 'gzip', ...options.headers } },
      (res) => {
        const chunks: Buffer[] = []
        let bytes = 0
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
          bytes += chunk.length
          if (options.stopAfter !== undefined && bytes >= options.stopAfter) {
            req.destroy()
            done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })
          }
        })
        res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      },
    )
    req.on('error', fail)
    req.end(options.body)
  })
}

const opened: { standIn?: RecordedStream; upstream?: Upstream } = {}
afterEach(async () => {
  upstreamRelease = Promise.resolve()
  await opened.standIn?.stop()
  opened.upstream?.server.closeAllConnections()
  await new Promise((done) => opened.upstream?.server.close(done) ?? done(null))
})

async function start() {
  const upstream = (opened.upstream = await startUpstream())
  const standIn = (opened.standIn = await serveRecordedStream(upstream.url))
  return { upstream, standIn }
}

describe('the bench stand-in server (scripts/bench/recordedStream.ts)', () => {
  it('records the first streamed read whole, even when its reader hangs up, and answers the same read from it', async () => {
    const { upstream, standIn } = await start()
    let release = () => {}
    upstreamRelease = new Promise<void>((done) => (release = done))
    // The first read goes to the server; its reader hangs up in the first half, before the server
    // has sent the rest. (The pause only gives a stand-in that wrongly dropped the server's answer
    // with its reader the time to do so: a whole recording does not depend on it.)
    const first = await get(standIn.url, STREAM, { stopAfter: 60_000 })
    expect(first.status).toBe(200)
    expect(first.body.length).toBeLessThan(BODY.length / 2)
    await new Promise((done) => setTimeout(done, 100))
    release()
    const { path, bytes } = await standIn.recorded
    expect(path).toBe(STREAM)
    expect(bytes).toBe(BODY.length)
    expect(upstream.seen.filter((r) => r.url === STREAM)).toHaveLength(1)

    // Then the same read, twice: from the recording, byte for byte, the server not asked.
    for (let k = 1; k <= 2; k++) {
      const again = await get(standIn.url, STREAM)
      expect(again.headers['content-encoding']).toBe('gzip')
      expect(again.headers['content-type']).toBe('application/x-ndjson')
      expect(gunzipSync(again.body).equals(gunzipSync(BODY))).toBe(true)
      expect(standIn.hits()).toBe(k)
    }
    expect(upstream.seen.filter((r) => r.url === STREAM)).toHaveLength(1)
    expect(standIn.misses()).toBe(0)
  })

  it('counts as a miss every streamed read the recording does not answer: another query, a resumption, no gzip', async () => {
    const { upstream, standIn } = await start()
    await get(standIn.url, STREAM)
    await standIn.recorded
    await get(standIn.url, '/api/v1/logs/listing?format=columns-stream&limit=1000')
    await get(standIn.url, `${STREAM}&cursor=abc`)
    await get(standIn.url, STREAM, { headers: { 'accept-encoding': 'identity' } })
    expect(standIn.misses()).toBe(3)
    expect(standIn.hits()).toBe(0)
    // Each went to the server.
    expect(upstream.seen.filter((r) => r.url.includes('format=columns-stream'))).toHaveLength(4)
  })

  it('passes every other request to the server, with its body, as its own pages send it (Host, Origin)', async () => {
    const { upstream, standIn } = await start()
    const meta = await get(standIn.url, '/api/v1/meta')
    expect(meta.body.toString()).toBe('echo GET /api/v1/meta ')
    const post = await get(standIn.url, '/api/v1/visits', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json', origin: standIn.url },
    })
    expect(post.body.toString()).toBe('echo POST /api/v1/visits {"a":1}')
    const sent = upstream.seen.find((r) => r.method === 'POST')!
    expect(sent.headers.host).toBe(new URL(upstream.url).host)
    expect(sent.headers.origin).toBe(upstream.url)
    expect(standIn.hits() + standIn.misses()).toBe(0)
  })

  it('says why when the first read fails, and answers the page with a 502 when the server is gone', async () => {
    const { upstream, standIn } = await start()
    upstream.server.closeAllConnections()
    await new Promise((done) => upstream.server.close(done))
    const answer = await get(standIn.url, STREAM)
    expect(answer.status).toBe(502)
    expect(answer.body.toString()).toMatch(/^stand-in: /)
    await expect(standIn.recorded).rejects.toThrow()
  })
})
