// @vitest-environment node
/**
 * Who may read: with a secret, every /api/v1 request needs the admin's bearer token (HS256,
 * audience tts-logs, sub, exp) whose scope (M2E's ACL resources) allows it. The PHP that mints
 * the token is the one in docs/embedding.md, run as it stands.
 */
import { spawnSync } from 'node:child_process'
import { request as httpRequest, type ClientRequest } from 'node:http'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { RESOURCES } from '../../server/auth.ts'
import { startApiServer, type RunningApiServer } from '../../server/server.ts'

const SECRET = 'a-secret-of-at-least-thirty-two-bytes-0123456789'
const KEY = new TextEncoder().encode(SECRET)
const ALL = Object.values(RESOURCES)
let server: RunningApiServer

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tts-logs-auth-'))
  server = await startApiServer({
    dbFile: join(dir, 'test.sqlite'),
    seed: { listing: 300, order: 50, synchronization: 40 },
    authSecret: KEY,
  })
})
afterAll(() => server.close())

interface Claims {
  sub?: string
  aud?: string
  scope?: string
  /** Seconds from now; negative: in the past. */
  expiresIn?: number
  alg?: string
  key?: Uint8Array
}

async function token({
  sub = 'admin-7',
  aud = 'tts-logs',
  scope = ALL.join(' '),
  expiresIn = 300,
  alg = 'HS256',
  key = KEY,
}: Claims = {}) {
  const now = Math.floor(Date.now() / 1000)
  const jwt = new SignJWT({ scope })
    .setProtectedHeader({ alg })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
  if (sub) jwt.setSubject(sub)
  if (aud) jwt.setAudience(aud)
  return jwt.sign(key)
}

async function call(path: string, bearer?: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...(bearer !== undefined && { Authorization: bearer }) },
  })
  return { status: response.status, challenge: response.headers.get('www-authenticate'), body: await response.json() }
}

