/**
 * The column registry's shape, and the columns every log shares. A column is described once:
 * its label, width, sort key, the cell the grid renders, its CSV cells and its fields in the
 * details drawer. The grid, the CSV export, the drawer, the column chooser and the URL's sort
 * and `hide` parsing all loop over a log's columns (the shape follows Element Plus `table-v2`
 * columns: `dataKey`, `width`, `sortable`, `cellRenderer`).
 */
import { h, type VNodeChild } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import type { ParsedMessage, SortField } from '@/engine'
import type { MessageTrend } from '@/trend/trend'
import type { LogRecord } from '@/logKinds/records'
import MessageCell from '@/cells/MessageCell.vue'
import { MESSAGE_CUT, messageToHtml } from '@/cells/messageHtml'
import TypeLabel from '@/cells/TypeLabel.vue'

/**
 * A column's id: its key in the URL's `hide=` list, its CSS class and its test ids. Open, so a
 * log's description can add a column without touching this file; the registry is the list.
 */
export type ColumnId = string

/** One rendered row of the grid (or one exported row): a record and what the query made of it. */
export interface RowView<R> {
  /** Display row. */
  row: number
  /** The engine's record index (for a collapsed row: its latest member). */
  index: number
  id: number
  /** UTC ms. */
  date: number
  record: R
  /** Records the row stands for. */
  count: number
  /** Its message (under the unique grouping) first happened after the merchant's last visit. */
  isNew: boolean
  /** A repeated row of the unique view: its occurrences over time (null: none drawn). */
  trend: MessageTrend | null
  /** The record's type, or the worst type of a grouped row. */
  type: number
  message: ParsedMessage
  /** Grouped view: the first messages of the group, for the message cell. */
  members: { id: number; type: number; date: number; message: ParsedMessage }[]
}

type Translate = (key: string, named?: Record<string, unknown>) => string

/** What cells, CSV cells and drawer fields may use: texts, the admin's clock and link targets. */
export interface ColumnContext {
  t: Translate
  formatDateTime(ms: number): string
  /** The time of `ms`, with its date too when it is not on the day of `day`. */
  formatTime(ms: number, day: number): string
  /** A Magento or TikTok Shop page, from the host's URL templates. */
  url(target: 'product' | 'ttsOrder' | 'magentoOrder', id: string | number): string
  /** The host's listing page, or null when the app's own narrowed log stands in for it. */
  listingUrl(id: number): string | null
}

/** Grid-only extras: the row's actions, and what the message filter is looking for. */
export interface CellContext extends ColumnContext {
  /** The message filter's text ('' for none): its matches in messages are marked. */
  highlight(): string
  /** Show the whole message (or every message of a grouped row). */
  open(row: number): void
  /** Open the row's details drawer. */
  details(row: number): void
}

/**
 * Filters a drawer field can set on the page ("filter for value"): keys and values of the page's
 * view state (`LogViewState`), written out here because the view state reads the log
 * descriptions, which hold these columns (tests/unit/logKinds.test.ts holds the two together).
 */
export interface ValueFilter {
  listing?: string
  product?: string
  ttsOrder?: string
  actions?: number[]
  types?: number[]
  initiators?: number[]
  tasks?: number[]
}

/** One field of the details drawer. */
export interface DetailField {
  key: string
  label: string
  value: string
  href?: string
  to?: RouteLocationRaw
  /** A message type: shown as its label. */
  typeCode?: number
  /** "Filter for value": what this value adds to the page's filters (offered where the log has that filter). */
  filter?: ValueFilter
  /** The log narrowed to this value (one product's or one order's). */
  open?: RouteLocationRaw
}

/** A column of records `R` (by default: of some log, as the page's parts see a log's columns). */
export interface LogColumn<R = LogRecord> {
  id: ColumnId
  /** i18n key of the header (and of the column chooser's checkbox). */
  labelKey: string
  /** Its width: never narrower than `min` px (the grid scrolls sideways instead); spare width is
   * shared by `grow`. */
  width: ColumnWidth
  /** The engine's sort field when the header sorts. */
  sortField?: SortField
  /** False: the column chooser never hides it. */
  hideable?: boolean
  cell(row: RowView<R>, context: CellContext): VNodeChild
  /** i18n keys of the CSV headers this column writes (none: not exported). */
  csvHeaderKeys: string[]
  csv(row: RowView<R>, context: ColumnContext): string[]
  /** Fields this column adds to the details drawer. */
  details?(record: R, context: ColumnContext): DetailField[]
}

export const cutTitle = (title: string, max: number) => (title.length > max ? `${title.slice(0, max)}…` : title)

/** A link opening in a new tab (Magento and TikTok Shop pages); `title`: the whole text on hover. */
export const externalLink = (href: string, text: string, title?: string) =>
  h('a', { class: 'tts-link', href, target: '_blank', rel: 'noopener noreferrer', title }, text)

/** A title, cut for the grid, with its whole text on hover. */
export const titleLink = (href: string, title: string, max: number) => externalLink(href, cutTitle(title, max), title)

/** "ID: 123" under a title. */
export const idNote = (context: ColumnContext, id: number) =>
  h('span', { class: 'tts-grid__id' }, context.t('grid.id', { id }))

export interface ColumnWidth {
  min: number
  grow: number
}

/** The CSS grid track of a column. */
export const gridTrack = ({ min, grow }: ColumnWidth) => `minmax(${min}px, ${grow}fr)`

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
      const message = messageToHtml(row.message, detailsLabel, MESSAGE_CUT, highlight)
      return h(MessageCell, {
        html: message.html,
        cut: message.cut,
        count: row.count,
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
          h('span', {
            class: 'tts-grid__member-text',
            innerHTML: messageToHtml(member.message, detailsLabel, 200, highlight).html,
          }),
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

export const typeColumn: LogColumn<Common> = {
  id: 'type',
  labelKey: 'columns.type',
  width: { min: 110, grow: 0.6 },
  cell: (row, c) => [
    h(TypeLabel, { type: row.type }),
    h(
      'button',
      {
        type: 'button',
        class: 'tts-link-button tts-grid__details',
        tabindex: -1,
        'aria-label': c.t('details.openLabel', { date: c.formatDateTime(row.date) }),
        'data-testid': 'row-details',
        onClick: (event: Event) => {
          event.stopPropagation()
          c.details(row.row)
        },
      },
      c.t('details.open'),
    ),
  ],
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
