/**
 * `npm run bench:stores -- [--records N] [--order N] [--runs N]`: the same log read whole through
 * the API from each store: the SQLite preview, and M2E's tables in a MariaDB this script starts
 * (Debian's mariadb-server, a temporary data directory). The read is what the page does: one
 * `format=columns-stream` request, gzipped, every line parsed. Also times the MySQL seed, and
 * EXPLAINs the seek at the top and the bottom of the listing log.
 *
 * The order log has no `create_date` index in M2E's schema: its walk is timed as it is, and again
 * after `ALTER TABLE m2e_tts_order_log ADD INDEX create_date (create_date)` (what to recommend).
 * The last line is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import mysql from 'mysql2/promise'
import { openDatabase } from '../../server/db.ts'
import { connectionOptions, seedMysql } from '../../server/mysql/seed.ts'
import { MysqlStore } from '../../server/mysql/store.ts'
import { startApiServer, type RunningApiServer } from '../../server/server.ts'
import { startMariaDb } from '../../tests/setup/mariadb.ts'

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    order: { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
})
const whole = (name: string, raw: string) => {
  if (!/^\d{1,9}$/.test(raw)) throw new Error(`--${name} must be a whole number, got "${raw}"`)
  return Number(raw)
}
const listing = whole('records', values.records)
const order = whole('order', values.order ?? String(Math.min(listing, 200_000)))
const runs = Math.max(1, whole('runs', values.runs))
const counts = { listing, order, synchronization: 10 }
const log = (message: string) => console.error(message)

/** Reads a whole log as the page does; answers the records read and the time. */
async function readWhole(server: RunningApiServer, kind: string) {
  const started = performance.now()
  const response = await fetch(`${server.url}/api/v1/logs/${kind}?format=columns-stream&limit=1000`, {
    headers: { 'Accept-Encoding': 'gzip' },
  })
  if (response.status !== 200) throw new Error(`${kind}: HTTP ${response.status} ${await response.text()}`)
  // fetch gunzips as it reads; the lines are parsed as the client parses them.
  const text = await response.text()
  let records = 0
  let ended = false
  for (const line of text.split('\n')) {
    if (!line) continue
    const parsed = JSON.parse(line) as { count: number; end?: boolean }
    if (parsed.end) ended = true
    else records += parsed.count
  }
  if (!ended) throw new Error(`${kind}: the stream had no end line`)
  return { records, ms: Math.round(performance.now() - started) }
}

async function timeReads(server: RunningApiServer, kind: string, expected: number) {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const { records, ms } = await readWhole(server, kind)
    if (records !== expected) throw new Error(`${kind}: read ${records} records, expected ${expected}`)
    times.push(ms)
    log(`  ${kind} read ${records} records in ${ms} ms`)
  }
  times.sort((a, b) => a - b)
  return times[times.length >> 1]!
}

const dir = mkdtempSync(join(tmpdir(), 'tts-bench-stores-'))
const mariadb = await startMariaDb()
try {
  log(`SQLite: seeding ${listing} listing and ${order} order records…`)
  let started = performance.now()
  openDatabase(join(dir, 'bench.sqlite'), { reset: true, seed: counts }).close()
  const sqliteSeedMs = Math.round(performance.now() - started)
  const sqlite = await startApiServer({ dbFile: join(dir, 'bench.sqlite') })

  log('MariaDB: seeding the same…')
  mariadb.sql('CREATE DATABASE magento')
  const url = mariadb.url('magento')
  started = performance.now()
  await seedMysql({ url, counts })
  const mysqlSeedMs = Math.round(performance.now() - started)
  const maria = await startApiServer({ mysql: { url } })

  // Warm both (file cache, buffer pool), as a store that has been up a while.
  await readWhole(sqlite, 'listing')
  await readWhole(maria, 'listing')
  log('Listing log:')
  const sqliteListingMs = await timeReads(sqlite, 'listing', listing)
  const mysqlListingMs = await timeReads(maria, 'listing', listing)

  log('Order log (no create_date index, as M2E ships it):')
  const sqliteOrderMs = await timeReads(sqlite, 'order', order)
  const mysqlOrderMs = await timeReads(maria, 'order', order)

  const connection = await mysql.createConnection(connectionOptions(url))
  const store = new MysqlStore({ url })
  const explain = async (kind: 'listing' | 'order', at: 'top' | 'bottom') => {
    const table = kind === 'listing' ? 'm2e_tts_listing_log' : 'm2e_tts_order_log'
    // A cursor a thousand records from the end (a twentieth of a small log).
    const offset = Math.min(1000, Math.floor((kind === 'listing' ? listing : order) / 20))
    const [[edge]] = (await connection.query(
      `SELECT create_date AS d FROM ${table} ORDER BY create_date ${at === 'top' ? 'DESC' : 'ASC'} LIMIT 1 OFFSET ?`,
      [offset],
    )) as unknown as [[{ d: Date }]]
    const date = edge.d.toISOString().slice(0, 19).replace('T', ' ')
    const [rows] = await connection.query(`EXPLAIN ${store.seekSql(kind)}`, [date, date, 2 ** 31, 5000])
    const row = (rows as { table: string; type: string; key: string | null; rows: number }[]).find(
      (r) => r.table === 'l',
    )!
    return { type: row.type, key: row.key, rows: Number(row.rows) }
  }
  const explained = {
    listingTop: await explain('listing', 'top'),
    listingBottom: await explain('listing', 'bottom'),
    orderBottom: await explain('order', 'bottom'),
  }

  log('Order log with the recommended index (ALTER TABLE m2e_tts_order_log ADD INDEX create_date (create_date)):')
  started = performance.now()
  await connection.query('ALTER TABLE m2e_tts_order_log ADD INDEX create_date (create_date)')
  const indexMs = Math.round(performance.now() - started)
  const mysqlOrderIndexedMs = await timeReads(maria, 'order', order)
  await connection.end()
  await store.close()
  await sqlite.close()
  await maria.close()

  console.log(
    JSON.stringify({
      records: { listing, order },
      runs,
      seedMs: { sqlite: sqliteSeedMs, mysql: mysqlSeedMs },
      listingReadMs: {
        sqlite: sqliteListingMs,
        mysql: mysqlListingMs,
        ratio: +(mysqlListingMs / sqliteListingMs).toFixed(2),
      },
      orderReadMs: {
        sqlite: sqliteOrderMs,
        mysql: mysqlOrderMs,
        mysqlWithCreateDateIndex: mysqlOrderIndexedMs,
        indexBuildMs: indexMs,
      },
      explain: explained,
    }),
  )
} finally {
  await mariadb.destroy()
  rmSync(dir, { recursive: true, force: true })
}
