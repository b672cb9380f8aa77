/**
 * Putting records into the engine's tables, column by column (pageReads.ts): a columns page as it
 * is, or a page of record objects. A columns page can go in in slices, when the caller gives the
 * browser a turn between them.
 */
import type { RecordLayout } from './layouts'
import { columnsReads, objectReads, type ColumnsPage, type PageReads } from './pageReads'
import type { RecordTables } from './tables'
import type { EngineKind, EngineRecordByKind } from './types'

export type { ColumnsPage }

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
    this.writer(objectReads(records as unknown as readonly Record<string, unknown>[]))(0, n, null)
  }

  /**
   * A columns page's appender, for slices: `append(from, to)` adds its valid records `from..to-1`
   * and returns how many. Each text of the page's dictionaries is interned once, not once per record.
   */
  columnsAppender(page: ColumnsPage): (from: number, to: number) => number {
    const write = this.writer(columnsReads(page))
    return (from, to) => write(from, to, page.valid)
  }

  /** Writes records `from..to-1` of a page (those with `valid[k] === 0` skipped); returns how many. */
  private writer(page: PageReads) {
    const t = this.t
    const ids = page.numbers('id')
    const dates = page.numbers('createDate')
    const types = page.numbers('type')
    const initiators = page.numbers('initiator')
    const { dict, codes } = page.texts('description')
    /** The interned index of each dictionary entry; 0 (never an index): not interned yet. */
    const interned = new Uint32Array(dict.length)
    const own = this.layout.columns(t, page)
    return (from: number, to: number, valid: Uint8Array | null) => {
      let accepted = to - from
      if (valid) {
        accepted = 0
        for (let k = from; k < to; k++) accepted += valid[k]!
      }
      if (accepted <= 0) return 0
      const start = t.count
      if (start + accepted > t.capacity) this.grow(start + accepted)
      let i = start
      for (let k = from; k < to; k++) {
        if (valid && valid[k] === 0) continue
        const code = codes[k]!
        const message = interned[code] || (interned[code] = t.messageTexts.intern(dict[code] ?? ''))
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
