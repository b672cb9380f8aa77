/**
 * Putting records into the engine's tables: a page of record objects record by record, or a
 * columns page column by column (pageReads.ts), in slices when the caller gives the browser a turn
 * between them.
 */
import { parseIsoUtc } from './isoDate'
import type { RecordLayout } from './layouts'
import { columnsReads, internedTexts, type ColumnsPage, type PageReads } from './pageReads'
import type { RecordTables } from './tables'
import type { EngineKind, EngineRecordByKind } from './types'

export class RecordWriter<K extends EngineKind> {
  constructor(
    private readonly t: RecordTables,
    private readonly layout: RecordLayout<K>,
    /** Makes room for at least `minimum` records. */
    private readonly grow: (minimum: number) => void,
  ) {}

  /**
   * A page of record objects (live refresh, the rows format), record by record: the layout reads
   * each object's fields by name, which is quicker than turning a few objects into columns.
   */
  append(records: readonly EngineRecordByKind[K][]): void {
    const n = records.length
    if (n === 0) return
    const t = this.t
    const start = t.count
    if (start + n > t.capacity) this.grow(start + n)
    for (let k = 0; k < n; k++) {
      const record = records[k]!
      const i = start + k
      const message = t.messageTexts.intern(record.description)
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
    t.count = start + n
    t.mergeDateOrder(start, n)
  }

  /**
   * A columns page's appender, for slices: `append(from, to)` adds its valid records `from..to-1`
   * and returns how many. Each text of the page's dictionaries is interned once, not once per record.
   */
  columnsAppender(page: ColumnsPage): (from: number, to: number) => number {
    const write = this.writer(columnsReads(page))
    return (from, to) => write(from, to, page.valid)
  }

  /** Writes records `from..to-1` of a columns page (those with `valid[k] === 0` skipped); returns how many. */
  private writer(page: PageReads) {
    const t = this.t
    const ids = page.numbers('id')
    const dates = page.numbers('createDate')
    const types = page.numbers('type')
    const initiators = page.numbers('initiator')
    const messageOf = internedTexts(page.texts('description'), (text) => t.messageTexts.intern(text))
    const own = this.layout.columns(t, page)
    return (from: number, to: number, valid: Uint8Array) => {
      let accepted = 0
      for (let k = from; k < to; k++) accepted += valid[k]!
      if (accepted <= 0) return 0
      const start = t.count
      if (start + accepted > t.capacity) this.grow(start + accepted)
      let i = start
      for (let k = from; k < to; k++) {
        if (valid[k] === 0) continue
        const message = messageOf(k)
        t.ids[i] = ids[k]!
        t.dates[i] = dates[k]!
        t.types[i] = types[k]!
        t.initiators[i] = initiators[k]!
        t.messages[i] = message
        const owner = own(i, k)
        // 0 = never collapses (no product / no order).
        t.uniqueKeys[i] = owner === 0 ? 0 : t.uniquePairs.intern(owner, message)
        i++
      }
      t.count = start + accepted
      t.mergeDateOrder(start, accepted)
      return accepted
    }
  }
}
