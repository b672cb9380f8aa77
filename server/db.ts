/**
 * The preview backend's SQLite store. Dates are kept as UTC milliseconds (compact, indexable);
 * the API turns them into ISO 8601 strings. Every statement is prepared and parameterised.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { DATE_MAX, DATE_MIN } from '../src/api/columns.ts'
import {
  DEFAULT_LOGS_CLEARING,
  type LogKindName,
  type LogsClearingSettings,
  type Meta,
  type NewLogRecord,
} from '../src/api/schemas.ts'
import { META, generateListingChunks, generateOrderRecords, generateSynchronizationRecords } from './generate.ts'
import { TABLES, columnOf, createSchema, ensureHourlyCounts } from './sqliteSchema.ts'
import {
  FILTER_FIELDS,
  HOUR_MS,
  summaryOf,
  type LogFilter,
  type LogReader,
  type LogStore,
  type LogSummary,
  type Seek,
} from './store.ts'

export type Db = Database.Database

export interface SeedCounts {
  listing: number
  order: number
  synchronization: number
}

/** Default seed sizes, overridable with PREVIEW_LISTING_LOGS, PREVIEW_ORDER_LOGS, PREVIEW_SYNC_LOGS. */
export function seedCountsFromEnv(env: NodeJS.ProcessEnv = process.env): SeedCounts {
  const read = (name: string, fallback: number) => {
    const value = env[name]
    if (value === undefined || value === '') return fallback
    const parsed = Number(value)
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got "${value}"`)
    return parsed
  }
  return {
    listing: read('PREVIEW_LISTING_LOGS', 50_000),
    order: read('PREVIEW_ORDER_LOGS', 10_000),
    synchronization: read('PREVIEW_SYNC_LOGS', 3_000),
  }
}

export interface OpenOptions {
  /** Seed an empty database with these counts. @default seedCountsFromEnv() */
  seed?: SeedCounts
  /** Wipe and seed again. @default false */
  reset?: boolean
  /** The newest seeded record's time (ms). @default now */
  now?: number
}

/** Opens (creating and seeding when new) a preview database. `:memory:` works too. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  if (options.reset) {
    for (const { table } of Object.values(TABLES)) {
      db.exec(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${table}_hourly`)
    }
    db.exec('DROP TABLE IF EXISTS shop; DROP TABLE IF EXISTS account; DROP TABLE IF EXISTS logs_clearing')
  }
  createSchema(db)
  const seeded = db.prepare('SELECT COUNT(*) AS n FROM account').get() as { n: number }
  if (seeded.n === 0) seedDatabase(db, options.seed ?? seedCountsFromEnv(), options.now)
  // After the seed: a new database is loaded without the counting triggers, then counted once.
  ensureHourlyCounts(db)
  return db
}

function seedDatabase(db: Db, counts: SeedCounts, now?: number) {
  const options = now === undefined ? {} : { now }
  db.transaction(() => {
    const insertAccount = db.prepare('INSERT INTO account (id, title) VALUES (?, ?)')
    const insertShop = db.prepare('INSERT INTO shop (id, account_id, name, region) VALUES (?, ?, ?, ?)')
    for (const account of META.accounts) {
      insertAccount.run(account.id, account.title)
      for (const shop of account.shops) insertShop.run(shop.id, account.id, shop.name, shop.region)
    }
  })()
  for (const chunk of generateListingChunks(counts.listing, options)) insertRecords(db, 'listing', chunk)
  insertRecords(db, 'order', generateOrderRecords(counts.order, options))
  insertRecords(db, 'synchronization', generateSynchronizationRecords(counts.synchronization, options))
}

/** Inserts all records in one transaction: all or none. Returns the new ids. */
export function insertRecords<K extends LogKindName>(db: Db, kind: K, records: readonly NewLogRecord<K>[]): number[] {
  const { table, columns } = TABLES[kind]
  const fields = columns.filter((c) => c.field !== 'id')
  const statement = db.prepare(
    `INSERT INTO ${table} (${fields.map((c) => c.column).join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`,
  )
  const ids: number[] = []
  db.transaction(() => {
    for (const record of records) {
      const values = fields.map((c) => {
        const value = (record as Record<string, unknown>)[c.field]
        return c.field === 'createDate' ? Date.parse(value as string) : value
      })
      ids.push(Number(statement.run(values).lastInsertRowid))
    }
  })()
  return ids
}

