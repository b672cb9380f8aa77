/**
 * The log API over M2E TikTok Shop's own tables in MySQL/MariaDB (`npm run api -- --mysql URL`,
 * or LOGS_MYSQL_URL for `npm run dev` and `npm run preview`).
 *
 * - Read-only unless `allowWrites`: every session is `READ ONLY` as well, so a stray write fails
 *   in the database too. Records are never added (the extension writes its own logs).
 * - Every query is parameterised; the only names put into SQL are the fixed table and column
 *   names below, under a prefix checked by TABLE_PREFIX_PATTERN.
 * - The cursor walk seeks on `create_date` (the primary key breaking ties), written as
 *   `create_date < ? OR (create_date = ? AND id < ?)`: MariaDB 10.11 turns that into a range on
 *   the `create_date` index, but scans from the top for the row value `(create_date, id) < (?, ?)`.
 * - A database that is down, or a missing table, is a StoreError naming what is wrong.
 */
import mysql from 'mysql2/promise'
import { fieldOf } from '../../src/api/fields.ts'
import {
  DEFAULT_LOGS_CLEARING,
  KEEP_DAYS_MAX,
  KEEP_DAYS_MIN,
  type LogKindName,
  type LogsClearingSettings,
  type Meta,
} from '../../src/api/schemas.ts'
import {
  FILTER_FIELDS,
  HOUR_MS,
  StoreError,
  summaryOf,
  type LogFilter,
  type LogReader,
  type LogStore,
  type LogSummary,
  type Seek,
} from '../store.ts'
import { CLEARING_GROUPS, CONFIG_EXTENSION, m2eTables, type M2eTables } from './schema.ts'
import { SEEK_SQL, VALID_DATE_SQL, logSources, sqlDate } from './sources.ts'

export interface MysqlStoreOptions {
  /** `mysql://USER:PASSWORD@HOST:PORT/DATABASE` */
  url: string
  /** The Magento table prefix (before `m2e_tts_`). @default '' */
  tablePrefix?: string
  /** Let Clear All and the Logs Clearing settings write. @default false */
  allowWrites?: boolean
}

/** Error codes of a database that cannot be reached or went away. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
  'ER_CLIENT_INTERACTION_TIMEOUT',
])

/** Reads give up after this long: a stalled database is an error, not a request that hangs. */
const QUERY_TIMEOUT_MS = 60_000

/** A URL's host for the client library (`[::1]` → `::1`). */
export const urlHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1')

/** The URL without its password, for messages. */
function describeUrl(url: URL): string {
  return `${decodeURIComponent(url.username) || '(no user)'}@${url.host}${url.pathname}`
}

export class MysqlStore implements LogStore {
  readonly label: string
  readonly tables: M2eTables
  private readonly pool: mysql.Pool
  private readonly sources: ReturnType<typeof logSources>
  private readonly allowWrites: boolean
  private readonly prefix: string

