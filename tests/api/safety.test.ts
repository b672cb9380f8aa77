// @vitest-environment node
/**
 * The standalone API server is a guest on a developer's machine, in front of a store's data:
 * it answers only to its own address (DNS rebinding), and changes nothing for a foreign page.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STORES, startTestServer, type TestServer } from './testServer.ts'

/** A raw request, with the headers a browser (or an attacker's page) would send. */
function raw(server: TestServer, method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: { error?: string; details?: { field: string; message: string }[] } }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method, path: `/api/v1${path}`, headers }, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as never }))
      })
      req.on('error', reject)
      req.end()
    },
  )
}

describe.each(STORES)('foreign hosts and origins, %s store', (store) => {
  let server: TestServer
  const origin = 'https://admin.example.com'

  beforeAll(async () => {
    server = await startTestServer({ listing: 50, order: 20, synchronization: 20 }, { store, cors: origin })
  })
  afterAll(() => server.stop())

  it('answers to its own address and to localhost', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      expect((await raw(server, 'GET', '/meta', { Host: host })).status).toBe(200)
    }
  })

  it('refuses a Host that is not its own (DNS rebinding), naming it', async () => {
    const before = server.snapshot()
    for (const [method, path] of [
      ['GET', '/logs/listing'],
      ['DELETE', '/logs/synchronization'],
    ] as const) {
      const { status, body } = await raw(server, method, path, { Host: `attacker.example:${server.port}` })
      expect(status).toBe(403)
      expect(body.details![0]).toMatchObject({ field: 'Host', message: expect.stringContaining('attacker.example') })
      // It is not told which addresses are served.
      expect(body.details![0]!.message).not.toMatch(/localhost|127\.0\.0\.1/)
    }
    expect(server.snapshot()).toBe(before)
  })

  it('refuses a change from a foreign Origin, and lets that page read only what CORS allows', async () => {
    const before = server.snapshot()
    const host = { Host: `127.0.0.1:${server.port}` }
    for (const method of ['DELETE', 'PUT', 'POST']) {
      const path =
        method === 'DELETE' ? '/logs/synchronization' : method === 'PUT' ? '/settings/logs-clearing' : '/logs/listing'
      const { status, body } = await raw(server, method, path, { ...host, Origin: 'https://attacker.example' })
      expect(status).toBe(403)
      expect(body.details![0]).toMatchObject({ field: 'Origin', message: expect.stringContaining('attacker.example') })
    }
    expect(server.snapshot()).toBe(before)
    // A read carries no risk of its own: the browser shows it to the page only if CORS says so.
    expect((await raw(server, 'GET', '/meta', { ...host, Origin: 'https://attacker.example' })).status).toBe(200)
  })

  it('accepts a change from its own pages and from the CORS origin it was given', async () => {
    const host = { Host: `127.0.0.1:${server.port}` }
    const own = await raw(server, 'DELETE', '/logs/synchronization', {
      ...host,
      Origin: `http://127.0.0.1:${server.port}`,
    })
    expect(own.status).toBe(200)
    const admin = await raw(server, 'DELETE', '/logs/synchronization', { ...host, Origin: origin })
    expect(admin.status).toBe(200)
  })
})
