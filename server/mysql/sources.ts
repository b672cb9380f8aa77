/**
 * What the MySQL store reads from M2E's tables: each log's FROM clause and the SQL of each field
 * (from the field list, src/api/fields.ts), and the date clauses every read shares.
 */
import { DATE_MAX, DATE_MIN } from '../../src/api/columns.ts'
import { fieldEntries, type LogField } from '../../src/api/fields.ts'
import type { LogKindName } from '../../src/api/schemas.ts'
import type { M2eTables } from './schema.ts'

/** One API field: the SQL expression that reads it (table alias `l` is the log). */
interface Field {
  field: string
  sql: string
}

/**
 * How M2E's column is read: 0 in a nullable id as none (old code wrote 0 for "no product", and
 * such records must never collapse together), NULL in a text the contract requires as ''.
 */
function sqlOf(entry: LogField): string {
  const source = entry.joined ? `${entry.joined.table}.${entry.joined.column}` : `l.${entry.column}`
  if (entry.nullable) return entry.value === 'number' ? `NULLIF(${source}, 0)` : source
  return entry.value === 'string' ? `COALESCE(${source}, '')` : source
}

/** Each log: its FROM clause and fields (from the field list). Filters map to `l.<column>`. */
export function logSources(t: M2eTables): Record<LogKindName, { from: string; table: string; fields: Field[] }> {
  const source = (kind: LogKindName, table: string, from: string) => ({
    table,
    from,
    fields: fieldEntries(kind, true).map(([field, entry]) => ({ field, sql: sqlOf(entry) })),
  })
  return {
    listing: source('listing', t.listingLog, `${t.listingLog} l`),
    // The TikTok Shop order number from M2E's order, the Magento one from Magento's (none: null).
    order: source(
      'order',
      t.orderLog,
      `${t.orderLog} l LEFT JOIN ${t.order} o ON o.id = l.order_id LEFT JOIN ${t.salesOrder} so ON so.entity_id = o.magento_order_id`,
    ),
    synchronization: source('synchronization', t.synchronizationLog, `${t.synchronizationLog} l`),
  }
}

/** UTC milliseconds as a DATETIME literal MariaDB compares with `create_date` (kept in UTC by Magento). */
export function sqlDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ')
}

/** Records with a date: not NULL, and not MySQL's zero date `0000-00-00` (which reads as no date). */
export const VALID_DATE_SQL = `(l.create_date >= '${sqlDate(DATE_MIN)}' AND l.create_date <= '${sqlDate(DATE_MAX)}')`

/** The seek past a cursor, as MariaDB turns it into a range on the create_date index. */
export const SEEK_SQL = '(l.create_date < ? OR (l.create_date = ? AND l.id < ?))'
