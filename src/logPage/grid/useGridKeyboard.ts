import { ref, type Ref } from 'vue'

export interface UseGridKeyboardOptions {
  rowCount: Ref<number>
  /** Rows a page key moves. */
  pageRows: Ref<number>
  /** Bring a row into view. */
  scrollToRow(row: number): void
  /** Enter on the active row. */
  onEnter(row: number): void
}

export interface GridKeyboard {
  /** The row the keys move and Enter opens (its `aria-activedescendant`). */
  activeRow: Ref<number>
  /** The grid's keydown handler. */
  onKeydown(event: KeyboardEvent): void
}

const MOVES: Record<string, (page: number) => number> = {
  ArrowDown: () => 1,
  ArrowUp: () => -1,
  PageDown: (page) => page,
  PageUp: (page) => -page,
  Home: () => -Infinity,
  End: () => Infinity,
}

/** The grid's keys: arrows, Page Up/Down, Home/End move the active row; Enter opens it. */
export function useGridKeyboard(options: UseGridKeyboardOptions): GridKeyboard {
  const activeRow = ref(0)

  function onKeydown(event: KeyboardEvent) {
    const count = options.rowCount.value
    if (count === 0) return
    if (event.key === 'Enter') {
      event.preventDefault()
      options.onEnter(activeRow.value)
      return
    }
    const move = MOVES[event.key]
    if (!move) return
    event.preventDefault()
    activeRow.value = Math.max(0, Math.min(count - 1, activeRow.value + move(Math.max(1, options.pageRows.value))))
    options.scrollToRow(activeRow.value)
  }

  return { activeRow, onKeydown }
}
