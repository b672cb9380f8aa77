import { createReadStream, existsSync, statSync } from 'node:fs'
import { join, normalize } from 'node:path'
import type { Connect, Plugin } from 'vite'
import { authSecret } from './auth.ts'
import { createApiHandler } from './api.ts'
import { openStore, startRetention } from './server.ts'
import type { LogStore } from './store.ts'

export interface PreviewBackendOptions {
  /** @default process.env.PREVIEW_DB ?? '.data/preview.sqlite' */
  dbFile?: string
}

/**
 * The store the environment names: M2E's tables in MySQL/MariaDB when LOGS_MYSQL_URL is set
 * (LOGS_TABLE_PREFIX, LOGS_MYSQL_ALLOW_WRITES=1), else the preview's SQLite file.
 */
function storeFromEnv(dbFile: string) {
  const url = process.env.LOGS_MYSQL_URL
  if (url) {
    return openStore({
      mysql: {
        url,
        tablePrefix: process.env.LOGS_TABLE_PREFIX ?? '',
        allowWrites: process.env.LOGS_MYSQL_ALLOW_WRITES === '1',
      },
    })
  }
  return openStore({ dbFile, reset: process.env.PREVIEW_RESET === '1' })
}

/**
 * Serves the preview backend under `/api/v1` beside the app in `vite` (dev) and `vite preview`.
 * The database opens when the dev server listens (`vite preview`: on the first API request), so
 * tools that load the Vite config without serving (Vitest, the build) never touch it. It is development tooling and is never bundled.
 */
export function previewBackend(options: PreviewBackendOptions = {}): Plugin {
  let store: LogStore | undefined
  let retention: { stop(): void } | undefined
  let handler: ReturnType<typeof createApiHandler> | undefined
  const dbFile = options.dbFile ?? process.env.PREVIEW_DB ?? '.data/preview.sqlite'

  const middleware = (...args: Parameters<ReturnType<typeof createApiHandler>>) => {
    const [req, res, next] = args
    if (!req.url?.startsWith('/api/')) return next?.()
    if (!handler) open(res)
    if (handler) handler(...args)
  }
  /** Opens the store (seeding a new preview database); on failure, answers `res` if given. */
  const open = (res?: Parameters<ReturnType<typeof createApiHandler>>[1]) => {
    let secret: Uint8Array | undefined
    try {
      // A LOGS_AUTH_SECRET too short to sign with is said like any other misconfiguration.
      secret = authSecret(process.env.LOGS_AUTH_SECRET)
      store = storeFromEnv(dbFile).store
    } catch (error) {
      // A bad LOGS_MYSQL_URL or LOGS_TABLE_PREFIX (or an unreadable SQLite file): said plainly,
      // in the API's error shape, never as a stack trace. It is tried again on the next request.
      const message = error instanceof Error ? error.message : String(error)
      console.error(`[preview api] the store could not be opened: ${message}`)
      if (!res) return
      res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(
        JSON.stringify({
          error: 'Preview backend misconfigured',
          details: [
            {
              field: /LOGS_AUTH_SECRET/.test(message)
                ? 'LOGS_AUTH_SECRET'
                : process.env.LOGS_MYSQL_URL
                  ? 'LOGS_MYSQL_URL'
                  : 'PREVIEW_DB',
              message,
            },
          ],
        }),
      )
      return
    }
    // Fault injection is for the preview's own data: never beside a real store.
    const testMode = process.env.PREVIEW_TEST_MODE === '1' && !process.env.LOGS_MYSQL_URL
    if (process.env.PREVIEW_TEST_MODE === '1' && !testMode)
      console.warn('[preview api] PREVIEW_TEST_MODE is ignored beside a real store (LOGS_MYSQL_URL)')
    console.log(`[preview api] ${store.label}${testMode ? ' TEST MODE: faults can be injected' : ''}`)
    retention = startRetention(store)
    handler = createApiHandler(store, {
      authSecret: secret,
      testMode,
      formKey: process.env.PREVIEW_FORM_KEY || undefined,
    })
  }
  const close = () => {
    retention?.stop()
    void store?.close()
    store = undefined
    handler = undefined
  }

  return {
    name: 'tts-preview-backend',
    configureServer(server) {
      server.middlewares.use(contentSecurityPolicy(DEV_CSP))
      server.middlewares.use(middleware)
      server.middlewares.use(serveEmbedBuild)
      server.httpServer?.on('close', close)
      // `npm run dev`: the database is opened (a new one seeded) as soon as the server listens,
      // while the newcomer opens the browser, not on the first page's first request.
      server.httpServer?.once('listening', () => setTimeout(() => handler ?? open(), 0))
    },
    configurePreviewServer(server) {
      server.middlewares.use(contentSecurityPolicy(PREVIEW_CSP))
      server.middlewares.use(middleware)
      server.httpServer.on('close', close)
    },
  }
}

/**
 * The CSP the preview enforces: no inline scripts, no eval. The built app needs no inline
 * styles either; the dev server injects <style> tags and talks over a websocket, so dev allows those.
 */
export const PREVIEW_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
const DEV_CSP = PREVIEW_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws: wss:",
)

/**
 * In test mode, a page asked for with `?testCsp=no-workers` also forbids Web Workers (the
 * end-to-end tests check that the log then loads whole, parsed in the page's thread).
 */
const TEST_CSP: Record<string, string> = { 'no-workers': "; worker-src 'none'" }

function contentSecurityPolicy(policy: string): Connect.NextHandleFunction {
  const testMode = process.env.PREVIEW_TEST_MODE === '1' && !process.env.LOGS_MYSQL_URL
  return (req, res, next) => {
    const test = testMode ? new URL(req.url ?? '/', 'http://preview').searchParams.get('testCsp') : null
    res.setHeader('Content-Security-Policy', policy + ((test && TEST_CSP[test]) || ''))
    next()
  }
}

/** In dev, the host demo loads the built embed files from /embed/ as in preview. */
const serveEmbedBuild: Connect.NextHandleFunction = (req, res, next) => {
  const path = req.url?.split('?')[0] ?? ''
  if (!path.startsWith('/embed/')) return next()
  const root = join(process.cwd(), 'dist', 'embed')
  const file = normalize(join(root, path.slice('/embed/'.length)))
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.statusCode = 404
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    res.end(`${path} is not built yet: run \`npm run build\` once, then reload the host demo.`)
    return
  }
  res.setHeader('Content-Type', file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8')
  createReadStream(file).pipe(res)
}
