/** Typed reads for the views: records, rows of the current result (with their trends), snapshots. */
import { computed, type ComputedRef, type Ref } from 'vue'
import type { LogEngine, ParsedMessage, QueryResult } from '@/engine'
import type { LogKind } from '@/logKinds'
import type { RowView } from '@/logKinds/columns'
import type { LogRecord } from '@/logKinds/records'
import type { Newness } from '@/stores/log/newSince'
import type { VolumePlan } from '@/time/volumePlan'
import { createRowTrends } from '@/trend/rowTrends'

/** Messages of a grouped row shown in its message cell. */
const GROUP_PREVIEW = 2

/** One record's headline: what lists (occurrences, action runs, the dialog) show of it. */
export interface RecordEntry {
  index: number
  id: number
  /** UTC ms. */
  date: number
  type: number
  message: ParsedMessage
}

/** A result and its records, read together (see `snapshot`). */
export interface LogSnapshot {
  shown: number
  rowAt(row: number): RowView<LogRecord> | null
}

function entryOf(engine: LogEngine, index: number): RecordEntry {
  return {
    index,
    id: engine.idAt(index),
    date: engine.dateAt(index),
    type: engine.typeAt(index),
    message: engine.messageAt(index),
  }
}

/** `preview`: how many members of a grouped row to list (the grid shows a few, the export all). */
function rowOf(
  engine: LogEngine,
  answer: QueryResult,
  row: number,
  newness: Newness,
  preview = GROUP_PREVIEW,
): RowView<LogRecord> | null {
  const index = answer.rows[row]
  if (index === undefined) return null
  const entry = entryOf(engine, index)
  const worst = answer.worstTypes
  const figures = answer.problems
  return {
    ...entry,
    row,
    record: engine.get(index),
    count: answer.counts?.[row] ?? 1,
    // A problem is new when its shape first happened (on any product or order) after the last visit.
    isNew:
      newness.since !== null && engine.isNewAt(index, newness.since, figures ? 'problems' : newness.numbersAsEqual),
    trend: null,
    type: worst ? worst[row]! : entry.type,
    problem: figures && {
      owners: figures.owners[row]!,
      firstSeen: figures.firstSeen[row]!,
      shops: figures.shopsOf(row),
      shapeKey: figures.shapeKey(row),
    },
    members:
      worst && !figures
        ? answer
            .membersOf(row)
            .slice(0, preview)
            .map((member) => entryOf(engine, member))
        : [],
  }
}

export interface UseTypedReadsOptions<K extends LogKind> {
  held: Ref<LogEngine<K>>
  result: Ref<QueryResult>
  collapsing: Ref<boolean>
  trendVolume: Ref<VolumePlan | null>
  newness(): Newness
}

export interface TypedReads {
  /** Records held. */
  size: ComputedRef<number>
  entryAt(index: number): RecordEntry
  recordAt(index: number): LogRecord
  /** A row of the current result, as the grid shows it (with its trend); null past the end. */
  rowAt(row: number): RowView<LogRecord> | null
  /**
   * The current result with the records it indexes, kept together: what the export writes
   * stays one consistent log even when the narrowing changes or a refresh lands meanwhile. Its
   * grouped rows list every member (the grid previews a few).
   */
  snapshot(): LogSnapshot
  /** The record index of an id, or -1 while it is not held. */
  indexOfId(id: number): number
  /** Every record a row of the current result stands for, newest first. */
  membersOf(row: number): number[]
  /** The records a record's row stands for (itself when its row is not collapsed or not shown). */
  occurrencesOf(index: number): number[]
  /** The other records of the same action run, newest first. */
  actionRunOf(index: number): number[]
  /** Any record held, for the titles of narrowed pages. */
  sample(): LogRecord | null
  /** A message shape's text (numbers as `#`) by its key (`?shape=`), or null while none held has it. */
  shapeText(key: string): string | null
}

export function useTypedReads<K extends LogKind>(options: UseTypedReadsOptions<K>): TypedReads {
  const { held, result, collapsing, trendVolume, newness } = options
  const rowTrends = createRowTrends()
  const size = computed(() => held.value.size)
  const recordAt = (index: number) => held.value.get(index)

  return {
    size,
    entryAt: (index) => entryOf(held.value, index),
    recordAt,
    rowAt(row) {
      const engine = held.value
      const answer = result.value
      const view = rowOf(engine, answer, row, newness())
      // Repeats collapsed, or a problem's records: their occurrences over time.
      const trended = collapsing.value || answer.problems !== null
      if (view) view.trend = rowTrends.of(trended ? trendVolume.value : null, engine, answer, row)
      return view
    },
    snapshot() {
      const engine = held.value
      const answer = result.value
      const marks = newness()
      return { shown: answer.shown, rowAt: (row) => rowOf(engine, answer, row, marks, Infinity) }
    },
    indexOfId: (id) => held.value.indexOfId(id),
    membersOf: (row) => result.value.membersOf(row),
    occurrencesOf(index) {
      const answer = result.value
      const row = answer.rows.indexOf(index)
      return row < 0 ? [index] : answer.membersOf(row)
    },
    actionRunOf: (index) => held.value.actionRunOf(index).filter((member) => member !== index),
    sample: () => (held.value.size > 0 ? recordAt(0) : null),
    shapeText: (key) => held.value.shapeText(key),
  }
}
