// `npm run api -- --port 8787 --db .data/preview.sqlite --cors https://admin.example.com [--form-key KEY]`
// `npm run api:reset` wipes and re-seeds the database (seed sizes from PREVIEW_* variables).
import { parseArgs } from 'node:util'
import { openDatabase, seedCountsFromEnv } from './db.ts'
import { startApiServer } from './server.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: process.env.PREVIEW_DB ?? '.data/preview.sqlite' },
    cors: { type: 'string' },
    reset: { type: 'boolean', default: false },
    'test-mode': { type: 'boolean', default: false },
    'form-key': { type: 'string', default: process.env.PREVIEW_FORM_KEY },
    'reset-only': { type: 'boolean', default: false },
  },
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`)
  process.exit(2)
}

if (values['reset-only']) {
  const started = performance.now()
  const counts = seedCountsFromEnv()
  openDatabase(values.db, { reset: true, seed: counts }).close()
  console.log(
    `Seeded ${values.db}: ${counts.listing} listing, ${counts.order} order, ${counts.synchronization} synchronization records in ${Math.round(performance.now() - started)} ms`,
  )
} else {
  const server = await startApiServer({
    port,
    host: values.host,
    dbFile: values.db,
    cors: values.cors,
    reset: values.reset,
    testMode: values['test-mode'],
    formKey: values['form-key'] || undefined,
  })
  console.log(
    `Preview API on ${server.url}/api/v1 (database ${values.db}${values.cors ? `, CORS ${values.cors}` : ''}${values['form-key'] ? ', form_key required' : ''})`,
  )
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
