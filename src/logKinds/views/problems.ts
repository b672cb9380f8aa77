/**
 * The Problems view's columns (listing and order logs): one row per message shape across every
 * product or order, saying how widely (products, records, shops) and since when (first and last
 * seen). A row's record is its newest; its type is the worst of its records.
 */
import { h } from 'vue'
import type { LogKind } from '@/logKinds/types'
import type { ColumnContext, LogColumn } from '@/logKinds/columns'
import type { LogRecord } from '@/logKinds/records'
import { createDateColumn, messageColumn, typeAndAction, typeColumn } from '@/logKinds/views/sharedColumns'

/** A figure as the admin's language writes it, with the plain number for tools (`data-value`). */
const figure = (testId: string, value: number, c: ColumnContext, title: string) =>
  h('span', { class: 'tts-grid__figure', 'data-testid': testId, 'data-value': value, title }, c.formatNumber(value))

/** The row's date, its newest record's: when the problem was last seen. */
const lastSeenColumn: LogColumn = {
  ...(createDateColumn as LogColumn),
  id: 'lastSeen',
  labelKey: 'problems.lastSeen',
  width: { min: 115, grow: 0.7 },
  details: undefined,
}

const ownersColumn = (kind: LogKind): LogColumn => ({
  id: 'problemOwners',
  labelKey: `problems.owners.${kind}`,
  width: { min: 100, grow: 0.4 },
  sortField: 'owners',
  cell: (row, c) =>
    figure(
      'problem-products',
      row.problem?.owners ?? 0,
      c,
      c.t(
        `problems.ownersTitle.${kind}`,
        { count: c.formatNumber(row.problem?.owners ?? 0) },
        row.problem?.owners ?? 0,
      ),
    ),
  csvHeaderKeys: [`problems.owners.${kind}`],
  csv: (row) => [String(row.problem?.owners ?? 0)],
})

const countColumn: LogColumn = {
  id: 'problemCount',
  labelKey: 'problems.count',
  width: { min: 112, grow: 0.4 },
  sortField: 'count',
  cell: (row, c) =>
    figure('problem-count', row.count, c, c.t('problems.countTitle', { count: c.formatNumber(row.count) }, row.count)),
  // The export writes every row's record count itself (its "Count" column).
  csvHeaderKeys: [],
  csv: () => [],
}

const firstSeenColumn: LogColumn = {
  id: 'firstSeen',
  labelKey: 'problems.firstSeen',
  width: { min: 115, grow: 0.7 },
  sortField: 'firstSeen',
  cell: (row, c) => (row.problem ? c.formatDateTime(row.problem.firstSeen) : null),
  csvHeaderKeys: ['problems.firstSeen'],
  csv: (row, c) => [row.problem ? c.formatDateTime(row.problem.firstSeen) : ''],
}

/** The shops a problem touched, named only when there is more than one (one shop says nothing). */
const shopsColumn: LogColumn = {
  id: 'problemShops',
  labelKey: 'problems.shops',
  width: { min: 110, grow: 0.7 },
  cell: (row, c) => {
    const shops = row.problem?.shops ?? []
    if (shops.length < 2) return null
    const names = shops.map((id) => c.shopName(id))
    return h('span', { class: 'tts-grid__shops', title: names.join(', ') }, names.join(', '))
  },
  csvHeaderKeys: ['problems.shops'],
  csv: (row, c) => [(row.problem?.shops ?? []).map((id) => c.shopName(id)).join(', ')],
}

/** The worst type of a problem's records, and the way into them (as a click on the row, or Enter). */
const worstTypeColumn = (kind: LogKind): LogColumn => ({
  ...(typeColumn as LogColumn),
  // Its own id: hiding the separated view's Type leaves the worst type, and the way in, here.
  id: 'worstType',
  hideable: false,
  cell: (row, c) =>
    typeAndAction(row, c, {
      text: c.t(`problems.open.${kind}`),
      label: c.t(`problems.openLabel.${kind}`, { message: row.message.text.slice(0, 80) }),
      testId: 'problem-open',
    }),
})

/** The Problems view's columns of a log (listing or order): last seen, message, how widely, type. */
export function problemColumns(kind: LogKind): LogColumn<LogRecord>[] {
  return [
    lastSeenColumn,
    // Narrower than elsewhere: the figures beside it say the rest.
    { ...(messageColumn as LogColumn), width: { min: 200, grow: 3 } },
    ownersColumn(kind),
    countColumn,
    firstSeenColumn,
    shopsColumn,
    worstTypeColumn(kind),
  ]
}
