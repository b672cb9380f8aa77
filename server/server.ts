import { createServer, type Server } from 'node:http'
import { createApiHandler, type ApiOptions } from './api.ts'
import { applyRetention, openDatabase, type Db, type OpenOptions } from './db.ts'

const HOUR_MS = 3_600_000

/** Opens the database, runs Logs Clearing now and then hourly. `stop()` ends the timer. */
export function startRetention(db: Db, intervalMs = HOUR_MS) {
  applyRetention(db)
  const timer = setInterval(() => applyRetention(db), intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}

export interface ApiServerOptions extends ApiOptions, OpenOptions {
  /** 0 picks a free port. @default 0 */
  port?: number
  /** @default '127.0.0.1' */
  host?: string
  dbFile: string
}

export interface RunningApiServer {
  url: string
  port: number
  db: Db
  server: Server
  close(): Promise<void>
}

/** The preview backend on its own HTTP server (`npm run api`, and the API tests). */
export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
  const db = openDatabase(options.dbFile, options)
  const retention = startRetention(db)
  const handler = createApiHandler(db, options)
  const server = createServer((req, res) => handler(req, res))
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('the API server has no port')
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    port: address.port,
    db,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        retention.stop()
        server.closeAllConnections()
        server.close(() => {
          db.close()
          resolve()
        })
      }),
  }
}