export function readMeta(db: Db): Meta {
  const accounts = db.prepare('SELECT id, title FROM account ORDER BY id').all() as { id: number; title: string }[]
  const shops = db.prepare('SELECT id, account_id AS accountId, name, region FROM shop ORDER BY id').all() as {
    id: number
    accountId: number
    name: string
    region: string
  }[]
  // The preview's dates are NOT NULL; one outside 2000-2200 (a database edited by hand) has no use.
  const undated = (kind: LogKindName) =>
    db
      .prepare(`SELECT COUNT(*) FROM ${TABLES[kind].table} WHERE create_date NOT BETWEEN ${DATE_MIN} AND ${DATE_MAX}`)
      .pluck()
      .get() as number
  return {
    accounts: accounts.map((account) => ({
      ...account,
      shops: shops.filter((s) => s.accountId === account.id).map(({ id, name, region }) => ({ id, name, region })),
    })),
    undated: { listing: undated('listing'), order: undated('order'), synchronization: undated('synchronization') },
  }
}

export function readSettings(db: Db): LogsClearingSettings {
  const rows = db.prepare('SELECT kind, enabled, keep_days AS keepDays FROM logs_clearing').all() as {
    kind: LogKindName
    enabled: number
    keepDays: number
  }[]
  const settings = structuredClone(DEFAULT_LOGS_CLEARING)
  for (const row of rows) settings[row.kind] = { enabled: row.enabled === 1, keepDays: row.keepDays }
  return settings
}

export function writeSettings(db: Db, settings: LogsClearingSettings) {
  const statement = db.prepare('UPDATE logs_clearing SET enabled = ?, keep_days = ? WHERE kind = ?')
  db.transaction(() => {
    for (const [kind, setting] of Object.entries(settings)) {
      statement.run(setting.enabled ? 1 : 0, setting.keepDays, kind)
    }
  })()
}

/** Logs Clearing: deletes records older than each enabled log's Keep For days. */
export function applyRetention(db: Db, now = Date.now()): Record<LogKindName, number> {
  const settings = readSettings(db)
  const deleted = { listing: 0, order: 0, synchronization: 0 }
  for (const kind of Object.keys(TABLES) as LogKindName[]) {
    const setting = settings[kind]
    if (!setting.enabled) continue
    const cutoff = now - setting.keepDays * 86_400_000
    deleted[kind] = db.prepare(`DELETE FROM ${TABLES[kind].table} WHERE create_date < ?`).run(cutoff).changes
  }
  return deleted
}

/** The `column = ?` clauses of a filter's account, shop, listing, product and order, with their values. */
function equalities(kind: LogKindName, filter: LogFilter) {
  const where: string[] = []
  const params: number[] = []
  for (const field of FILTER_FIELDS[kind]) {
    const value = filter[field]
    if (value === undefined) continue
    where.push(`${columnOf(kind, field)} = ?`)
    params.push(value)
  }
  return { where, params }
}

/** The preview's SQLite file as a LogStore: every write allowed, Logs Clearing run here. */
export class SqliteStore implements LogStore {
  readonly label: string
  constructor(
    readonly db: Db,
    file: string,
  ) {
    this.label = `SQLite ${file}`
  }

  refuses(): string | null {
    return null
  }

  async meta() {
    return readMeta(this.db)
  }

  async settings() {
    return readSettings(this.db)
  }

  async saveSettings(settings: LogsClearingSettings) {
    writeSettings(this.db, settings)
  }

