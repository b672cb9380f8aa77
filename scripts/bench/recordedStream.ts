// The app's load with the server's work taken out: a stand-in server that answers the log's
// streamed read with the bytes the preview server sent for it before (recorded once, gzipped as
// sent), and passes every other request to the preview server. On this 2-core machine the
// preview server reads SQLite and encodes the stream on the same cores as the browser; what the
// stand-in serves costs it next to nothing, so a load through it measures the page's own work,
// as where the server is another machine.
import { request, createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedStream {
  /** The stand-in's origin (open the app's pages under it). */
  url: string
  /** The recorded response's size on the wire, bytes. */
  bytes: number
  /** How often the recording was served (a load whose read did not match goes to the server). */
  hits(): number
  stop(): Promise<void>
}

/** A GET of `path` from `origin`, answered whole as it came over the wire (not decompressed). */
function record(origin: string, path: string): Promise<{ headers: IncomingHttpHeaders; chunks: Buffer[] }> {
  return new Promise((done, fail) => {
    const req = request(`${origin}${path}`, { headers: { 'accept-encoding': 'gzip' } }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        res.resume()
        fail(new Error(`recording ${path}: HTTP ${res.statusCode}`))
        return
      }
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done({ headers: res.headers, chunks }))
      res.on('error', fail)
    })
    req.on('error', fail)
    req.end()
  })
}

/**
 * Records `streamPath` (the page's first streamed read, exactly as it asks for it) from the
 * server at `upstream`, then serves it from memory in 64 KB writes, as fast as the page takes
 * them; everything else is passed to `upstream`, with its Host and Origin as its own pages send.
 */
export async function serveRecordedStream(upstream: string, streamPath: string): Promise<RecordedStream> {
  const { headers, chunks } = await record(upstream, streamPath)
  const body = Buffer.concat(chunks)
  const upstreamUrl = new URL(upstream)
  let hits = 0
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === streamPath && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
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
      return
    }
    const forwarded = { ...req.headers, host: upstreamUrl.host }
    if (forwarded.origin) forwarded.origin = upstreamUrl.origin
    const pass = request(
      { host: upstreamUrl.hostname, port: upstreamUrl.port, path: req.url, method: req.method, headers: forwarded },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    pass.on('error', () => res.destroy())
    req.pipe(pass)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: body.length,
    hits: () => hits,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
