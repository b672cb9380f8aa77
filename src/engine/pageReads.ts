/**
 * How the engine reads a columns page (src/api/columns.ts decodes it: typed arrays, strings as a
 * dictionary and codes): column by column. Each log's layout (layouts.ts) reads its own fields
 * through PageReads.
 */

/** A page's texts: record k's is `dict[codes[k]]`. */
export interface PageTexts {
  dict: readonly (string | null)[]
  codes: ArrayLike<number>
}

/** A decoded column (src/api/columns.ts TypedColumn): numbers with their null marks, or texts. */
export type PageColumn = { numbers: ArrayLike<number>; nulls: ArrayLike<number> | null } | PageTexts

/** A page in columns, as src/api/columns.ts decodes it (DecodedColumns). */
export interface ColumnsPage {
  count: number
  /** 1 where the record is valid; the others are skipped. */
  valid: Uint8Array
  /** By field name, as in the rows format (createDate in ms). */
  columns: Readonly<Record<string, PageColumn>>
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

/**
 * Record k's text interned by `intern`, once per entry of the page's dictionary, not once per
 * record; a null text is 0 (`intern` never gives 0: it is every dictionary's "none").
 */
export function internedTexts(texts: PageTexts, intern: (text: string) => number): (k: number) => number {
  const { dict, codes } = texts
  /** Each entry's index; 0: not interned yet. */
  const indices = new Uint32Array(dict.length)
  return (k) => {
    const code = codes[k]!
    const held = indices[code]!
    if (held !== 0) return held
    const text = dict[code] ?? null
    return text === null ? 0 : (indices[code] = intern(text))
  }
}
