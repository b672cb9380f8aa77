/**
 * The compact page format, `format=columns`: one array per field instead of one object per
 * record. Integers that grow or shrink steadily (id, createDate in ms, actionId) are sent as
 * differences; strings as a per-page dictionary plus codes. A million listing records come to
 * about a tenth of the plain format's bytes, parse without a million objects, and validate one
 * column at a time. The plain rows format stays the default for other clients.
 *
 * The server encodes with `encodeColumns`; the client checks every cell with `decodeColumns`,
 * by the same rules as the zod record schemas (a test holds the two to agreement), keeping the
 * valid records and explaining the rest.
 */
import { fieldEntries, type LogField } from './fields.ts'
import { LOG_KIND_VALUES, type LogKindName } from './schemas.ts'

type IntRule = { kind: 'int'; min: number; max: number }
export interface FieldSpec {
  field: string
  /** delta: first value, then differences; values: as they are; dict: dictionary + codes. */
  encoding: 'delta' | 'values' | 'dict'
  nullable: boolean
  rule: IntRule | { kind: 'string'; max: number } | { kind: 'date' }
}

const MAX_ID = Number.MAX_SAFE_INTEGER

/** A field's column spec, from its entry in the field list. */
function specOf(field: string, entry: LogField): FieldSpec {
  return {
    field,
    encoding: entry.value === 'string' ? 'dict' : entry.delta ? 'delta' : 'values',
    nullable: entry.nullable,
    rule:
      entry.value === 'string'
        ? { kind: 'string', max: entry.max }
        : entry.value === 'date'
          ? { kind: 'date' }
          : { kind: 'int', min: entry.min, max: entry.max },
  }
}

/** The common fields first, in the order the format has always sent them; then the log's own. */
const WIRE_FIRST = ['id', 'createDate', 'initiator', 'description', 'type']

export const COLUMN_FIELDS = Object.fromEntries(
  LOG_KIND_VALUES.map((kind) => {
    const entries = fieldEntries(kind, true)
    const rank = (name: string) => (WIRE_FIRST.includes(name) ? WIRE_FIRST.indexOf(name) : WIRE_FIRST.length)
    const ordered = entries
      .map((entry, k) => ({ entry, k }))
      .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.k - b.k)
    return [kind, ordered.map(({ entry: [name, field] }) => specOf(name, field))]
  }),
) as Record<LogKindName, FieldSpec[]>

export type EncodedColumn =
  { delta: number[] } | { values: (number | null)[] } | { dict: (string | null)[]; codes: number[] }

export interface ColumnsPageBody {
  format: 'columns'
  count: number
  columns: Record<string, EncodedColumn>
  nextCursor: string | null
  totalEstimate?: number | null
}

/**
 * `format=columns-stream`: one response carries the whole log from the cursor on, as lines of
 * this media type. Each line is a ColumnsPageBody (its `nextCursor` resumes after its last
 * record); the last line is a StreamEnd. A response that stops before it was cut off: the client
 * asks again from the last whole line's cursor, so no record comes twice and none is skipped.
 */
export { STREAM_CONTENT_TYPE } from './mediaTypes.ts'
/** Records per line after the first (whose size is the request's `limit`). */
export const STREAM_CHUNK = 5_000

export interface StreamEnd {
  end: true
  /** Records the response carried (for the client's check). */
  count: number
}

/**
 * Server side: rows (createDate in ms) to columns. Rows are objects keyed by field, or arrays
 * (a database's raw rows) with `fields` naming their positions.
 */
export function encodeColumns(
  kind: LogKindName,
  rows: readonly Record<string, unknown>[] | readonly (readonly unknown[])[],
  fields?: readonly string[],
): Record<string, EncodedColumn> {
  const cells = rows as readonly Record<string | number, unknown>[]
  return encodeColumnValues(kind, (field) => {
    const key: string | number = fields ? fields.indexOf(field) : field
    if (key === -1) throw new Error(`no ${field} among the row's fields`)
    return cells.map((row) => row[key])
  })
}

/**
 * Server side: each field's values, one per record and all of one length (createDate in ms), to
 * columns. `valuesOf` answers a field's values; a store that reads column by column hands them
 * over as they are.
 */
