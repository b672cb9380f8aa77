/**
 * Fills M2E's tables with the preview's generated records, for a demo or a test: creates the
 * tables that are missing (as m2e-schema.md gives them), then loads accounts, shops, listings,
 * orders, Magento order numbers, the Logs Clearing settings and the three logs, in batches.
 * `npm run api:seed-mysql -- --mysql URL [--listing N --order N --sync N]`.
 */
import mysql from 'mysql2/promise'
import { urlHost } from './store.ts'
import { fieldEntries } from '../../src/api/fields.ts'
import { DEFAULT_LOGS_CLEARING, type LogKindName, type NewLogRecord } from '../../src/api/schemas.ts'
import { META, generateListingChunks, generateOrderRecords, generateSynchronizationRecords } from '../generate.ts'
import type { SeedCounts } from '../db.ts'
import {
  CLEARING_GROUPS,
  CONFIG_EXTENSION,
  indexDdl,
  logTableDdl,
  m2eTables,
  supportTablesDdl,
  type LogTable,
  type M2eTables,
} from './schema.ts'

export interface SeedMysqlOptions {
  /** `mysql://USER:PASSWORD@HOST:PORT/DATABASE` (`?socket=PATH` for a Unix socket). */
  url: string
  tablePrefix?: string
  counts: SeedCounts
  /** The newest record's time (ms). @default now */
  now?: number
  /**
   * Add to logs that already hold records. Without it, a database whose logs are not empty (a
   * real store's, perhaps) is refused. @default false
   */
  append?: boolean
}

/** Rows per INSERT statement, and per transaction. */
const BATCH_ROWS = 2_000
const TRANSACTION_ROWS = 50_000

/** An ISO date as the DATETIME Magento stores (UTC, whole seconds). */
const datetime = (iso: string) => iso.slice(0, 19).replace('T', ' ')

/** Connection options from a `mysql://` URL. */
export function connectionOptions(url: string): mysql.ConnectionOptions {
  const parsed = new URL(url)
  const socket = parsed.searchParams.get('socket')
  return {
    ...(socket ? { socketPath: socket } : { host: urlHost(parsed), port: Number(parsed.port || 3306) }),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    timezone: 'Z',
    charset: 'utf8mb4',
  }
}

/** Loads the seed; answers how many records each log received and how long it took. */
export async function seedMysql(options: SeedMysqlOptions) {
  const started = performance.now()
  const tables = m2eTables(options.tablePrefix)
  const connection = await mysql.createConnection(connectionOptions(options.url))
  try {
    await connection.query('SET SESSION unique_checks = 0, foreign_key_checks = 0')
    if (!options.append) await refuseFilledTables(connection, tables)
    for (const ddl of supportTablesDdl(tables)) await connection.query(ddl)
    await seedSupport(connection, tables)
    const generate = options.now === undefined ? {} : { now: options.now }
    // Each log as chunks of records, oldest first (a large listing log a million at a time).
    const logs: [LogTable, LogKindName, () => Iterable<NewLogRecord<LogKindName>[]>][] = [
      ['listingLog', 'listing', () => generateListingChunks(options.counts.listing, generate)],
      ['orderLog', 'order', () => [generateOrderRecords(options.counts.order, generate)]],
      [
        'synchronizationLog',
        'synchronization',
        () => [generateSynchronizationRecords(options.counts.synchronization, generate)],
      ],
    ]
    for (const [log, kind, generateChunks] of logs) {
      // A table created here is loaded first and indexed after: one sorted build per index
      // instead of twelve index updates per row.
      const created = !(await tableExists(connection, tables[log]))
      await connection.query(logTableDdl(tables, log, !created))
      for (const records of generateChunks()) {
        if (kind === 'order') await seedOrders(connection, tables, records as NewLogRecord<'order'>[])
        if (kind === 'listing') await seedListings(connection, tables, records as NewLogRecord<'listing'>[])
        await insertLog(connection, tables, log, kind, records)
      }
      if (created) await connection.query(indexDdl(tables, log))
    }
  } finally {
    await connection.end()
  }
  return { ms: Math.round(performance.now() - started) }
}

/** Generated records never go beside a store's own (logs, accounts, orders) unless asked (`append`). */
async function refuseFilledTables(connection: mysql.Connection, tables: M2eTables) {
  for (const log of ['listingLog', 'orderLog', 'synchronizationLog', 'account', 'order', 'salesOrder'] as const) {
    if (!(await tableExists(connection, tables[log]))) continue
    const [rows] = await connection.query(`SELECT EXISTS (SELECT 1 FROM ${tables[log]}) AS filled`)
    if (Number((rows as { filled: number }[])[0]!.filled) === 1) {
      throw new Error(
        `${tables[log]} already holds records: the seed adds generated ones beside them only with --append (never on a real store's database)`,
      )
    }
  }
}

