/** Cursors (where a page resumes) and columns pages of raw rows. */
import { encodeColumns, type ColumnsPageBody } from '../../src/api/columns.ts'
import type { LogKindName } from '../../src/api/schemas.ts'
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

/** A columns page of raw rows; `nextCursor` resumes after its last row when there are more. */
export function columnsPage(kind: LogKindName, plan: Paged, rows: unknown[][], hasMore: boolean): ColumnsPageBody {
  return {
    format: 'columns',
    count: rows.length,
    columns: encodeColumns(kind, rows, plan.fields),
    nextCursor: nextCursorOf(plan, rows, hasMore),
  }
}
