/**
 * The preview's SQLite tables, from the field list (src/api/fields.ts): one table per log, the
 * accounts, shops and Logs Clearing settings, and each log's hourly counts kept by triggers.
 */
import type Database from 'better-sqlite3'
import { fieldEntries, type LogField } from '../src/api/fields.ts'
import { DEFAULT_LOGS_CLEARING, LOG_KIND_VALUES, type LogKindName } from '../src/api/schemas.ts'
import { HOUR_MS } from './store.ts'

type Db = Database.Database

interface Column {
  /** API (camelCase) name. */
  field: string
  /** SQLite column. */
  column: string
  sqlType: string
  /** How it is read, when not as stored: 0 in an id read as none, as on M2E's tables. */
  read?: string
}

const TABLE_NAMES: Record<LogKindName, string> = {
  listing: 'listing_log',
  order: 'order_log',
  synchronization: 'synchronization_log',
}

/** A field's SQLite column, from the field list. */
function columnFor(field: string, entry: LogField): Column {
  const sqlType =
    field === 'id'
      ? 'INTEGER PRIMARY KEY AUTOINCREMENT'
      : `${entry.value === 'string' ? 'TEXT' : 'INTEGER'}${entry.nullable ? '' : ' NOT NULL'}`
  const noneAsNull = entry.nullable && entry.value === 'number'
  return { field, column: entry.column, sqlType, ...(noneAsNull && { read: `NULLIF(${entry.column}, 0)` }) }
}

/** Each log's table, from its field list; the SQL below is built from these, never from input. */
export const TABLES = Object.fromEntries(
  LOG_KIND_VALUES.map((kind) => [
    kind,
    { table: TABLE_NAMES[kind], columns: fieldEntries(kind, true).map(([field, entry]) => columnFor(field, entry)) },
  ]),
) as Record<LogKindName, { table: string; columns: Column[] }>

export function columnOf(kind: LogKindName, field: string): string {
  const column = TABLES[kind].columns.find((c) => c.field === field)
  if (!column) throw new Error(`no column for ${kind}.${field}`)
  return column.column
}

export function createSchema(db: Db) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS account (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS shop (
      id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account(id),
      name TEXT NOT NULL, region TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS logs_clearing (
      kind TEXT PRIMARY KEY, enabled INTEGER NOT NULL, keep_days INTEGER NOT NULL
    );
  `)
  for (const [kind, { table, columns }] of Object.entries(TABLES)) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (${columns.map((c) => `${c.column} ${c.sqlType}`).join(', ')})`)
    db.exec(`CREATE INDEX IF NOT EXISTS ${table}_date ON ${table} (create_date DESC, id DESC)`)
    if (kind === 'listing') {
      db.exec(`CREATE INDEX IF NOT EXISTS ${table}_listing ON ${table} (listing_id)`)
      db.exec(`CREATE INDEX IF NOT EXISTS ${table}_product ON ${table} (listing_product_id)`)
    }
    if (kind === 'order') db.exec(`CREATE INDEX IF NOT EXISTS ${table}_order ON ${table} (order_id)`)
  }
  const insertSetting = db.prepare('INSERT OR IGNORE INTO logs_clearing (kind, enabled, keep_days) VALUES (?, ?, ?)')
  for (const [kind, setting] of Object.entries(DEFAULT_LOGS_CLEARING)) {
    insertSetting.run(kind, setting.enabled ? 1 : 0, setting.keepDays)
  }
}

/**
 * Each log's records counted per UTC hour, type, account, shop and listing, kept by triggers as
 * records are written and deleted: the summary of ten million records reads a few thousand rows
 * instead of scanning the log. Built from the log when missing (a new or an older database).
 */
export function ensureHourlyCounts(db: Db) {
  for (const [kind, { table }] of Object.entries(TABLES) as [LogKindName, (typeof TABLES)[LogKindName]][]) {
    const hourly = `${table}_hourly`
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(hourly)
    if (exists) continue
    const keys = hourlyKeys(kind)
    db.transaction(() => {
      db.exec(`CREATE TABLE ${hourly} (
        hour INTEGER NOT NULL, type INTEGER NOT NULL, account_id INTEGER NOT NULL, shop_id INTEGER NOT NULL,
        listing_id INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (hour, type, account_id, shop_id, listing_id)
      ) WITHOUT ROWID`)
      db.exec(`INSERT INTO ${hourly} SELECT create_date / ${HOUR_MS} * ${HOUR_MS}, type, ${keys('')}, COUNT(*)
        FROM ${table} GROUP BY 1, 2, 3, 4, 5`)
      db.exec(`CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} BEGIN
        INSERT INTO ${hourly} VALUES (NEW.create_date / ${HOUR_MS} * ${HOUR_MS}, NEW.type, ${keys('NEW.')}, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
      END`)
      db.exec(`CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} BEGIN
        UPDATE ${hourly} SET n = n - 1 WHERE hour = OLD.create_date / ${HOUR_MS} * ${HOUR_MS} AND type = OLD.type
        AND (account_id, shop_id, listing_id) = (${keys('OLD.')});
        DELETE FROM ${hourly} WHERE hour = OLD.create_date / ${HOUR_MS} * ${HOUR_MS} AND type = OLD.type
        AND (account_id, shop_id, listing_id) = (${keys('OLD.')}) AND n <= 0;
      END`)
    })()
  }
}

/** The account, shop and listing of a record (0 where the log has none), as SQL. */
function hourlyKeys(kind: LogKindName) {
  return (row: string) =>
    kind === 'listing'
      ? `${row}account_id, ${row}shop_id, ${row}listing_id`
      : kind === 'order'
        ? `${row}account_id, ${row}shop_id, 0`
        : '0, 0, 0'
}
