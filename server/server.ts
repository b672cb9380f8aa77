import { createServer, type Server } from 'node:http'
import { networkInterfaces } from 'node:os'
import { createApiHandler, type ApiOptions } from './api.ts'
import { SqliteStore, openDatabase, type Db, type OpenOptions } from './db.ts'
import { MysqlStore, type MysqlStoreOptions } from './mysql/store.ts'
import type { LogStore } from './store.ts'

const HOUR_MS = 3_600_000
/** How long a request's headers, and the whole request (its body included), may take to arrive. */
export const HEADERS_TIMEOUT_MS = 10_000
export const REQUEST_TIMEOUT_MS = 30_000
/** Sockets open at once; more are refused by Node until some close. */
export const MAX_CONNECTIONS = 512

/** Runs Logs Clearing now and then hourly (a store whose owner clears its logs skips it). `stop()` ends the timer. */
export function startRetention(store: LogStore, intervalMs = HOUR_MS) {
  const run = () =>
    store.applyRetention().catch((error: unknown) => console.error('[preview api] Logs Clearing failed:', error))
  void run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}

/** Where the API's data is: the preview's SQLite file, or M2E's tables in MySQL/MariaDB. */
export type StoreOptions = OpenOptions & ({ dbFile: string; mysql?: undefined } | { mysql: MysqlStoreOptions })

/** Opens the store the options name. */
export function openStore(options: StoreOptions): { store: LogStore; db?: Db } {
  if (options.mysql) return { store: new MysqlStore(options.mysql) }
  const db = openDatabase(options.dbFile, options)
  return { store: new SqliteStore(db, options.dbFile), db }
}

export type ApiServerOptions = ApiOptions &
  StoreOptions & {
    /** 0 picks a free port. @default 0 */
    port?: number
    /** @default '127.0.0.1' */
    host?: string
    /** More host names to answer to, besides the address it listens on (and localhost's). */
    extraHosts?: readonly string[]
    /** How long a whole request may take to arrive. @default REQUEST_TIMEOUT_MS */
    requestTimeoutMs?: number
  }

export interface RunningApiServer {
  url: string
  port: number
  store: LogStore
  /** The SQLite database, when that is the store. */
  db?: Db
  server: Server
  close(): Promise<void>
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

/**
 * The host names a server bound to `host` answers to: localhost's, `host` itself, and for a
 * wildcard address every address of this machine. Anything else is refused (DNS rebinding).
 */
export function servedHosts(host: string, extra: readonly string[] = []): string[] {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', host.includes(':') ? `[${host}]` : host])
  if (WILDCARD_HOSTS.has(host)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address, family } of addresses ?? []) names.add(family === 'IPv6' ? `[${address}]` : address)
    }
  }
  for (const name of extra) names.add(name.toLowerCase())
  return [...names]
}

/** The preview backend on its own HTTP server (`npm run api`, and the API tests). */
export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
  const host = options.host ?? '127.0.0.1'
  const { store, db } = openStore(options)
  const retention = startRetention(store)
  const handler = createApiHandler(store, { ...options, allowedHosts: servedHosts(host, options.extraHosts) })
  // A request must arrive whole in time (a body trickled a byte every few seconds is cut, not held
  // for Node's default 300 s; Node checks every second here, not every 30 s), and connections are
  // capped. Streamed answers are not limited here.
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout),
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => handler(req, res),
  )
  server.maxConnections = MAX_CONNECTIONS
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('the API server has no port')
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    store,
    db,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        retention.stop()
        server.closeAllConnections()
        server.close(() => void store.close().then(resolve, resolve))
      }),
  }
}
