/** A page's records: how many to keep within the budget, and as objects for live refresh. */
import type { LogBatchRecords } from '@/api/client'
import type { EngineRecordByKind } from '@/engine'
import type { LogKind } from '@/logKinds'

/** How many of a columns page's first records hold `room` valid ones. */
export function cutFor(count: number, valid: Uint8Array, room: number): number {
  let kept = 0
  for (let k = 0; k < count; k++) {
    if (valid[k] === 1 && ++kept === room) return k + 1
  }
  return count
}

/** The records of a page as objects (live refresh holds them until the merchant asks). */
export function recordsOf<K extends LogKind>(records: LogBatchRecords<K>): EngineRecordByKind[K][] {
  if (records.items) return records.items as EngineRecordByKind[K][]
  const columns = records.columns
  if (!columns) return []
  const out: EngineRecordByKind[K][] = []
  for (let k = 0; k < columns.count; k++) {
    if (columns.valid[k] === 0) continue
    const target: Record<string, unknown> = {}
    columns.fill(k, target)
    if (typeof target.createDate === 'number') target.createDate = new Date(target.createDate).toISOString()
    out.push(target as unknown as EngineRecordByKind[K])
  }
  return out
}
