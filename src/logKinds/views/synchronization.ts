/**
 * The synchronization log's columns, with their cells and drawer fields (its data:
 * logKinds/synchronization.ts).
 */
import { h } from 'vue'
import MessageCell from '@/cells/MessageCell.vue'
import { messageParts } from '@/cells/messageParts'
import type { EngineSynchronizationRecord } from '@/engine'
import type { LogColumn } from '@/logKinds/columns'
import type { LogKindView } from '@/logKinds/types'
import {
  codeColumn,
  createDateColumn,
  initiatorColumn,
  messageColumn,
  typeColumn,
} from '@/logKinds/views/sharedColumns'

/** An empty Detailed cell. */
const NO_MESSAGE = { parts: [], cut: false }

const detailedColumn: LogColumn<EngineSynchronizationRecord> = {
  id: 'detailed',
  labelKey: 'columns.detailed',
  width: { min: 200, grow: 2 },
  cell: (row, c) => {
    const text = row.record.detailedDescription
    return h(MessageCell, {
      message: text ? messageParts({ segments: [{ kind: 'text', text }], text }, c.t('grid.detailsHere')) : NO_MESSAGE,
      count: 1,
      type: row.type,
      onMore: () => c.open(row.row),
    })
  },
  csvHeaderKeys: ['columns.detailed'],
  csv: ({ record }) => [record.detailedDescription ?? ''],
}

export const synchronizationView: LogKindView<'synchronization'> = {
  columns: [
    createDateColumn,
    codeColumn(
      'task',
      { min: 120, grow: 0.7 },
      'tasks',
      (r) => r.task,
      (code) => ({ tasks: [code] }),
    ),
    messageColumn,
    detailedColumn,
    typeColumn,
  ],
  // The run mode has no column here (the original has none), but the drawer shows every field.
  extraDetails: (record: EngineSynchronizationRecord, c) => [
    ...initiatorColumn.details!(record, c),
    ...(record.operationHistoryId === null
      ? []
      : [{ key: 'operation', label: c.t('details.operation'), value: String(record.operationHistoryId) }]),
  ],
}
