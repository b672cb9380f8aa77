/** The grid's columns: the log's, less those narrowing or the column chooser hides. */
import { computed, type ComputedRef } from 'vue'
import { LOG_KIND_DEFINITIONS, type ColumnId, type LogKindView } from '@/logKinds'
import { ENTITY_KEYS } from '@/logKinds/filters'
import { serializeViewState } from '@/logKinds/viewState'
import { viewColumns } from '@/logKinds/views/parseViewState'
import type { LogStore } from '@/stores/logStore'

type Columns = LogKindView['columns']

export interface VisibleColumns {
  /** Narrowed to one product or one order. */
  narrowedToOne: ComputedRef<boolean>
  /** Columns hidden by narrowing (they would repeat one value). */
  narrowedColumns: ComputedRef<ColumnId[]>
  /** Columns shown: neither hidden by narrowing nor by the column chooser. */
  visibleColumns: ComputedRef<Columns>
  /** Changes when the grid should go back to its top (not for the drawer or a hidden column). */
  resetKey: ComputedRef<string>
}

export function useVisibleColumns(store: LogStore): VisibleColumns {
  const definition = computed(() => LOG_KIND_DEFINITIONS[store.kind])
  const narrowedToOne = computed(() => ENTITY_KEYS.some((key) => store.viewState[key] !== null))
  const narrowedColumns = computed<ColumnId[]>(() => {
    const hides = definition.value.narrowHides
    return [
      ...new Set(
        definition.value.narrowKeys.flatMap((key) => (store.viewState[key] !== null ? (hides[key] ?? []) : [])),
      ),
    ]
  })
  // The same list while the same columns show: a keystroke in a filter re-renders no row for it.
  const visibleColumns = computed<Columns>((previous) => {
    const columns = viewColumns(store.kind, store.viewState.view).filter(
      (column) => !narrowedColumns.value.includes(column.id) && !store.viewState.hidden.includes(column.id),
    )
    return previous && previous.length === columns.length && previous.every((column, i) => column === columns[i])
      ? previous
      : columns
  })
  // Opening the drawer or hiding a column keeps the grid where it is. The rows' state: typing
  // in a filter moves the grid when its rows change (while the log loads, a frame after the key).
  const resetKey = computed(() => JSON.stringify(serializeViewState({ ...store.viewState, detail: null, hidden: [] })))
  return { narrowedToOne, narrowedColumns, visibleColumns, resetKey }
}
