/**
 * A private MariaDB server for the tests (Debian's `mariadb-server`): a temporary data
 * directory, its own socket and TCP port on 127.0.0.1, a user with a password for TCP, torn
 * down after. `.ci/run` installs the package when it is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'

export const MARIADB_USER = 'tts'
export const MARIADB_PASSWORD = 'tts-test-password'

/** What a test needs to reach the server (it crosses from Vitest's global setup as JSON). */
export interface MariaDbAddress {
  port: number
  socket: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's MariaDB server (tests/setup/mariadbGlobal.ts), or why there is none. */
    mariadb: MariaDbAddress | { missing: string }
  }
}

export interface MariaDbServer extends MariaDbAddress {
  /** `mysql://` URL of a database on this server (TCP, with the test user's password). */
  url(database: string): string
  /** Runs SQL as root over the socket (piped on stdin: no argument-length limit). */
  sql(statements: string): string
  /** Stops the server, keeping its data (a database that went down). */
  stop(): Promise<void>
  /** Starts it again on the same data, port and socket. */
  start(): Promise<void>
  /** Stops it and deletes its data. */
  destroy(): Promise<void>
}

function findBinary(name: string): string {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) {
    if (existsSync(join(dir, name))) return join(dir, name)
  }
  throw new Error(
    `${name} was not found: the MySQL contract tests need Debian's MariaDB server (apt-get install -y mariadb-server; .ci/run does it)`,
  )
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export function mariaDbUrl(address: MariaDbAddress, database: string): string {
  return `mysql://${MARIADB_USER}:${MARIADB_PASSWORD}@127.0.0.1:${address.port}/${database}`
}

/** Runs SQL as the server's administrator: this OS user, over the socket (see startMariaDb). */
export function rootSql(address: MariaDbAddress, statements: string): string {
  const result = spawnSync(
    findBinary('mariadb'),
    [`--socket=${address.socket}`, `-u${userInfo().username}`, '--batch', '--skip-column-names'],
    {
      input: statements,
      encoding: 'utf8',
    },
  )
  if (result.status !== 0) throw new Error(`mariadb failed: ${result.stderr || result.error?.message}`)
  return result.stdout
}

/** Starts a fresh server; it is ready (and has the test user) when this resolves. */
export async function startMariaDb(): Promise<MariaDbServer> {
  const mariadbd = findBinary('mariadbd')
  const dir = mkdtempSync(join(tmpdir(), 'tts-mariadb-'))
  const datadir = join(dir, 'data')
  const user = userInfo().username
  const install = spawnSync(
    findBinary('mariadb-install-db'),
    [`--datadir=${datadir}`, `--user=${user}`, '--auth-root-authentication-method=socket', '--skip-test-db'],
    { encoding: 'utf8' },
  )
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`)
  const address: MariaDbAddress = { port: await freePort(), socket: join(dir, 'sock') }
  let child: ChildProcess | undefined
  let log = ''

  async function start() {
    log = ''
    child = spawn(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--socket=${address.socket}`,
        `--port=${address.port}`,
        '--bind-address=127.0.0.1',
        `--user=${user}`,
        '--skip-log-bin',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=256M',
        // Test data need not survive a power cut: commits are not flushed one by one.
        '--innodb-flush-log-at-trx-commit=2',
        `--pid-file=${join(dir, 'mariadb.pid')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)))
    const deadline = Date.now() + 30_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`mariadbd exited (${child.exitCode}): ${log}`)
      const probe = spawnSync(findBinary('mariadb'), [`--socket=${address.socket}`, `-u${user}`, '-e', 'SELECT 1'])
      if (probe.status === 0) return
      if (Date.now() > deadline) throw new Error(`mariadbd did not answer within 30 s: ${log}`)
      // Asked again until it answers (the deadline only ends a start that hangs; an exit ends it at once).
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  async function stop() {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }

  const destroy = async () => {
    await stop()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await start()
    rootSql(
      address,
      `CREATE USER '${MARIADB_USER}'@'127.0.0.1' IDENTIFIED BY '${MARIADB_PASSWORD}';
       GRANT ALL PRIVILEGES ON *.* TO '${MARIADB_USER}'@'127.0.0.1';`,
    )
  } catch (error) {
    // Nothing is left running or on disk when the server does not come up.
    await destroy()
    throw error
  }
  return {
    ...address,
    url: (database) => mariaDbUrl(address, database),
    sql: (statements) => rootSql(address, statements),
    stop,
    start,
    destroy,
  }
}