export function encodeColumnValues(
  kind: LogKindName,
  valuesOf: (field: string) => readonly unknown[],
): Record<string, EncodedColumn> {
  const columns: Record<string, EncodedColumn> = {}
  for (const spec of COLUMN_FIELDS[kind]) {
    const field = spec.field
    const values = valuesOf(field)
    if (spec.encoding === 'delta') {
      const out = new Array<number>(values.length)
      let previous = 0
      for (let k = 0; k < values.length; k++) {
        const value = values[k] as number
        out[k] = value - previous
        previous = value
      }
      columns[field] = { delta: out }
    } else if (spec.encoding === 'values') {
      columns[field] = { values: values as (number | null)[] }
    } else {
      const dict: (string | null)[] = []
      const index = new Map<string | null, number>()
      const out = new Array<number>(values.length)
      for (let k = 0; k < values.length; k++) {
        const value = values[k] as string | null
        let code = index.get(value)
        if (code === undefined) {
          code = dict.length
          dict.push(value)
          index.set(value, code)
        }
        out[k] = code
      }
      columns[field] = { dict, codes: out }
    }
  }
  return columns
}

/**
 * A decoded column, in typed arrays so a page can be handed between threads without a copy:
 * numbers (whole numbers within 32 bits in an Int32Array, ids and dates in a Float64Array; `nulls`
 * marks the nulls of a nullable column), or strings as the page's dictionary and a code per record.
 * A rejected record's cells are 0 (never read).
 */
export type TypedColumn =
  { numbers: Float64Array | Int32Array; nulls: Uint8Array | null } | { dict: (string | null)[]; codes: Uint32Array }

export interface ColumnsRejection {
  index: number
  id: number | null
  reasons: string[]
}

/** A checked columns page as plain data (structured-cloneable; its arrays transferable). */
export interface ColumnsData {
  count: number
  /** 1 where every cell of the record is valid. */
  valid: Uint8Array
  rejectedCount: number
  /** The first few rejected records, with reasons. */
  rejected: ColumnsRejection[]
  /** By field name, as in the rows format (createDate in ms). */
  columns: Record<string, TypedColumn>
}

export interface DecodedColumns extends ColumnsData {
  /** Writes record `k` into `target`: field names as in the rows format, createDate in ms. */
  fill(k: number, target: Record<string, unknown>): void
}

/** Thrown when the page as a whole is not a columns page (the caller reports a bad response). */
export class ColumnsShapeError extends Error {}

const MAX_REJECTED = 20
/**
 * Dates a log can hold: 2000-01-01 to 2200-01-01 (UTC ms). The servers leave out, and count in
 * meta's `undated`, records dated outside them, so both formats agree on what is usable.
 */
export const DATE_MIN = 946_684_800_000
export const DATE_MAX = 7_258_118_400_000

/**
 * Client side: checks and decodes a columns page. The page's shape (every field there, every
 * column as long as `count`) must hold or nothing is used; a bad cell rejects only its record.
 */
export function decodeColumns(kind: LogKindName, body: ColumnsPageBody, maxRejected = MAX_REJECTED): DecodedColumns {
  return readableColumns(kind, decodeColumnsData(kind, body, maxRejected))
}

/** decodeColumns without `fill`: plain data, which a worker hands the page's thread. */
export function decodeColumnsData(kind: LogKindName, body: ColumnsPageBody, maxRejected = MAX_REJECTED): ColumnsData {
  const count = body.count
  if (!Number.isSafeInteger(count) || count < 0) throw new ColumnsShapeError('count is not a whole number')
  const columns = body.columns
  if (typeof columns !== 'object' || columns === null) throw new ColumnsShapeError('columns are missing')
  const valid = new Uint8Array(count).fill(1)
  const reasons = new Map<number, string[]>()
  const reject = (k: number, reason: string) => {
    valid[k] = 0
    const list = reasons.get(k)
    if (list) {
      if (list.length < 5) list.push(reason)
    } else if (reasons.size < maxRejected) reasons.set(k, [reason])
  }
  const decoded: Record<string, TypedColumn> = {}
  for (const spec of COLUMN_FIELDS[kind]) {
    const column = columns[spec.field] as Record<string, unknown> | undefined
    if (typeof column !== 'object' || column === null) throw new ColumnsShapeError(`column ${spec.field} is missing`)
    decoded[spec.field] =
      spec.encoding === 'dict'
        ? decodeDictionary(spec, column, count, reject)
        : decodeNumbers(spec, column, count, reject)
  }
  const ids = (decoded.id as { numbers: Float64Array }).numbers
  let rejectedCount = 0
  for (let k = 0; k < count; k++) if (valid[k] === 0) rejectedCount++
  const rejected: ColumnsRejection[] = [...reasons].map(([index, list]) => {
    const raw = ids[index]!
    return { index, id: Number.isSafeInteger(raw) && raw > 0 ? raw : null, reasons: list }
  })
  return { count, valid, rejectedCount, rejected, columns: decoded }
}

