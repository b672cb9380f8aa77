/**
 * The columns every log shares (date, message, run mode, type, a code by its label) and the small
 * parts of the logs' own cells (links, cut titles, id notes): the descriptions' view part, with
 * their cells (src/cells/).
 */
import { h, type VNode } from 'vue'
import MessageCell from '@/cells/MessageCell.vue'
import { MESSAGE_CUT, messageNodes, messageParts } from '@/cells/messageParts'
import TypeLabel from '@/cells/TypeLabel.vue'
import type { CellContext, ColumnContext, ColumnId, ColumnWidth, LogColumn, ValueFilter } from '@/logKinds/columns'

/** A title cut to `max` characters, with an ellipsis. */
export const cutTitle = (title: string, max: number): string => (title.length > max ? `${title.slice(0, max)}…` : title)

/** A link opening in a new tab (Magento and TikTok Shop pages); `title`: the whole text on hover. */
export const externalLink = (href: string, text: string, title?: string): VNode =>
  h('a', { class: 'tts-link', href, target: '_blank', rel: 'noopener noreferrer', title }, text)

/** A title, cut for the grid, with its whole text on hover. */
export const titleLink = (href: string, title: string, max: number): VNode =>
  externalLink(href, cutTitle(title, max), title)

/** "ID: 123" under a title. */
export const idNote = (context: ColumnContext, id: number): VNode =>
  h('span', { class: 'tts-grid__id' }, context.t('grid.id', { id }))

interface Common {
  createDate: number | string
  type: number
  initiator: number
}

export const createDateColumn: LogColumn<Common> = {
  id: 'createDate',
  labelKey: 'columns.createDate',
  width: { min: 130, grow: 0.8 },
  sortField: 'createDate',
  cell: (row, c) => c.formatDateTime(row.date),
  // The export writes the date first, always, in its own sortable form.
  csvHeaderKeys: [],
  csv: () => [],
  details: (record, c) => [
    {
      key: 'createDate',
      label: c.t('columns.createDate'),
      value: c.formatDateTime(Date.parse(String(record.createDate))),
    },
  ],
}

export const messageColumn: LogColumn<Common> = {
  id: 'message',
  labelKey: 'columns.message',
  width: { min: 240, grow: 3 },
  sortField: 'message',
  hideable: false,
  cell: (row, c) => {
    const detailsLabel = c.t('grid.detailsHere')
    const highlight = c.highlight()
    if (row.members.length === 0) {
      return h(MessageCell, {
        message: messageParts(row.message, detailsLabel, MESSAGE_CUT, highlight),
        // A Problems row says its count in a column of its own.
        count: row.problem ? 1 : row.count,
        type: row.type,
        isNew: row.isNew,
        trend: row.trend,
        onMore: () => c.open(row.row),
      })
    }
    // Grouped: one line per message, its type as a shape and its time (the date is the row's).
    return h('div', { class: 'tts-grid__members' }, [
      ...row.members.map((member) =>
        h('div', { key: member.id, class: 'tts-grid__member', title: member.message.text }, [
          h(TypeLabel, { type: member.type, compact: true }),
          h('span', { class: 'tts-grid__member-time' }, c.formatTime(member.date, row.date)),
          h(
            'span',
            { class: 'tts-grid__member-text' },
            // One line each: the message's own line breaks as spaces.
            messageNodes(messageParts(member.message, detailsLabel, MESSAGE_CUT, highlight), false),
          ),
        ]),
      ),
      row.count > row.members.length
        ? h(
            'button',
            {
              type: 'button',
              class: 'tts-link-button',
              'aria-label': c.t('grid.groupMoreLabel', { count: row.count }),
              onClick: (event: Event) => {
                event.stopPropagation()
                c.open(row.row)
              },
            },
            c.t('grid.groupMore', { count: row.count - row.members.length }),
          )
        : null,
    ])
  },
  csvHeaderKeys: ['columns.message'],
  // A grouped row writes what its cell shows: every message of the group, with its type and time.
  csv: (row, c) => [
    row.members.length === 0
      ? row.message.text
      : row.members
          .map((member) => `${c.t(`types.${member.type}`)}, ${c.formatDateTime(member.date)}: ${member.message.text}`)
          .join('\n'),
  ],
}

export const initiatorColumn: LogColumn<Common> = {
  id: 'initiator',
  labelKey: 'columns.initiator',
  width: { min: 115, grow: 0.5 },
  cell: (row, c) =>
    h(
      'span',
      { class: `tts-run-mode tts-run-mode--${row.record.initiator}` },
      c.t(`initiators.${row.record.initiator}`),
    ),
  csvHeaderKeys: ['columns.initiator'],
  csv: (row, c) => [c.t(`initiators.${row.record.initiator}`)],
  details: (record, c) => [
    {
      key: 'initiator',
      label: c.t('columns.initiator'),
      value: c.t(`initiators.${record.initiator}`),
      filter: { initiators: [record.initiator] },
    },
  ],
}

/**
 * A row's type, and under it the row's way further (Enter does the same): its details, or a
 * Problems row's records. Out of the tab order: the grid's keys reach it.
 */
export const typeAndAction = (
  row: { row: number; type: number },
  c: CellContext,
  action: { text: string; label: string; testId: string },
): VNode[] => [
  h(TypeLabel, { type: row.type }),
  h(
    'button',
    {
      type: 'button',
      class: 'tts-link-button tts-grid__details',
      tabindex: -1,
      'aria-label': action.label,
      'data-testid': action.testId,
      onClick: (event: Event) => {
        event.stopPropagation()
        c.details(row.row)
      },
    },
    action.text,
  ),
]

export const typeColumn: LogColumn<Common> = {
  id: 'type',
  labelKey: 'columns.type',
  width: { min: 110, grow: 0.6 },
  // The type and the row's Details stay in sight on a narrow admin.
  pinned: true,
  cell: (row, c) =>
    typeAndAction(row, c, {
      text: c.t('details.open'),
      label: c.t('details.openLabel', { date: c.formatDateTime(row.date) }),
      testId: 'row-details',
    }),
  csvHeaderKeys: ['columns.type'],
  csv: (row, c) => [c.t(`types.${row.type}`)],
  details: (record, c) => [
    {
      key: 'type',
      label: c.t('columns.type'),
      value: c.t(`types.${record.type}`),
      typeCode: record.type,
      filter: { types: [record.type] },
    },
  ],
}

/** A code shown by its label (`<prefix>.<code>`): action, task; `filter`: the filter it sets. */
export function codeColumn<R>(
  id: ColumnId,
  width: ColumnWidth,
  labelPrefix: string,
  code: (record: R) => number,
  filter?: (code: number) => ValueFilter,
): LogColumn<R> {
  const label = (record: R, c: ColumnContext) => c.t(`${labelPrefix}.${code(record)}`)
  return {
    id,
    labelKey: `columns.${id}`,
    width,
    cell: (row, c) => label(row.record, c),
    csvHeaderKeys: [`columns.${id}`],
    csv: (row, c) => [label(row.record, c)],
    details: (record, c) => [
      { key: id, label: c.t(`columns.${id}`), value: label(record, c), filter: filter?.(code(record)) },
    ],
  }
}
