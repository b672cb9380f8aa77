/**
 * Putting records into the engine's tables: a page of record objects (live refresh, the rows
 * format), or a columns page read record by record into one reused object, in slices when the
 * caller wants to give the browser a turn between them.
 */
import { parseIsoUtc } from './isoDate'
import type { RecordLayout } from './layouts'
import type { RecordTables } from './tables'
import type { EngineKind, EngineRecordByKind } from './types'

/** Reads record `k` of a page into `target` (field names as in the rows format; createDate may be ms). */
export type FillRecord = (k: number, target: Record<string, unknown>) => void

/** A page in columns, as src/api/columns.ts decodes it (DecodedColumns). */
export interface ColumnsPage {
  count: number
  /** 1 where the record is valid; the others are skipped. */
  valid: Uint8Array
  fill: FillRecord
  columns: Record<string, { dict: readonly (string | null)[]; codes: ArrayLike<number> } | object>
}

export class RecordWriter<K extends EngineKind> {
  constructor(
    private readonly t: RecordTables,
    private readonly layout: RecordLayout<K>,
    /** Makes room for at least `minimum` records. */
    private readonly grow: (minimum: number) => void,
  ) {}

  append(records: readonly EngineRecordByKind[K][]): void {
    const n = records.length
    if (n === 0) return
    const start = this.t.count
    if (start + n > this.t.capacity) this.grow(start + n)
    for (let k = 0; k < n; k++) this.write(start + k, records[k]!)
    this.t.count = start + n
    this.t.mergeDateOrder(start, n)
  }

  /**
   * Adds records `from..to-1` of a page read by `fill` (those with `valid[k] === 0` skipped);
   * `messageOf(k)`, when given, is record k's interned message. Returns how many were added.
   */
  appendRange(from: number, to: number, fill: FillRecord, valid: Uint8Array | null, messageOf?: (k: number) => number) {
    let accepted = to - from
    if (valid) {
      accepted = 0
      for (let k = from; k < to; k++) accepted += valid[k]!
    }
    if (accepted <= 0) return 0
    const start = this.t.count
    if (start + accepted > this.t.capacity) this.grow(start + accepted)
    const target: Record<string, unknown> = {}
    let i = start
    for (let k = from; k < to; k++) {
      if (valid && valid[k] === 0) continue
      fill(k, target)
      const record = target as unknown as EngineRecordByKind[K]
      this.write(i++, record, messageOf ? messageOf(k) : this.t.messageTexts.intern(record.description))
    }
    this.t.count = start + accepted
    this.t.mergeDateOrder(start, accepted)
    return accepted
  }

  /**
   * A columns page's appender, for slices: `append(from, to)` adds its valid records `from..to-1`.
   * Each message of the page's dictionary is interned once, not once per record.
   */
  columnsAppender(page: ColumnsPage): (from: number, to: number) => number {
    const column = page.columns.description
    let messageOf: ((k: number) => number) | undefined
    if (column && 'dict' in column) {
      const { dict, codes } = column
      /** The interned index of each dictionary entry; 0 (never an index): not interned yet. */
      const interned = new Uint32Array(dict.length)
      messageOf = (k) => {
        const code = codes[k]!
        return interned[code] || (interned[code] = this.t.messageTexts.intern(dict[code] as string))
      }
    }
    return (from, to) => this.appendRange(from, to, page.fill, page.valid, messageOf)
  }

  private write(i: number, record: EngineRecordByKind[K], message = this.t.messageTexts.intern(record.description)) {
    const t = this.t
    t.ids[i] = record.id
    const date = record.createDate as string | number
    t.dates[i] = typeof date === 'number' ? date : parseIsoUtc(date)
    t.types[i] = record.type
    t.initiators[i] = record.initiator
    t.messages[i] = message
    const owner = this.layout.write(t, i, record)
    // 0 = never collapses (no product / no order).
    t.uniqueKeys[i] = owner === 0 ? 0 : t.uniquePairs.intern(owner, message)
  }
}