async function tableExists(connection: mysql.Connection, quoted: string) {
  const [rows] = await connection.query(
    'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?',
    [quoted.slice(1, -1)],
  )
  return Number((rows as { n: number }[])[0]!.n) > 0
}

/**
 * Inserts `total` rows in multi-row statements (values escaped by the client library),
 * committing every TRANSACTION_ROWS. `slice` builds the rows of one statement.
 */
async function insertBatches(
  connection: mysql.Connection,
  sql: string,
  total: number,
  slice: (start: number, end: number) => unknown[][],
) {
  for (let start = 0; start < total; start += TRANSACTION_ROWS) {
    await connection.beginTransaction()
    const end = Math.min(total, start + TRANSACTION_ROWS)
    for (let batch = start; batch < end; batch += BATCH_ROWS) {
      await connection.query(sql, [slice(batch, Math.min(end, batch + BATCH_ROWS))])
    }
    await connection.commit()
  }
}

/** Inserts rows that may be there already (a second seed into the same tables keeps them). */
function insertRows(connection: mysql.Connection, table: string, columns: string[], rows: unknown[][]) {
  const sql = `INSERT IGNORE INTO ${table} (${columns.join(', ')}) VALUES ?`
  return insertBatches(connection, sql, rows.length, (start, end) => rows.slice(start, end))
}

async function seedSupport(connection: mysql.Connection, tables: M2eTables) {
  const accounts = META.accounts.map((a) => [a.id, a.title, a.title, `open-${a.id}`])
  await insertRows(connection, tables.account, ['id', 'title', 'seller_name', 'open_id'], accounts)
  const shops = META.accounts.flatMap((a) =>
    a.shops.map((s) => [s.id, a.id, String(7_494_000_000_000_000_000n + BigInt(s.id)), s.name, s.region]),
  )
  await insertRows(connection, tables.shop, ['id', 'account_id', 'shop_id', 'shop_name', 'region'], shops)
  const [existing] = await connection.query(
    `SELECT \`group\`, \`key\` FROM ${tables.config} WHERE extension_name = ?`,
    [CONFIG_EXTENSION],
  )
  const have = new Set((existing as { group: string; key: string }[]).map((r) => `${r.group}|${r.key}`))
  const config: unknown[][] = []
  for (const [kind, group] of Object.entries(CLEARING_GROUPS) as [LogKindName, string][]) {
    const setting = DEFAULT_LOGS_CLEARING[kind]
    if (!have.has(`${group}|mode`)) config.push([CONFIG_EXTENSION, group, 'mode', setting.enabled ? '1' : '0'])
    if (!have.has(`${group}|days`)) config.push([CONFIG_EXTENSION, group, 'days', String(setting.keepDays)])
  }
  if (!have.has('/logs/grouped/|max_records_count'))
    config.push([CONFIG_EXTENSION, '/logs/grouped/', 'max_records_count', '100000'])
  await insertRows(connection, tables.config, ['extension_name', '`group`', '`key`', 'value'], config)
}

async function seedListings(connection: mysql.Connection, tables: M2eTables, records: NewLogRecord<'listing'>[]) {
  const listings = new Map<number, unknown[]>()
  for (const r of records) listings.set(r.listingId, [r.listingId, r.listingTitle, r.accountId, r.shopId])
  await insertRows(connection, tables.listing, ['id', 'title', 'account_id', 'shop_id'], [...listings.values()])
}

async function seedOrders(connection: mysql.Connection, tables: M2eTables, records: NewLogRecord<'order'>[]) {
  const orders = new Map<number, unknown[]>()
  const sales = new Map<number, unknown[]>()
  for (const r of records) {
    orders.set(r.orderId, [r.orderId, r.accountId, r.shopId, r.ttsOrderId, r.magentoOrderId])
    if (r.magentoOrderId !== null) sales.set(r.magentoOrderId, [r.magentoOrderId, r.magentoOrderNumber])
  }
  await insertRows(
    connection,
    tables.order,
    ['id', 'account_id', 'shop_id', 'tts_order_id', 'magento_order_id'],
    [...orders.values()],
  )
  await insertRows(connection, tables.salesOrder, ['entity_id', 'increment_id'], [...sales.values()])
}

/** Each log's own columns in M2E's log table (its field list's, less the joined ones and the id). */
const logColumns = (kind: LogKindName) => fieldEntries(kind).filter(([, entry]) => !entry.joined)

function insertLog(
  connection: mysql.Connection,
  tables: M2eTables,
  log: LogTable,
  kind: LogKindName,
  records: NewLogRecord<LogKindName>[],
) {
  const columns = logColumns(kind)
  const sql = `INSERT INTO ${tables[log]} (${columns.map(([, entry]) => entry.column).join(', ')}) VALUES ?`
  const row = (record: Record<string, unknown>) =>
    columns.map(([field, entry]) => (entry.value === 'date' ? datetime(record[field] as string) : record[field]))
  return insertBatches(connection, sql, records.length, (start, end) => records.slice(start, end).map(row))
}