  reader(kind: LogKindName, filter: LogFilter): LogReader {
    const { table, columns } = TABLES[kind]
    const { where, params } = equalities(kind, filter)
    // One pair of date bounds, the tightest: what cannot be shown (no usable date) is left out,
    // and counted in meta; a date range narrows it. With two pairs SQLite seeks by one (it took
    // the wide one), and walked the index from the newest record to the range: a day a month
    // back in a log of 3,000,000 took 0.9 s per 5,000 records instead of 0.03 s.
    const lower = Math.max(DATE_MIN, filter.from ?? DATE_MIN)
    const upper = Math.min(DATE_MAX, filter.to ?? DATE_MAX)
    where.push('create_date >= ?', 'create_date <= ?')
    if (filter.afterId !== undefined) where.push('id > ?')
    /** The values of `where`'s placeholders, with `top` as the upper date bound. */
    const values = (top: number) => [...params, lower, top, ...(filter.afterId === undefined ? [] : [filter.afterId])]
    const sql = (after: boolean) => {
      // After a record, the upper bound is its date (passed as that bound) and a row value
      // breaks the ties, so each page seeks the (create_date, id) index where the last one ended.
      const clauses = after ? [...where, '(create_date, id) < (?, ?)'] : where
      const read = columns.map((c, k) => `${c.read ?? c.column} AS c${k}`)
      return `SELECT ${read.join(', ')} FROM ${table} WHERE ${clauses.join(' AND ')} ORDER BY create_date DESC, id DESC LIMIT ?`
    }
    // Column by column: SQLite writes each column's values as one JSON array, and the page crosses
    // into JavaScript as a string per field instead of a value per cell.
    const inColumns = (after: boolean) =>
      `SELECT ${columns.map((_, k) => `json_group_array(c${k})`).join(', ')} FROM (${sql(after)})`
    const first = this.db.prepare(sql(false)).raw(true)
    const next = this.db.prepare(sql(true)).raw(true)
    // Prepared on first use: most readers (pages, polls) never read column by column.
    let inColumnsStatements: [first: Database.Statement, next: Database.Statement] | null = null
    const columnStatements = () =>
      (inColumnsStatements ??= [
        this.db.prepare(inColumns(false)).raw(true),
        this.db.prepare(inColumns(true)).raw(true),
      ])
    const count = this.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where.join(' AND ')}`).pluck()
    const fields = columns.map((c) => c.field)
    /** The values of a page's placeholders. */
    const args = (after: Seek | null, limit: number) =>
      after
        ? [...values(Math.min(upper, after.createDate)), after.createDate, after.id, limit]
        : [...values(upper), limit]
    const dates = fields.indexOf('createDate')
    const ids = fields.indexOf('id')
    return {
      fields,
      count: async () => count.get(...values(upper)) as number,
      rows: async (after: Seek | null, limit: number) =>
        (after ? next : first).all(...args(after, limit)) as unknown[][],
      columns: async (after: Seek | null, limit: number) => {
        let read: unknown[][] | null = null
        try {
          const [firstPage, nextPage] = columnStatements()
          const texts = (after ? nextPage : firstPage).get(...args(after, limit)) as string[]
          read = texts.map((text) => JSON.parse(text) as unknown[])
        } catch {
          // What JSON cannot hold (a BLOB written into the file by something else) is read row
          // by row (readColumns); a database that is down fails there too, and says so.
        }
        // The aggregate takes the subquery's rows in its order; should a SQLite ever not, the
        // page is read again row by row (readColumns) rather than sent out of order.
        return read && newestFirst(read[dates] as number[], read[ids] as number[]) ? read : null
      },
    }
  }

  /**
   * Counts per UTC hour and type. From the hourly counts for whole hours; from the log itself
   * for what they cannot answer: a product or an order, and the part hours at a date range's ends.
   */
  async summary(kind: LogKindName, filter: LogFilter): Promise<LogSummary> {
    const { table } = TABLES[kind]
    const { where: equal, params } = equalities(kind, filter)
    const from = filter.from ?? 0
    const to = filter.to ?? Number.MAX_SAFE_INTEGER
    const counts = new Map<string, number>()
    const add = (rows: [number, number, number][]) => {
      for (const [hour, type, n] of rows) counts.set(`${hour}:${type}`, (counts.get(`${hour}:${type}`) ?? 0) + n)
    }
    const scan = (start: number, end: number) =>
      add(
        this.db
          .prepare(
            `SELECT create_date / ${HOUR_MS} * ${HOUR_MS}, type, COUNT(*) FROM ${table}
             WHERE ${[...equal, 'create_date >= ?', 'create_date <= ?'].join(' AND ')} GROUP BY 1, 2`,
          )
          .raw(true)
          .all(...params, start, end) as [number, number, number][],
      )
    const byRecord = filter.listingProductId !== undefined || filter.orderId !== undefined
    // Whole hours inside the range: [firstWhole, lastWhole).
    const firstWhole = Math.ceil(from / HOUR_MS) * HOUR_MS
    const lastWhole = Math.floor((to + 1) / HOUR_MS) * HOUR_MS
    if (byRecord || firstWhole >= lastWhole) scan(from, to)
    else {
      // The hourly counts have the log's account_id, shop_id and listing_id columns.
      add(
        this.db
          .prepare(
            `SELECT hour, type, SUM(n) FROM ${table}_hourly
             WHERE ${[...equal, 'hour >= ?', 'hour < ?'].join(' AND ')} GROUP BY 1, 2 HAVING SUM(n) > 0`,
          )
          .raw(true)
          .all(...params, firstWhole, lastWhole) as [number, number, number][],
      )
      if (from < firstWhole) scan(from, firstWhole - 1)
      if (lastWhole <= to) scan(lastWhole, to)
    }
    return summaryOf(counts)
  }

  async insert<K extends LogKindName>(kind: K, records: readonly NewLogRecord<K>[]) {
    return insertRecords(this.db, kind, records)
  }

  async clear(kind: LogKindName) {
    return this.db.prepare(`DELETE FROM ${TABLES[kind].table}`).run().changes
  }

  async applyRetention(now?: number) {
    return applyRetention(this.db, now)
  }

  async close() {
    this.db.close()
  }
}

/** Whether records (their dates and ids) run newest first: by date, then by id. */
export function newestFirst(dates: readonly number[], ids: readonly number[]): boolean {
  for (let k = 1; k < ids.length; k++) {
    if (dates[k]! > dates[k - 1]! || (dates[k] === dates[k - 1] && ids[k]! >= ids[k - 1]!)) return false
  }
  return true
}