/** An unsigned token (`alg: none`), as an attacker sends it. */
function unsigned() {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: 'tts-logs', sub: 'admin-7', exp: now + 300, scope: ALL.join(' ') })}.`
}

describe('bearer tokens on every /api/v1 request', () => {
  it('refuses a request without a token: 401 with the realm, no error code', async () => {
    const { status, challenge } = await call('/meta')
    expect(status).toBe(401)
    expect(challenge).toBe('Bearer realm="tts-logs"')
  })

  it('refuses a token that is malformed, expired, wrongly signed, of another alg (none too) or audience, or without sub', async () => {
    const bad: [string, string][] = [
      ['malformed', 'Bearer not-a-jwt'],
      ['not bearer', `Basic ${await token()}`],
      ['expired', `Bearer ${await token({ expiresIn: -120 })}`],
      [
        'wrongly signed',
        `Bearer ${await token({ key: new TextEncoder().encode('another-secret-of-thirty-two-bytes-000') })}`,
      ],
      ['HS512', `Bearer ${await token({ alg: 'HS512' })}`],
      ['alg none', `Bearer ${unsigned()}`],
      ['another audience', `Bearer ${await token({ aud: 'magento' })}`],
      ['no sub', `Bearer ${await token({ sub: '' })}`],
    ]
    for (const [why, header] of bad) {
      const { status, challenge, body } = await call('/logs/listing?limit=1', header)
      expect(status, why).toBe(401)
      expect(challenge, why).toBe('Bearer realm="tts-logs", error="invalid_token"')
      expect(body.details[0].field).toBe('Authorization')
    }
  })

  it('accepts a token expired within the 60 s of leeway', async () => {
    expect((await call('/meta', `Bearer ${await token({ expiresIn: -30 })}`)).status).toBe(200)
  })

  it('a sales-only admin reads the order log, and gets 403 insufficient_scope on every other endpoint', async () => {
    const sales = `Bearer ${await token({ scope: RESOURCES.order })}`
    expect((await call('/logs/order?limit=5', sales)).status).toBe(200)
    expect((await call('/logs/order/summary', sales)).status).toBe(200)
    const meta = await call('/meta', sales)
    expect(meta.status).toBe(200)
    expect(meta.body.access).toEqual({ listing: false, order: true, synchronization: false, settings: false })
    const refused: [string, RequestInit?][] = [
      ['/logs/listing?limit=5'],
      ['/logs/listing?format=columns-stream'],
      ['/logs/listing/summary'],
      ['/logs/synchronization?limit=5'],
      ['/logs/listing', { method: 'DELETE' }],
      ['/logs/synchronization', { method: 'DELETE' }],
      [
        '/settings/logs-clearing',
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            listing: { enabled: true, keepDays: 30 },
            order: { enabled: true, keepDays: 90 },
            synchronization: { enabled: true, keepDays: 30 },
          }),
        },
      ],
    ]
    for (const [path, init] of refused) {
      const { status, challenge } = await call(path, sales, init)
      expect(status, `${init?.method ?? 'GET'} ${path}`).toBe(403)
      expect(challenge).toMatch(/^Bearer realm="tts-logs", error="insufficient_scope", scope="M2E_TikTokShop::/)
    }
    // The settings are shown to whoever may read a log.
    expect((await call('/settings/logs-clearing', sales)).status).toBe(200)
    // Nothing was cleared.
    expect((await call('/logs/listing?limit=1', `Bearer ${await token()}`)).body.totalEstimate).toBe(300)
  })

  it("audits a Clear All with the token's sub, and a refused one too", async () => {
    const written: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    const refusedWith = `Bearer ${await token({ sub: 'clerk-2', scope: RESOURCES.order })}`
    const allowedWith = `Bearer ${await token({ sub: 'admin-7', scope: RESOURCES.synchronization })}`
    expect((await call('/logs/synchronization', refusedWith, { method: 'DELETE' })).status).toBe(403)
    const done = await call('/logs/synchronization', allowedWith, { method: 'DELETE' })
    spy.mockRestore()
    expect(done.status).toBe(200)
    const audits = written.filter((line) => line.startsWith('{"audit"')).map((line) => JSON.parse(line) as object)
    expect(audits).toEqual([
      expect.objectContaining({ audit: 'clear-all', log: 'synchronization', outcome: 'refused', sub: 'clerk-2' }),
      expect.objectContaining({
        audit: 'clear-all',
        log: 'synchronization',
        outcome: 'done',
        sub: 'admin-7',
        records: 40,
      }),
    ])
  })
})

describe("the PHP in docs/embedding.md mints the admin's token", () => {
  const docs = readFileSync('docs/embedding.md', 'utf8')
  const snippet = /```php\n(function ttsLogsToken[\s\S]*?)```/.exec(docs)?.[1]

  it('is in the docs, and php-cli runs it (.ci/run installs php-cli when missing)', () => {
    expect(snippet).toBeDefined()
    const probe = spawnSync('php', ['--version'], { encoding: 'utf8' })
    expect(probe.error?.message ?? '', 'php is needed: apt-get install -y php-cli').toBe('')
  })

  it('its token is accepted, and refused once tampered with', async () => {
    const run = spawnSync(
      'php',
      [
        '-r',
        `${snippet!}\necho ttsLogsToken($argv[1], $argv[2], explode(' ', $argv[3]));`,
        '--',
        SECRET,
        'admin-7',
        ALL.join(' '),
      ],
      { encoding: 'utf8' },
    )
    expect(run.status, run.stderr).toBe(0)
    const minted = run.stdout.trim()
    expect((await call('/logs/listing?limit=1', `Bearer ${minted}`)).status).toBe(200)
    // Another sub, the signature kept: refused.
    const [header, payload, signature] = minted.split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'root' })).toString('base64url')
    expect((await call('/logs/listing?limit=1', `Bearer ${header}.${forged}.${signature}`)).status).toBe(401)
  })
})

describe('bounded load: whole-log streams at once, overall and per admin', () => {
  let bounded: RunningApiServer
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tts-logs-bounded-'))
    bounded = await startApiServer({
      dbFile: join(dir, 'test.sqlite'),
      seed: { listing: 30_000, order: 50, synchronization: 40 },
      authSecret: KEY,
      testMode: true,
      maxStreams: 2,
      maxStreamsPerAdmin: 1,
    })
  })
  afterAll(() => bounded.close())

  const stream = async (sub: string) =>
    fetch(`${bounded.url}/api/v1/logs/listing?format=columns-stream&limit=1000`, {
      headers: { Authorization: `Bearer ${await token({ sub })}` },
    })

  it('answers 429 with Retry-After beyond the limits, never queues small requests, and serves again once a stream ends', async () => {
    // Streams that take their time: 500 ms between lines.
    const faults = await fetch(`${bounded.url}/api/v1/__test/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        faults: [{ path: '/logs/listing', query: 'columns-stream', lineDelayMs: 300, times: 10 }],
      }),
    })
    expect(faults.status).toBe(200)
    const first = await stream('admin-1')
    expect(first.status).toBe(200)
    // The same admin's second stream: over the per-admin limit.
    const again = await stream('admin-1')
    expect(again.status).toBe(429)
    expect(again.headers.get('retry-after')).toBe('2')
    await again.body?.cancel()
    // Another admin: within the overall limit.
    const other = await stream('admin-2')
    expect(other.status).toBe(200)
    // A third admin: over the overall limit.
    const third = await stream('admin-3')
    expect(third.status).toBe(429)
    await third.body?.cancel()
    // Meta, a page and a summary are never held behind the streams.
    const bearer = { headers: { Authorization: `Bearer ${await token()}` } }
    for (const path of ['/meta', '/logs/listing?limit=10', '/logs/listing/summary']) {
      expect((await fetch(`${bounded.url}/api/v1${path}`, bearer)).status, path).toBe(200)
    }
    // Once the streams are read to their end, a stream is served again.
    await Promise.all([first.text(), other.text()])
    const later = await stream('admin-3')
    expect(later.status).toBe(200)
    await later.text()
  })
})

