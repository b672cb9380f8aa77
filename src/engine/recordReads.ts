/** Reads of records held that are not queries: a record, an action run, an id, the date extent. */
import type { RecordLayout } from './layouts'
import type { RecordTables } from './tables'
import type { EngineKind, EngineRecordByKind } from './types'

/** The record at `index` as the API sent it. */
export function recordAt<K extends EngineKind>(t: RecordTables, layout: RecordLayout<K>, index: number) {
  return {
    id: t.ids[index]!,
    createDate: new Date(t.dates[index]!).toISOString(),
    type: t.types[index]!,
    initiator: t.initiators[index]!,
    description: t.messageTexts.keys[t.messages[index]!]!,
    ...layout.read(t, index),
  } as EngineRecordByKind[K]
}

/** Record indices of the records of the same action run (itself included), newest first. */
export function actionRunOf(t: RecordTables, index: number): number[] {
  const { actionRuns, dateOrder, count } = t
  if (!t.has('actionRuns')) return []
  const run = actionRuns[index]!
  // No run (0): the record stands alone.
  if (run === 0) return [index]
  const members: number[] = []
  for (let k = 0; k < count; k++) {
    const i = dateOrder[k]!
    if (actionRuns[i] === run) members.push(i)
  }
  return members
}

/** The record index of an id, or -1 when it is not held. */
export function indexOfId(t: RecordTables, id: number): number {
  const { ids, count } = t
  for (let i = 0; i < count; i++) if (ids[i] === id) return i
  return -1
}

/** Oldest and newest record dates held (UTC ms), or null when empty. */
export function dateExtent(t: RecordTables): { min: number; max: number } | null {
  const { count, dates, dateOrder } = t
  if (count === 0) return null
  return { min: dates[dateOrder[count - 1]!]!, max: dates[dateOrder[0]!]! }
}

/** The newest record id held, or 0. */
export function maxId(t: RecordTables): number {
  const { ids, count } = t
  let max = 0
  for (let i = 0; i < count; i++) if (ids[i]! > max) max = ids[i]!
  return max
}
