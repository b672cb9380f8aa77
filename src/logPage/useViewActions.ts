/** What the page's controls do to the view: filters, the chart's range, the chips and the sort. */
import type { SortField } from '@/engine'
import type { LogViewState } from '@/logKinds/viewState'
import type { LogStore } from '@/stores/logStore'

export interface ViewActions {
  /** The filters changed (the URL's problems stay until the URL changes). */
  onChange(state: LogViewState): void
  /** The chart's drag or bar click sets the date filter. */
  onChartRange(from: number, to: number): void
  /** "New since the last visit": only those, or all again. */
  onNewChip(): void
  /** A type chip filters to that type; clicking it again clears the type filter. */
  onTypeChip(type: number): void
  /** A column header: its field, ascending (dates newest first), then the other way. */
  onSort(field: SortField): void
}

export function useViewActions(store: LogStore): ViewActions {
  const update = (change: Partial<LogViewState>) => store.setViewState({ ...store.viewState, ...change })
  return {
    onChange: (state) => store.setViewState(state, store.problems),
    onChartRange: (from, to) => update({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
    onNewChip: () => update({ onlyNew: !store.viewState.onlyNew }),
    onTypeChip(type) {
      const types = store.viewState.types
      const only = types.length === 1 && types[0] === type
      update({ types: only ? [] : [type] })
    },
    onSort(field) {
      const current = store.viewState.sort
      const direction =
        current.field === field
          ? current.direction === 'asc'
            ? 'desc'
            : 'asc'
          : field === 'createDate'
            ? 'desc'
            : 'asc'
      update({ sort: { field, direction } })
    },
  }
}
