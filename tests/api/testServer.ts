import { mkdtempSync, rmSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { ApiError } from '@/api/errors'
import type { Fault } from '../../server/api.ts'
import { startApiServer, type RunningApiServer } from '../../server/server.ts'
import type { SeedCounts } from '../../server/db.ts'
import { seedMysql } from '../../server/mysql/seed.ts'
import { m2eTables } from '../../server/mysql/schema.ts'
import { mariaDbUrl, rootSql, type MariaDbAddress } from '../setup/mariadb.ts'

/** The seed's newest record time: this hour, so Logs Clearing at start removes nothing. */
export const SEED_NOW = Math.floor(Date.now() / 3_600_000) * 3_600_000

/** The stores behind the API: the contract suites run against each. */
export const STORES = ['sqlite', 'mysql'] as const
export type StoreName = (typeof STORES)[number]

export interface TestServer extends RunningApiServer {
  apiUrl: string
  storeName: StoreName
  /** The MySQL database's URL (MySQL store only). */
  mysqlUrl?: string
  /** The form key the server requires (fault injection included), if any. */
  formKey?: string
  /** Everything a request could have touched, as text: tables, row counts, newest ids, settings. */
  snapshot(): string
  stop(): Promise<void>
}

export interface TestServerOptions {
  /** @default 'sqlite' */
  store?: StoreName
  testMode?: boolean
  cors?: string
  formKey?: string
  /** MySQL only: allow Clear All and settings. @default true (the contract's writes are tested) */
  allowWrites?: boolean
  /** MySQL only: serve this existing database instead of a new seeded one. */
  database?: string
  /** MySQL only: the Magento table prefix. */
  tablePrefix?: string
  /** MySQL only: a server of the test's own (one it stops and starts). @default the run's shared one */
  mariadb?: MariaDbAddress
}

let databases = 0

/** The run's shared MariaDB server; a MySQL suite fails here, saying why, when there is none. */
export function sharedMariaDb(): MariaDbAddress {
  const provided = inject('mariadb')
  if ('missing' in provided) throw new Error(`No MariaDB server for the MySQL tests: ${provided.missing}`)
  return provided
}

/** A fresh database on the test run's MariaDB server, seeded as the SQLite preview is. */
export async function createMysqlDatabase(seed: SeedCounts, tablePrefix = ''): Promise<string> {
  const address = sharedMariaDb()
  const name = `tts_${process.pid}_${++databases}`
  rootSql(address, `DROP DATABASE IF EXISTS ${name}; CREATE DATABASE ${name};`)
  await seedMysql({ url: mariaDbUrl(address, name), tablePrefix, counts: seed, now: SEED_NOW })
  return name
}

/** The real preview backend on a random port, over a temporary SQLite file or MariaDB database. */
export async function startTestServer(
  seed: SeedCounts = { listing: 3000, order: 800, synchronization: 300 },
  options: TestServerOptions = {},
): Promise<TestServer> {
  const common = { seed, now: SEED_NOW, testMode: options.testMode, cors: options.cors, formKey: options.formKey }
  if (options.store === 'mysql') {
    const address = options.mariadb ?? sharedMariaDb()
    const database = options.database ?? (await createMysqlDatabase(seed, options.tablePrefix))
    const url = mariaDbUrl(address, database)
    const server = await startApiServer({
      ...common,
      mysql: { url, tablePrefix: options.tablePrefix, allowWrites: options.allowWrites ?? true },
    })
    const t = m2eTables(options.tablePrefix)
    return {
      ...server,
      apiUrl: `${server.url}/api/v1`,
      storeName: 'mysql',
      mysqlUrl: url,
      snapshot: () =>
        rootSql(
          address,
          `USE ${database};
           SELECT table_name FROM information_schema.tables WHERE table_schema = '${database}' ORDER BY 1;
           ${[t.listingLog, t.orderLog, t.synchronizationLog].map((table) => `SELECT COUNT(*), MAX(id), SUM(type) FROM ${table};`).join('\n')}
           SELECT * FROM ${t.config} ORDER BY id;`,
        ),
      stop: async () => {
        await server.close()
        if (!options.database) rootSql(address, `DROP DATABASE IF EXISTS ${database}`)
      },
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'tts-logs-api-'))
  const server = await startApiServer({ ...common, dbFile: join(dir, 'test.sqlite') })
  const db = server.db!
  return {
    ...server,
    apiUrl: `${server.url}/api/v1`,
    storeName: 'sqlite',
    formKey: options.formKey,
    snapshot: () => {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()
      const logs = ['listing_log', 'order_log', 'synchronization_log'].map((table) =>
        db.prepare(`SELECT COUNT(*) AS n, MAX(id) AS maxId, SUM(type) AS types FROM ${table}`).get(),
      )
      const settings = db.prepare('SELECT * FROM logs_clearing ORDER BY kind').all()
      return JSON.stringify({ tables, logs, settings })
    },
    stop: async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Arms the test-mode server's fault injection (`POST /__test/faults`) for the next requests. */
export async function injectFaults(server: TestServer, ...faults: Partial<Fault>[]): Promise<void> {
  const key = server.formKey ? `?form_key=${encodeURIComponent(server.formKey)}` : ''
  const response = await fetch(`${server.apiUrl}/__test/faults${key}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ faults }),
  })
  if (response.status !== 200) throw new Error(`the server refused the faults: HTTP ${response.status}`)
}

/**
 * Resolves when the server has received a request whose URL (path and query, after the host)
 * `matches`: from then on the request is in flight, and an injected delay holds its answer. Call it
 * before the request is made.
 */
export function requestArrives(server: TestServer, matches: (url: string) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const listener = (req: IncomingMessage) => {
      if (!matches(req.url ?? '')) return
      server.server.off('request', listener)
      resolve()
    }
    server.server.on('request', listener)
  })
}

/** The ApiError a call fails with; throws when it succeeds or fails otherwise. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw new Error(`expected an ApiError, got ${String(error)}`, { cause: error })
  }
  throw new Error('expected the call to fail')
}
