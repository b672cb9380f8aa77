import type { Plugin } from 'vite'
import { createApiHandler } from './api.ts'
import { openDatabase, type Db } from './db.ts'
import { startRetention } from './server.ts'

export interface PreviewBackendOptions {
  /** @default process.env.PREVIEW_DB ?? '.data/preview.sqlite' */
  dbFile?: string
}

/**
 * Serves the preview backend under `/api/v1` beside the app in `vite` (dev) and `vite preview`.
 * The database opens on the first API request, so tools that load the Vite config without
 * serving (Vitest, the build) never touch it. It is development tooling and is never bundled.
 */
export function previewBackend(options: PreviewBackendOptions = {}): Plugin {
  let db: Db | undefined
  let retention: { stop(): void } | undefined
  let handler: ReturnType<typeof createApiHandler> | undefined
  const dbFile = options.dbFile ?? process.env.PREVIEW_DB ?? '.data/preview.sqlite'

  const middleware = (...args: Parameters<ReturnType<typeof createApiHandler>>) => {
    const [req, , next] = args
    if (!req.url?.startsWith('/api/')) return next?.()
    if (!handler) {
      db = openDatabase(dbFile, { reset: process.env.PREVIEW_RESET === '1' })
      retention = startRetention(db)
      handler = createApiHandler(db, { testMode: process.env.PREVIEW_TEST_MODE === '1' })
    }
    handler(...args)
  }
  const close = () => {
    retention?.stop()
    db?.close()
    db = undefined
    handler = undefined
  }

  return {
    name: 'tts-preview-backend',
    configureServer(server) {
      server.middlewares.use(middleware)
      server.httpServer?.on('close', close)
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware)
      server.httpServer.on('close', close)
    },
  }
}
