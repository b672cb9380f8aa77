/** Help Center > Synchronization Logs: what the background synchronization tasks did. */
import { TYPE_CODES } from '@/api/codes'
import type { EngineSynchronizationRecord } from '@/engine'
import {
  codeColumn,
  createDateColumn,
  initiatorColumn,
  messageColumn,
  typeColumn,
  type LogColumn,
} from '@/logKinds/columns'
import MessageCell from '@/cells/MessageCell.vue'
import { messageToHtml } from '@/cells/messageHtml'
import type { LogKindDescription } from '@/logKinds/types'
import { h } from 'vue'

const detailedColumn: LogColumn<EngineSynchronizationRecord> = {
  id: 'detailed',
  labelKey: 'columns.detailed',
  width: { min: 200, grow: 2 },
  cell: (row, c) => {
    const text = row.record.detailedDescription
    const detail = text
      ? messageToHtml({ segments: [{ kind: 'text', text }], text }, c.t('grid.detailsHere'))
      : { html: '', cut: false }
    return h(MessageCell, {
      html: detail.html,
      cut: detail.cut,
      count: 1,
      type: row.type,
      onMore: () => c.open(row.row),
    })
  },
  csvHeaderKeys: ['columns.detailed'],
  csv: ({ record }) => [record.detailedDescription ?? ''],
}

export const synchronizationLog: LogKindDescription<'synchronization'> = {
  kind: 'synchronization',
  path: '/help-center/synchronization-logs',
  routeName: 'synchronization-log',
  menuSection: 'helpCenter',
  menuItemKey: 'menu.synchronizationLogs',
  titleKey: 'logs.synchronization.title',
  helpKey: 'logs.synchronization.help',
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
  narrowedTitle: () => null,
  detailText: (record) => record.detailedDescription,
  runKey: () => null,
  ownerOf: () => null,
  // The run mode has no column here (the original has none), but the drawer shows every field.
  extraDetails: (record: EngineSynchronizationRecord, c) => [
    ...initiatorColumn.details!(record, c),
    ...(record.operationHistoryId === null
      ? []
      : [{ key: 'operation', label: c.t('details.operation'), value: String(record.operationHistoryId) }]),
  ],
  filters: ['from', 'to', 'task', 'q', 'type'],
  // Every type: the original offers Warning, Error and Fatal Error only, yet the log holds Info
  // and Success records too, which could then be neither counted by type nor chosen (fix).
  typeOptions: [...TYPE_CODES],
  uniqueLabelKey: null,
  hasAccountFilters: false,
  hasViewMode: false,
  hasActionRuns: false,
  narrowKeys: [],
  narrowHides: {},
  canClearAll: true,
}
