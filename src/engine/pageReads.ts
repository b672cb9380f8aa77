/**
 * How the engine reads a columns page (src/api/columns.ts decodes it: typed arrays, strings as a
 * dictionary and codes): column by column. Each log's layout (layouts.ts) reads its own fields
 * through PageReads.
 */

/** A decoded column (src/api/columns.ts TypedColumn): numbers with their null marks, or texts. */
export type PageColumn =
  | { numbers: ArrayLike<number>; nulls: ArrayLike<number> | null }
  | { dict: readonly (string | null)[]; codes: ArrayLike<number> }

/** A page in columns, as src/api/columns.ts decodes it (DecodedColumns). */
export interface ColumnsPage {
  count: number
  /** 1 where the record is valid; the others are skipped. */
  valid: Uint8Array
  /** By field name, as in the rows format (createDate in ms). */
  columns: Readonly<Record<string, PageColumn>>
}

/** A page's texts: record k's is `dict[codes[k]]`. */
export interface PageTexts {
  dict: readonly (string | null)[]
  codes: ArrayLike<number>
}

/**
 * What a layout reads a page through, one column at a time: numbers (0 where null), their null
 * marks (1: null; null: none is), texts, or any field's value (the fields no layout tunes).
 */
export interface PageReads {
  /** The page's fields. */
  readonly fields: readonly string[]
  numbers(field: string): ArrayLike<number>
  nulls(field: string): ArrayLike<number> | null
  texts(field: string): PageTexts
  values(field: string): (k: number) => string | number | null
}

/** Writes record `k` of a page into slot `i` of the log's own columns; returns its owner's index (0: none). */
export type RecordWrite = (i: number, k: number) => number

const missing = (field: string): never => {
  throw new Error(`the page has no column ${field}`)
}

/** A decoded columns page, read as it is. */
export function columnsReads(page: ColumnsPage): PageReads {
  const { columns } = page
  const column = (field: string) => columns[field] ?? missing(field)
  const numeric = (field: string) => {
    const found = column(field)
    return 'numbers' in found ? found : missing(`${field} of numbers`)
  }
  return {
    fields: Object.keys(columns),
    numbers: (field) => numeric(field).numbers,
    nulls: (field) => numeric(field).nulls,
    texts(field) {
      const found = column(field)
      return 'dict' in found ? found : missing(`${field} of texts`)
    },
    values(field) {
      const found = column(field)
      if ('dict' in found) {
        const { dict, codes } = found
        return (k) => dict[codes[k]!] ?? null
      }
      const { numbers, nulls } = found
      return nulls ? (k) => (nulls[k] === 1 ? null : numbers[k]!) : (k) => numbers[k]!
    },
  }
}
