// @vitest-environment node
/**
 * A hostile client's tries against the API server on loopback: a request target that is no URL,
 * a path of slashes, a body over the limit that keeps coming, a body trickled byte by byte. The
 * server answers each and lives on.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trimTrailingSlashes } from '../../server/api.ts'
import { startApiServer, type RunningApiServer } from '../../server/server.ts'

let server: RunningApiServer

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tts-logs-hostile-'))
  server = await startApiServer({
    dbFile: join(dir, 'test.sqlite'),
    seed: { listing: 200, order: 20, synchronization: 20 },
    requestTimeoutMs: 1_500,
  })
})
afterAll(() => server.close())

/** Sends raw bytes; resolves to what came back once the server closes the socket (or after `wait` ms). */
function raw(bytes: string, wait = 3_000): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    let text = ''
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ text, closedByServer: false })
    }, wait)
    socket.on('data', (chunk) => (text += chunk.toString('latin1')))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ text, closedByServer: true })
    })
    socket.on('error', reject)
    socket.write(bytes)
  })
}

const meta = async () => (await fetch(`${server.url}/api/v1/meta`)).status

describe('the API server against a hostile client', () => {
  it('answers a request target that is no URL with 400, and goes on serving', async () => {
    for (const target of ['//[', '//[::1', '/api/v1/logs/%E0%A4%A', '/api/v1/../../etc/passwd']) {
      const { text } = await raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
      expect(text, target).toMatch(/^HTTP\/1\.1 (400|404)/)
      expect(await meta(), `alive after ${target}`).toBe(200)
    }
  })

  it('trims a path of slashes in linear time, and answers it', async () => {
    expect(trimTrailingSlashes('/logs/listing///')).toBe('/logs/listing')
    expect(trimTrailingSlashes('////')).toBe('')
    expect(trimTrailingSlashes('/meta')).toBe('/meta')
    const response = await fetch(`${server.url}/api/v1/meta${'/'.repeat(15_000)}`)
    expect(response.status).toBe(200)
  })

  it('closes the connection after a 413, instead of reading on', async () => {
    const head = `POST /api/v1/logs/listing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 900000000\r\n\r\n`
    const { text, closedByServer } = await raw(`${head}${'x'.repeat(64 * 1024)}`)
    expect(text).toMatch(/^HTTP\/1\.1 413/)
    expect(closedByServer).toBe(true)
    expect(await meta()).toBe(200)

    // A chunked body that keeps coming, to a server with the default request timeout (30 s):
    // answered 413, and the socket closed at once, not read on until the timeout (without
    // `Connection: close`, 200 MB went in over 4 s).
    const patient = await startApiServer({
      dbFile: join(mkdtempSync(join(tmpdir(), 'tts-logs-413-')), 'test.sqlite'),
      seed: { listing: 10, order: 5, synchronization: 5 },
    })
    const socket = connect(patient.port, '127.0.0.1')
    let answer = ''
    let sent = 0
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    const closed = new Promise<boolean>((resolve) => {
      socket.on('close', () => resolve(true))
      socket.on('error', () => resolve(true))
      setTimeout(() => resolve(false), 10_000)
    })
    socket.write(
      'POST /api/v1/logs/listing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    )
    const piece = 'x'.repeat(256 * 1024)
    const pump = setInterval(() => {
      if (socket.destroyed) return
      socket.write(`${piece.length.toString(16)}\r\n${piece}\r\n`)
      sent += piece.length
    }, 5)
    const wasClosed = await closed
    clearInterval(pump)
    socket.destroy()
    await patient.close()
    expect(answer).toMatch(/^HTTP\/1\.1 413/)
    expect(wasClosed).toBe(true)
    expect(sent).toBeLessThan(100_000_000)
  }, 20_000)

  it('cuts a body trickled slowly once the request has taken too long', async () => {
    const socket = connect(server.port, '127.0.0.1')
    const closed = new Promise<string>((resolve) => {
      let text = ''
      socket.on('data', (chunk) => (text += chunk.toString('latin1')))
      socket.on('close', () => resolve(text))
      socket.on('error', () => resolve(text))
    })
    socket.write(
      `PUT /api/v1/settings/logs-clearing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
    )
    // One more byte now and then, for as long as the socket is open.
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200)
    const text = await closed
    clearInterval(trickle)
    // Node answers 408 Request Timeout, then closes.
    expect(text).toMatch(/^HTTP\/1\.1 408|^$/)
    expect(await meta()).toBe(200)
  })
})

describe('npm run api refuses what would open it by accident', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', ...args], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, PREVIEW_FORM_KEY: '', LOGS_AUTH_SECRET: '', LOGS_MYSQL_URL: '' },
    })

  it("refuses --cors null, which any site's sandboxed frame sends", () => {
    const run = cli('--cors', 'null')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--cors null')
  })

  it('warns that a MySQL password in an argument is in the process list, and reads one from a file', async () => {
    /** Starts the CLI until its startup line; resolves to what it printed. */
    const started = (...args: string[]) =>
      new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', ...args], {
          env: { ...process.env, LOGS_MYSQL_URL: '', PREVIEW_FORM_KEY: '', LOGS_AUTH_SECRET: '' },
        })
        let stdout = ''
        let stderr = ''
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          if (stdout.includes('Preview API on')) child.kill()
        })
        child.on('exit', () => resolve({ stdout, stderr }))
        child.on('error', reject)
      })
    const inArgument = await started('--mysql', 'mysql://reader:s3cret@127.0.0.1:9/magento')
    expect(inArgument.stderr).toContain('process list')
    // On loopback without a secret it starts, and says so.
    expect(inArgument.stdout).toContain('NO AUTHENTICATION')
    expect(inArgument.stdout).not.toContain('s3cret')
    const file = join(mkdtempSync(join(tmpdir(), 'tts-logs-pw-')), 'password')
    writeFileSync(file, 's3cret\n')
    const fromFile = await started('--mysql', 'mysql://reader@127.0.0.1:9/magento', '--mysql-password-file', file)
    expect(fromFile.stderr).not.toContain('process list')
    expect(fromFile.stdout).toContain('Preview API on')
  })

  it("never serves a store's logs to the network without a token secret, and says when it has none", async () => {
    const open = cli('--mysql', 'mysql://reader@127.0.0.1:9/magento', '--host', '0.0.0.0')
    expect(open.status).toBe(2)
    expect(open.stderr).toContain('LOGS_AUTH_SECRET')
    const short = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0'], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, LOGS_AUTH_SECRET: 'too-short' },
    })
    expect(short.status).toBe(2)
    expect(short.stderr).toContain('at least 32 bytes')
  })

  it('refuses test mode beside a real store or on a network address', () => {
    for (const args of [
      ['--test-mode', '--mysql', 'mysql://reader:pw@127.0.0.1:3306/magento'],
      ['--test-mode', '--host', '0.0.0.0'],
    ]) {
      const run = cli(...args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr).toContain('--test-mode')
    }
  })
})