describe('bounded load: a client that goes away gives its stream slot back', () => {
  let server: RunningApiServer
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tts-logs-abandoned-'))
    // A log whose gzipped stream is larger than the sockets' buffers, so a client that stops
    // reading holds the server up.
    server = await startApiServer({
      dbFile: join(dir, 'test.sqlite'),
      seed: { listing: 300_000, order: 10, synchronization: 10 },
      testMode: true,
      maxStreams: 2,
    })
  }, 60_000)
  afterAll(() => server.close())

  const streams = async () =>
    (await (await fetch(`${server.url}/api/v1/__test/streams`)).json()) as { active: number; waiting: number }

  /** A whole-log load that reads the head and then stops reading (a tab in the background). */
  function stalledLoad() {
    return new Promise<ClientRequest>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/api/v1/logs/listing?format=columns-stream&limit=1000`,
        { headers: { 'Accept-Encoding': 'gzip' } },
        (res) => {
          res.pause()
          if (res.statusCode === 200) resolve(req)
          else reject(new Error(`status ${res.statusCode}`))
        },
      )
      req.on('error', () => {})
      req.end()
    })
  }

  it('frees the slot of a stream whose client closed while the server waited on it', async () => {
    const loads = [await stalledLoad(), await stalledLoad()]
    // Both streams wait for their clients, and a third load is refused.
    await expect.poll(streams, { timeout: 20_000 }).toEqual({ active: 2, waiting: 2 })
    expect((await fetch(`${server.url}/api/v1/logs/listing?format=columns-stream&limit=1000`)).status).toBe(429)
    // The clients go away (the tabs are closed) while the server waits on them.
    for (const load of loads) load.destroy()
    await expect.poll(streams, { timeout: 20_000 }).toEqual({ active: 0, waiting: 0 })
    const again = await fetch(`${server.url}/api/v1/logs/listing?format=columns-stream&limit=1000`)
    expect(again.status).toBe(200)
    await again.body?.cancel()
  }, 60_000)
})
