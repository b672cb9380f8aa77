/**
 * Help Center > Synchronization Logs: what the background synchronization tasks did. Its
 * columns: views/synchronization.ts.
 */
import { TYPE_CODES } from '@/api/codes'
import type { LogKindData } from '@/logKinds/types'

export const synchronizationLog: LogKindData<'synchronization'> = {
  kind: 'synchronization',
  path: '/help-center/synchronization-logs',
  routeName: 'synchronization-log',
  menuSection: 'helpCenter',
  menuItemKey: 'menu.synchronizationLogs',
  titleKey: 'logs.synchronization.title',
  helpKey: 'logs.synchronization.help',
  narrowedTitle: () => null,
  detailText: (record) => record.detailedDescription,
  runKey: () => null,
  ownerOf: () => null,
  filters: ['from', 'to', 'task', 'q', 'type'],
  // Every type: the original offers Warning, Error and Fatal Error only, yet the log holds Info
  // and Success records too, which could then be neither counted by type nor chosen (fix).
  typeOptions: [...TYPE_CODES],
  uniqueLabelKey: null,
  hasAccountFilters: false,
  viewModes: ['separated'],
  hasActionRuns: false,
  narrowKeys: [],
  narrowHides: {},
  canClearAll: true,
}
