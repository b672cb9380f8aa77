/** Cursors (where a page resumes), and columns pages of records read row by row or column by column. */
import { encodeColumnValues, type ColumnsPageBody } from '../../src/api/columns.ts'
import type { LogKindName } from '../../src/api/schemas.ts'
import type { Seek } from '../store.ts'
import { badRequest } from './http.ts'

/** What a page is read with: the raw rows' fields, in order. */
export interface Paged {
  fields: readonly string[]
}

export function encodeCursor(createDate: number, id: number) {
  return Buffer.from(`${createDate}:${id}`).toString('base64url')
}

/** 9999-12-31T23:59:59.999Z */
const MAX_DATE_MS = 253_402_300_799_999

export function decodeCursor(cursor: string): { createDate: number; id: number } {
  const match = /^(\d{1,15}):(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  // Dates past the year 9999 are not dates any store keeps.
  if (!match || Number(match[1]) > MAX_DATE_MS) {
    throw badRequest('Invalid query', [{ field: 'cursor', message: 'not a cursor this API issued' }])
  }
  return { createDate: Number(match[1]), id: Number(match[2]) }
}

/** The cursor that resumes after the last of these rows, when there are more. */
export function nextCursorOf(plan: Paged, rows: unknown[][], hasMore: boolean): string | null {
  const last = rows[rows.length - 1]
  if (!hasMore || !last) return null
  return encodeCursor(last[plan.fields.indexOf('createDate')] as number, last[plan.fields.indexOf('id')] as number)
}

/** How a page is read: row by row, and column by column when the store can (LogReader). */
export interface ColumnReads extends Paged {
  rows(after: Seek | null, limit: number): Promise<unknown[][]>
  /** Null: this page is read row by row after all. */
  columns?: ((after: Seek | null, limit: number) => Promise<unknown[][] | null>) | undefined
}

/** Raw rows as columns: an array per field, in `fields` order. */
export const columnsOfRows = (plan: Paged, rows: unknown[][]) => plan.fields.map((_, i) => rows.map((row) => row[i]))

/** Up to `limit` records after `after` (null: from the newest), column by column, and whether more follow. */
export async function readColumns(plan: ColumnReads, after: Seek | null, limit: number) {
  const columns = (await plan.columns?.(after, limit + 1)) ?? columnsOfRows(plan, await plan.rows(after, limit + 1))
  const hasMore = (columns[0]?.length ?? 0) > limit
  if (hasMore) for (const column of columns) column.length = limit
  return { columns, hasMore }
}

/** A columns page of records read column by column; `nextCursor` resumes after its last record when there are more. */
export function columnsPage(kind: LogKindName, plan: Paged, columns: unknown[][], hasMore: boolean): ColumnsPageBody {
  const valuesOf = (field: string) => {
    const values = columns[plan.fields.indexOf(field)]
    if (!values) throw new Error(`no ${field} among the page's fields`)
    return values
  }
  const ids = valuesOf('id')
  const last = ids.length - 1
  return {
    format: 'columns',
    count: ids.length,
    columns: encodeColumnValues(kind, valuesOf),
    nextCursor: hasMore && last >= 0 ? encodeCursor(valuesOf('createDate')[last] as number, ids[last] as number) : null,
  }
}