/** The page's data with `fill`, on whichever thread reads it. */
export function readableColumns(kind: LogKindName, data: ColumnsData): DecodedColumns {
  const readers = COLUMN_FIELDS[kind].map((spec): [string, (k: number) => unknown] => {
    const column = data.columns[spec.field]!
    if ('dict' in column) {
      const { dict, codes } = column
      return [spec.field, (k) => dict[codes[k]!]]
    }
    const { numbers, nulls } = column
    return [spec.field, nulls ? (k) => (nulls[k] === 1 ? null : numbers[k]) : (k) => numbers[k]]
  })
  return {
    ...data,
    fill(k, target) {
      for (const [field, read] of readers) target[field] = read(k)
    },
  }
}

type Reject = (k: number, reason: string) => void

function decodeDictionary(
  spec: FieldSpec,
  column: Record<string, unknown>,
  count: number,
  reject: Reject,
): TypedColumn {
  const field = spec.field
  const dict = column.dict
  const codes = column.codes
  if (!Array.isArray(dict) || !Array.isArray(codes) || codes.length !== count) {
    throw new ColumnsShapeError(`column ${field} is not a dictionary of ${count} codes`)
  }
  const max = spec.rule.kind === 'string' ? spec.rule.max : 0
  const entryProblem = dict.map((value: unknown) =>
    value === null
      ? spec.nullable
        ? null
        : 'expected a string, received null'
      : typeof value !== 'string'
        ? `expected a string, received ${typeof value}`
        : value.length > max
          ? `too long: at most ${max} characters`
          : null,
  )
  const out = new Uint32Array(count)
  for (let k = 0; k < count; k++) {
    const code = codes[k] as unknown
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code >= dict.length)
      reject(k, `${field}: not a code of the dictionary`)
    else if (entryProblem[code] !== null) reject(k, `${field}: ${entryProblem[code]!}`)
    else out[k] = code
  }
  // Entries no valid record may use are left out (only strings and nulls cross to the page).
  const entries = dict.map((value: unknown, code) => (entryProblem[code] === null ? (value as string | null) : null))
  return { dict: entries, codes: out }
}

/** Whole numbers that fit an Int32Array (codes); ids and dates need a Float64Array. */
const fitsInt32 = (spec: FieldSpec) =>
  spec.rule.kind === 'int' && spec.rule.min >= -(2 ** 31) && spec.rule.max < 2 ** 31

function decodeNumbers(spec: FieldSpec, column: Record<string, unknown>, count: number, reject: Reject): TypedColumn {
  const field = spec.field
  const key = spec.encoding === 'delta' ? 'delta' : 'values'
  const raw = column[key]
  if (!Array.isArray(raw) || raw.length !== count) throw new ColumnsShapeError(`column ${field} is not ${count} ${key}`)
  const numbers = fitsInt32(spec) ? new Int32Array(count) : new Float64Array(count)
  const nulls = spec.nullable ? new Uint8Array(count) : null
  const rule = spec.rule
  let running = 0
  for (let k = 0; k < count; k++) {
    let value = raw[k] as unknown
    if (spec.encoding === 'delta') {
      if (typeof value !== 'number' || !(Math.abs(value) <= MAX_ID) || !(Math.abs(running + value) <= MAX_ID)) {
        // A difference that is no number, or beyond exact arithmetic, breaks every value after it.
        for (let j = k; j < count; j++) reject(j, `${field}: not a usable difference`)
        break
      }
      running += value
      value = running
    }
    if (value === null) {
      if (nulls) nulls[k] = 1
      else reject(k, `${field}: expected a number, received null`)
      continue
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      reject(k, `${field}: expected a whole number`)
      continue
    }
    if (rule.kind === 'date') {
      if (value < DATE_MIN || value > DATE_MAX) reject(k, `${field}: not a date`)
    } else if (rule.kind === 'int') {
      if (value < rule.min || value > rule.max) reject(k, `${field}: ${value} is not allowed`)
    }
    numbers[k] = value
  }
  return { numbers, nulls }
}
