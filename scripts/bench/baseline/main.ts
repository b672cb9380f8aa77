// The baseline the app is measured against (see README.md here): what a straightforward page
// does with the same data. Records are plain objects in one array, fetched page by page from the
// same /api/v1 endpoint; the message filter is Array.prototype.filter, the unique checkbox a Map
// group-by on listingProductId + message (count, latest date); the grid is el-table-v2.
// Like the app it starts with the unique checkbox on, and redraws at most every 120 ms while
// pages stream in. It carries the app's test ids, so the benchmark's probe measures both alike.
/// <reference types="vite/client" />
import 'element-plus/theme-chalk/base.css'
import 'element-plus/theme-chalk/el-checkbox.css'
import 'element-plus/theme-chalk/el-input.css'
import 'element-plus/theme-chalk/el-table-v2.css'
import { ElAutoResizer, ElCheckbox, ElInput, ElTableV2, type Column, type TableV2Instance } from 'element-plus'
import { computed, createApp, defineComponent, h, ref, shallowRef } from 'vue'

interface ListingRecord {
  id: number
  createDate: string
  type: number
  initiator: number
  description: string
  accountId: number
  shopId: number
  listingId: number
  listingTitle: string
  productId: number | null
  productTitle: string | null
  listingProductId: number | null
  action: number
  actionId: number
}

/** A shown row: a record, and with the unique checkbox on, how often its message repeats. */
type ShownRow = ListingRecord & { count?: number }

interface ListingPage {
  items: ListingRecord[]
  nextCursor: string | null
  totalEstimate: number | null
}

declare global {
  interface Window {
    /** For the benchmark: el-table-v2 scrolls with its own scrollbar, so it is asked to. */
    __benchScrollToEnd?: () => void
    __benchScrollToTop?: () => void
  }
}

const PAGE_SIZE = 5000
const REFRESH_MS = 120
const TYPES: Record<number, string> = { 1: 'Info', 2: 'Success', 3: 'Warning', 4: 'Error' }
const INITIATORS: Record<number, string> = { 0: 'Unknown', 1: 'Manual', 2: 'Automatic' }
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' })

/** Repeated messages of a product once, with their count, dated by the latest. */
function groupUnique(records: ListingRecord[]): ShownRow[] {
  const groups = new Map<string, ShownRow>()
  const rows: ShownRow[] = []
  for (const record of records) {
    if (record.listingProductId === null) {
      rows.push(record)
      continue
    }
    const key = `${record.listingProductId}|${record.description}`
    const group = groups.get(key)
    if (group) {
      group.count = (group.count ?? 1) + 1
      if (record.createDate > group.createDate) group.createDate = record.createDate
    } else {
      const created = { ...record, count: 1 }
      groups.set(key, created)
      rows.push(created)
    }
  }
  return rows
}

