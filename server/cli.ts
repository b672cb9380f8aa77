// `npm run api -- --port 8787 --db .data/preview.sqlite --cors https://admin.example.com [--form-key KEY]`
// `LOGS_MYSQL_URL=mysql://USER:PASSWORD@HOST:PORT/DATABASE npm run api [-- --table-prefix P] [--allow-writes]`, or
// `npm run api -- --mysql mysql://USER@HOST:PORT/DATABASE --mysql-password-file FILE`: a password in an argument
// is seen by every local user in the process list (said at start).
// `npm run api:reset` wipes and re-seeds the SQLite database (seed sizes from PREVIEW_* variables).
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openDatabase, seedCountsFromEnv } from './db.ts'
import { authSecret } from './auth.ts'
import { startApiServer } from './server.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'allowed-host': { type: 'string', multiple: true, default: [] },
    db: { type: 'string', default: process.env.PREVIEW_DB ?? '.data/preview.sqlite' },
    mysql: { type: 'string', default: process.env.LOGS_MYSQL_URL || undefined },
    'mysql-password-file': { type: 'string' },
    // The token secret: LOGS_AUTH_SECRET or a file, never a value on the command line.
    'auth-secret-file': { type: 'string' },
    // Whole-log streams at once, overall and per admin (beyond: 429 with Retry-After).
    'max-streams': { type: 'string' },
    'max-streams-per-admin': { type: 'string' },
    'table-prefix': { type: 'string', default: process.env.LOGS_TABLE_PREFIX ?? '' },
    'allow-writes': { type: 'boolean', default: process.env.LOGS_MYSQL_ALLOW_WRITES === '1' },
    cors: { type: 'string' },
    reset: { type: 'boolean', default: false },
    'test-mode': { type: 'boolean', default: false },
    'form-key': { type: 'string', default: process.env.PREVIEW_FORM_KEY },
    'reset-only': { type: 'boolean', default: false },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

/** A whole number of at least 1, or the CLI stops naming the option. */
function count(option: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) fail(`${option} must be a whole number of at least 1, got "${value}"`)
  return n
}

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got "${values.port}"`)
if (values.mysql && values['allow-writes'] && values.cors === '*') {
  fail("--cors '*' with --allow-writes would let any web page clear a store's logs: name the admin's origin instead")
}
if (values.cors?.trim().toLowerCase() === 'null') {
  fail("--cors null would let a sandboxed frame of any web site read the logs: name the admin's origin instead")
}
/** 127.0.0.0/8, ::1 and localhost: this machine only. */
const loopback = (host: string) => host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host)
if (values['test-mode'] && (values.mysql || !loopback(values.host ?? '127.0.0.1'))) {
  fail(
    '--test-mode (fault injection) is for the preview on loopback only: never beside a real store (--mysql) or on a network address',
  )
}

// The MySQL password: from the URL (LOGS_MYSQL_URL keeps it out of the process list), or a file.
let mysqlUrl = values.mysql
const argumentUrl = process.argv.some((arg) => arg === '--mysql' || arg.startsWith('--mysql='))
if (mysqlUrl && values['mysql-password-file']) {
  let password: string
  try {
    password = readFileSync(values['mysql-password-file'], 'utf8').replace(/\r?\n$/, '')
  } catch (error) {
    fail(`--mysql-password-file could not be read: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    const url = new URL(mysqlUrl)
    url.password = encodeURIComponent(password)
    mysqlUrl = url.toString()
  } catch {
    fail('the MySQL URL is not a URL: expected mysql://USER@HOST:PORT/DATABASE')
  }
} else if (mysqlUrl && argumentUrl && /^[a-z]+:\/\/[^/@]*:[^/@]*@/i.test(mysqlUrl)) {
  console.warn(
    'Warning: the MySQL password is in an argument, which every local user can read in the process list: set LOGS_MYSQL_URL instead, or give --mysql-password-file FILE',
  )
}

let secret: Uint8Array | undefined
try {
  const fromFile = values['auth-secret-file'] ? readFileSync(values['auth-secret-file'], 'utf8') : undefined
  secret = authSecret(fromFile ?? process.env.LOGS_AUTH_SECRET)
} catch (error) {
  fail(`The token secret cannot be used: ${error instanceof Error ? error.message : String(error)}`)
}
// A real store's logs are never served to the network without authentication.
if (values.mysql && !secret && !loopback(values.host ?? '127.0.0.1')) {
  fail(
    `Refusing to serve a store's logs on ${values.host} without authentication: set LOGS_AUTH_SECRET (at least 32 bytes; or --auth-secret-file FILE), and have the Magento admin sign its admins' tokens with it (docs/embedding.md)`,
  )
}

if (values['reset-only']) {
  const started = performance.now()
  const counts = seedCountsFromEnv()
  openDatabase(values.db, { reset: true, seed: counts }).close()
  console.log(
    `Seeded ${values.db}: ${counts.listing} listing, ${counts.order} order, ${counts.synchronization} synchronization records in ${Math.round(performance.now() - started)} ms`,
  )
} else {
  const common = {
    port,
    host: values.host,
    extraHosts: values['allowed-host'],
    cors: values.cors,
    testMode: values['test-mode'],
    formKey: values['form-key'] || undefined,
    authSecret: secret,
    ...(values['max-streams'] && { maxStreams: count('--max-streams', values['max-streams']) }),
    ...(values['max-streams-per-admin'] && {
      maxStreamsPerAdmin: count('--max-streams-per-admin', values['max-streams-per-admin']),
    }),
  }
  let server
  try {
    server = values.mysql
      ? await startApiServer({
          ...common,
          mysql: { url: mysqlUrl!, tablePrefix: values['table-prefix'], allowWrites: values['allow-writes'] },
        })
      : await startApiServer({ ...common, dbFile: values.db, reset: values.reset })
  } catch (error) {
    fail(`The API server did not start: ${error instanceof Error ? error.message : String(error)}`)
  }
  console.log(
    `Preview API on ${server.url}/api/v1 (${server.store.label}${values.cors ? `, CORS ${values.cors}` : ''}${values['form-key'] ? ', form_key required' : ''})${values['test-mode'] ? ' TEST MODE: faults can be injected' : ''}${secret ? ', bearer tokens required' : ', NO AUTHENTICATION: anyone who can reach it reads every log'}`,
  )
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