  constructor(options: MysqlStoreOptions) {
    let url: URL
    try {
      url = new URL(options.url)
    } catch {
      throw new Error('the MySQL URL is not a URL: expected mysql://USER:PASSWORD@HOST:PORT/DATABASE')
    }
    if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
      throw new Error(`the MySQL URL must start with mysql://, got ${url.protocol}//`)
    }
    const database = decodeURIComponent(url.pathname.slice(1))
    if (!database) throw new Error('the MySQL URL names no database: mysql://USER:PASSWORD@HOST:PORT/DATABASE')
    this.prefix = options.tablePrefix ?? ''
    this.tables = m2eTables(this.prefix)
    this.sources = logSources(this.tables)
    this.allowWrites = options.allowWrites ?? false
    const notes = [...(this.prefix ? [`prefix ${this.prefix}`] : []), ...(this.allowWrites ? [] : ['read-only'])]
    this.label = `MySQL ${describeUrl(url)}${notes.length ? ` (${notes.join(', ')})` : ''}`
    const socket = url.searchParams.get('socket')
    this.pool = mysql.createPool({
      ...(socket ? { socketPath: socket } : { host: urlHost(url), port: Number(url.port || 3306) }),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database,
      // Magento keeps DATETIME in UTC: read it as UTC, whatever this machine's zone.
      timezone: 'Z',
      charset: 'utf8mb4',
      connectionLimit: 4,
      connectTimeout: 5_000,
      enableKeepAlive: true,
      // Never more than one statement per query, whatever a value holds.
      multipleStatements: false,
    })
    if (!this.allowWrites) {
      // Defence in depth: the database itself refuses a write on these sessions.
      this.pool.pool.on('connection', (connection) => {
        connection.query('SET SESSION TRANSACTION READ ONLY', (error: unknown) => {
          // A session that could not be made read-only is not used.
          if (error) connection.destroy()
        })
      })
    }
  }

  refuses(write: 'clear' | 'settings' | 'post'): string | null {
    if (write === 'post') {
      return "records are never added to M2E's tables through this API: the extension writes its own logs"
    }
    if (this.allowWrites) return null
    return 'this log is read from a store database, read-only: start the API with --allow-writes (or set LOGS_MYSQL_ALLOW_WRITES=1) to allow Clear All and Logs Clearing settings'
  }

  /** Runs a query, turning a database failure into a StoreError that names it. */
  private async query<T>(sql: string, params: unknown[] = [], rowsAsArray = false): Promise<T> {
    try {
      const [rows] = await this.pool.query({ sql, values: params, rowsAsArray, timeout: QUERY_TIMEOUT_MS })
      return rows as T
    } catch (error) {
      throw this.explain(error)
    }
  }

  /**
   * What a database error means, for the client: never a stack trace or a password, and not the
   * database's user, host, port or name either (those go to the server's log, with the error).
   */
  explain(error: unknown): StoreError {
    const e = error as { code?: string; errno?: number; sqlMessage?: string; fatal?: boolean; message?: string }
    const code = e.code ?? 'unknown'
    const detail = (message: string) => [{ field: '(database)', message }]
    if (code !== 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION')
      console.error(`[mysql store] ${this.label}: ${code} ${e.sqlMessage ?? e.message ?? ''}`)
    // MySQL names the table as `database.table`: the table is enough.
    const sqlMessage = e.sqlMessage?.replace(/'[^'.\s]+\.([^'\s]+)'/g, "'$1'")
    if (UNREACHABLE.has(code) || (e.fatal && !e.sqlMessage)) {
      return new StoreError(503, {
        error: 'Database unavailable',
        details: detail(
          `The database cannot be reached (${code}). Once it is back, Retry goes on from where the load stopped.`,
        ),
      })
    }
    if (code === 'ER_NO_SUCH_TABLE' || code === 'ER_BAD_FIELD_ERROR') {
      return new StoreError(500, {
        error: code === 'ER_NO_SUCH_TABLE' ? 'Database table missing' : 'Database column missing',
        details: detail(
          `${sqlMessage ?? code}: is M2E TikTok Shop (schema 2.12) installed in this database, with the table prefix "${this.prefix}"?`,
        ),
      })
    }
    if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR' || code === 'ER_BAD_DB_ERROR') {
      return new StoreError(503, {
        error: 'Database refused the connection',
        details: detail(
          `The database refused the API server's connection (${code}): check the user, password and database it is started with (its log says which).`,
        ),
      })
    }
    if (code === 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION') {
      return new StoreError(403, { error: 'Read-only', details: detail(this.refuses('clear') ?? e.sqlMessage ?? code) })
    }
    if (code === 'ER_TABLEACCESS_DENIED_ERROR' || code === 'ER_COLUMNACCESS_DENIED_ERROR') {
      // Not the admin session's fault: a database user without SELECT on a table the pages read.
      return new StoreError(500, {
        error: 'Database refused access',
        details: detail(`${code}: grant the API server's database user SELECT on M2E's tables (its log says which)`),
      })
    }
    return new StoreError(500, {
      error: 'Database error',
      details: detail(`the database failed (${code}); the API server's log has the details`),
    })
  }

  async meta(): Promise<Meta> {
    const accounts = await this.query<[number, string][]>(
      `SELECT id, COALESCE(title, '') FROM ${this.tables.account} ORDER BY id`,
      [],
      true,
    )
    const shops = await this.query<[number, number, string, string][]>(
      `SELECT id, account_id, COALESCE(shop_name, ''), COALESCE(region, '') FROM ${this.tables.shop} ORDER BY id`,
      [],
      true,
    )
    // Records without a usable date are left out of every read (VALID_DATE_SQL): counted here,
    // so the pages can say how many and why. (The order log has no create_date index: a scan.)
    const undated = async (kind: LogKindName) => {
      const [[n]] = await this.query<[[number]]>(
        `SELECT COUNT(*) FROM ${this.sources[kind].table} l WHERE NOT (${VALID_DATE_SQL}) OR l.create_date IS NULL`,
        [],
        true,
      )
      return Number(n)
    }
    const kinds: LogKindName[] = ['listing', 'order', 'synchronization']
    return {
      accounts: accounts.map(([id, title]) => ({
        id,
        title,
        shops: shops.filter((s) => s[1] === id).map(([shopId, , name, region]) => ({ id: shopId, name, region })),
      })),
      undated: Object.fromEntries(
        await Promise.all(kinds.map(async (kind) => [kind, await undated(kind)] as const)),
      ) as NonNullable<Meta['undated']>,
    }
  }

  async settings(): Promise<LogsClearingSettings> {
    const rows = await this.query<[string, string, string | null][]>(
      `SELECT \`group\`, \`key\`, value FROM ${this.tables.config} WHERE extension_name = ? AND \`group\` IN (?, ?, ?)`,
      [CONFIG_EXTENSION, ...Object.values(CLEARING_GROUPS)],
      true,
    )
    const settings = structuredClone(DEFAULT_LOGS_CLEARING)
    for (const [kind, group] of Object.entries(CLEARING_GROUPS) as [LogKindName, string][]) {
      for (const [rowGroup, key, value] of rows) {
        if (rowGroup !== group || value === null) continue
        if (key === 'mode') settings[kind].enabled = value.trim() === '1'
        if (key === 'days' && /^\d+$/.test(value.trim())) {
          // The pages offer 14 to 90 days; a value outside (set by hand) is shown at the nearest end.
          settings[kind].keepDays = Math.min(KEEP_DAYS_MAX, Math.max(KEEP_DAYS_MIN, Number(value)))
        }
      }
    }
    return settings
  }

  async saveSettings(settings: LogsClearingSettings): Promise<void> {
    await this.transaction(async (connection) => {
      for (const [kind, group] of Object.entries(CLEARING_GROUPS) as [LogKindName, string][]) {
        const values = { mode: settings[kind].enabled ? '1' : '0', days: String(settings[kind].keepDays) }
        for (const [key, value] of Object.entries(values)) {
          const where = `extension_name = ? AND \`group\` = ? AND \`key\` = ?`
          const [found] = await connection.query({
            sql: `SELECT id FROM ${this.tables.config} WHERE ${where} FOR UPDATE`,
            values: [CONFIG_EXTENSION, group, key],
          })
          if ((found as unknown[]).length > 0) {
            await connection.query(`UPDATE ${this.tables.config} SET value = ? WHERE ${where}`, [
              value,
              CONFIG_EXTENSION,
              group,
              key,
            ])
          } else {
            await connection.query(
              `INSERT INTO ${this.tables.config} (extension_name, \`group\`, \`key\`, value) VALUES (?, ?, ?, ?)`,
              [CONFIG_EXTENSION, group, key, value],
            )
          }
        }
      }
    })
  }

  /** The WHERE clauses and their values of a filter (table alias `l`). */
  private whereOf(kind: LogKindName, filter: LogFilter) {
    // A record without a date (or with MySQL's zero date) has no place in a newest-first walk.
    const where = [VALID_DATE_SQL]
    const params: (number | string)[] = []
    for (const field of FILTER_FIELDS[kind]) {
      const value = filter[field]
      if (value === undefined) continue
      where.push(`l.${fieldOf(kind, field)!.column} = ?`)
      params.push(value)
    }
    const bounds = [
      ['l.create_date >= ?', filter.from === undefined ? undefined : sqlDate(filter.from)],
      ['l.create_date <= ?', filter.to === undefined ? undefined : sqlDate(filter.to)],
      ['l.id > ?', filter.afterId],
    ] as const
    for (const [clause, value] of bounds) {
      if (value === undefined) continue
      where.push(clause)
      params.push(value)
    }
    return { where, params }
  }

  reader(kind: LogKindName, filter: LogFilter): LogReader {
    const { from, fields } = this.sources[kind]
    const { where, params } = this.whereOf(kind, filter)
    const select = fields.map((f) => f.sql).join(', ')
    const sql = (seek: boolean) =>
      `SELECT ${select} FROM ${from} WHERE ${[...where, ...(seek ? [SEEK_SQL] : [])].join(' AND ')} ORDER BY l.create_date DESC, l.id DESC LIMIT ?`
    const first = sql(false)
    const next = sql(true)
    const dateAt = fields.findIndex((f) => f.field === 'createDate')
    const table = this.sources[kind].table
    return {
      fields: fields.map((f) => f.field),
      count: async () => {
        const [[n]] = await this.query<[[number]]>(
          `SELECT COUNT(*) FROM ${table} l WHERE ${where.join(' AND ')}`,
          params,
          true,
        )
        return Number(n)
      },
      rows: async (after: Seek | null, limit: number) => {
        const rows = after
          ? await this.query<unknown[][]>(
              next,
              [...params, sqlDate(after.createDate), sqlDate(after.createDate), after.id, limit],
              true,
            )
          : await this.query<unknown[][]>(first, [...params, limit], true)
        for (const row of rows) row[dateAt] = (row[dateAt] as Date).getTime()
        return rows
      },
    }
  }

  /**
   * Counts per UTC hour and type, by one GROUP BY over the log (M2E's tables are read-only here:
   * no counts can be kept beside them). DATETIME is UTC, so hours are counted from the epoch.
   */
  async summary(kind: LogKindName, filter: LogFilter): Promise<LogSummary> {
    const { where, params } = this.whereOf(kind, { ...filter, afterId: undefined })
    const rows = await this.query<[number, number, number][]>(
      `SELECT TIMESTAMPDIFF(HOUR, '1970-01-01 00:00:00', l.create_date) AS h, l.type, COUNT(*)
       FROM ${this.sources[kind].table} l WHERE ${where.join(' AND ')}
       GROUP BY h, l.type`,
      params,
      true,
    )
    const counts = new Map<string, number>()
    for (const [hour, type, n] of rows) counts.set(`${Number(hour) * HOUR_MS}:${type}`, Number(n))
    return summaryOf(counts)
  }

  /** The SQL a reader runs for a page after a cursor (for EXPLAIN in the tests). */
  seekSql(kind: LogKindName): string {
    const { from, fields } = this.sources[kind]
    return `SELECT ${fields.map((f) => f.sql).join(', ')} FROM ${from} WHERE ${VALID_DATE_SQL} AND ${SEEK_SQL} ORDER BY l.create_date DESC, l.id DESC LIMIT ?`
  }

  async insert(): Promise<number[]> {
    throw new StoreError(403, { error: 'Read-only', details: [{ field: 'method', message: this.refuses('post')! }] })
  }

  async clear(kind: LogKindName): Promise<number> {
    const refusal = this.refuses('clear')
    if (refusal) throw new StoreError(403, { error: 'Read-only', details: [{ field: 'method', message: refusal }] })
    return this.transaction(async (connection) => {
      const [result] = await connection.query(`DELETE FROM ${this.sources[kind].table}`)
      return (result as mysql.ResultSetHeader).affectedRows
    })
  }

  /** M2E's own cron clears a real store's logs: the API server never does. */
  async applyRetention(): Promise<null> {
    return null
  }

  private async transaction<T>(work: (connection: mysql.PoolConnection) => Promise<T>): Promise<T> {
    let connection: mysql.PoolConnection | undefined
    try {
      connection = await this.pool.getConnection()
      await connection.beginTransaction()
      const result = await work(connection)
      await connection.commit()
      return result
    } catch (error) {
      await connection?.rollback().catch(() => undefined)
      throw error instanceof StoreError ? error : this.explain(error)
    } finally {
      connection?.release()
    }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