const BaselineLogPage = defineComponent({
  name: 'BaselineLogPage',
  setup() {
    const records: ListingRecord[] = []
    const version = ref(0)
    const status = ref<'loading' | 'complete' | 'error'>('loading')
    const error = ref('')
    const unique = ref(true)
    const query = ref('')
    const table = shallowRef<TableV2Instance | null>(null)
    let lastRefresh = 0

    const rows = computed<ShownRow[]>(() => {
      void version.value
      const needle = query.value.trim().toLowerCase()
      const filtered = needle ? records.filter((r) => r.description.toLowerCase().includes(needle)) : [...records]
      return unique.value ? groupUnique(filtered) : filtered
    })

    function refresh(force = false) {
      const now = performance.now()
      if (force || now - lastRefresh >= REFRESH_MS) {
        lastRefresh = now
        version.value++
      }
    }

    async function load() {
      let cursor: string | null = null
      try {
        do {
          const params = new URLSearchParams({ limit: String(PAGE_SIZE) })
          if (cursor) params.set('cursor', cursor)
          const response = await fetch(`/api/v1/logs/listing?${params}`)
          if (!response.ok) throw new Error(`HTTP ${response.status}`)
          const page = (await response.json()) as ListingPage
          for (const record of page.items) records.push(record)
          refresh()
          cursor = page.nextCursor
        } while (cursor)
        status.value = 'complete'
      } catch (caught) {
        error.value = String(caught)
        status.value = 'error'
      } finally {
        refresh(true)
      }
    }
    void load()
    window.__benchScrollToEnd = () => table.value?.scrollToRow(rows.value.length - 1, 'end')
    window.__benchScrollToTop = () => table.value?.scrollToTop(0)

    const columns: Column<ShownRow>[] = [
      {
        key: 'date',
        title: 'Date',
        width: 190,
        cellRenderer: ({ rowData }) => h('span', dateFormat.format(Date.parse((rowData as ShownRow).createDate))),
      },
      { key: 'action', title: 'Action', dataKey: 'action', width: 90 },
      {
        key: 'listing',
        title: 'Listing',
        width: 200,
        cellRenderer: ({ rowData }) => {
          const row = rowData as ShownRow
          return h('div', [
            h('a', { href: `#listing-${row.listingId}` }, row.listingTitle),
            h('div', `ID: ${row.listingId}`),
          ])
        },
      },
      {
        key: 'product',
        title: 'Product',
        width: 220,
        cellRenderer: ({ rowData }) => {
          const row = rowData as ShownRow
          return row.productId === null
            ? h('span')
            : h('div', [
                h('a', { href: `#product-${row.productId}` }, row.productTitle ?? ''),
                h('div', `ID: ${row.productId}`),
              ])
        },
      },
      {
        key: 'message',
        title: 'Message',
        width: 420,
        flexGrow: 1,
        cellRenderer: ({ rowData }) => {
          const row = rowData as ShownRow
          return h('div', [
            h('span', row.description),
            row.count && row.count > 1 ? h('strong', ` (${row.count})`) : null,
          ])
        },
      },
      {
        key: 'initiator',
        title: 'Run Mode',
        width: 110,
        cellRenderer: ({ rowData }) => h('span', INITIATORS[(rowData as ShownRow).initiator] ?? ''),
      },
      {
        key: 'type',
        title: 'Type',
        width: 100,
        cellRenderer: ({ rowData }) => h('span', TYPES[(rowData as ShownRow).type] ?? ''),
      },
    ]
    const rowProps = ({ rowIndex }: { rowIndex: number }) => ({
      'data-testid': 'log-row',
      'aria-rowindex': rowIndex + 2,
    })

    return () =>
      h(
        'section',
        {
          class: 'tts-log-page',
          'data-complete': status.value === 'complete' ? 'true' : undefined,
          'data-error': status.value === 'error' ? error.value : undefined,
        },
        [
          h('h1', 'Listings Logs & Events (baseline)'),
          h('div', { class: 'baseline-toolbar' }, [
            h(
              ElCheckbox,
              {
                modelValue: unique.value,
                'onUpdate:modelValue': (value: unknown) => (unique.value = Boolean(value)),
                'data-testid': 'filter-unique',
              },
              () => 'Only messages with unique Product ID',
            ),
            h(ElInput, {
              modelValue: query.value,
              'onUpdate:modelValue': (value: string) => (query.value = value),
              clearable: true,
              placeholder: 'Message',
              'data-testid': 'filter-q',
              style: { width: '240px' },
            }),
          ]),
          h(
            'p',
            {
              'data-testid': 'log-summary',
              'data-shown': rows.value.length,
              'data-total': records.length,
              'data-q': query.value,
            },
            `Showing ${rows.value.length.toLocaleString('en')} of ${records.length.toLocaleString('en')}`,
          ),
          h('div', { 'data-testid': 'log-grid', style: { height: '62vh', minHeight: '360px' } }, [
            h(ElAutoResizer, null, {
              default: ({ width, height }: { width: number; height: number }) =>
                h(ElTableV2, { ref: table, columns, data: rows.value, width, height, rowHeight: 64, rowProps }),
            }),
          ]),
        ],
      )
  },
})

createApp(BaselineLogPage).mount('#app')
