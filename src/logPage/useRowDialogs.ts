/**
 * A row's dialogs: the message dialog (a row's records) and the details drawer (`detail=<id>` in
 * the URL, so it is a link too). Each is loaded when first opened, then kept. While either is
 * open, or the grid is scrolled down, live refresh holds new records behind the pill.
 */
import { ref, watch, type Ref } from 'vue'
import type { LogStore } from '@/stores/logStore'

export interface RowDialogs {
  /** The message dialog is open. */
  dialogOpen: Ref<boolean>
  /** The dialog, and the drawer, have been opened once (their components are loaded). */
  dialogUsed: Ref<boolean>
  drawerUsed: Ref<boolean>
  /** The records the dialog lists. */
  dialogIndices: Ref<number[]>
  /** The grid is scrolled to its top (set by the grid). */
  gridAtTop: Ref<boolean>
  /** Opens the dialog on a row of the current result. */
  openRow(row: number): void
  /** Opens (or, with null, closes) the drawer on a record id. */
  showDetails(id: number | null): void
  /** Opens the drawer on a row's record. */
  openDetails(row: number): void
}

export function useRowDialogs(store: LogStore): RowDialogs {
  const dialogOpen = ref(false)
  const dialogUsed = ref(false)
  const drawerUsed = ref(false)
  const dialogIndices = ref<number[]>([])
  const gridAtTop = ref(true)
  watch(
    () => store.viewState.detail,
    (detail) => {
      if (detail !== null) drawerUsed.value = true
    },
    { immediate: true },
  )
  watch(dialogOpen, (open) => {
    if (open) dialogUsed.value = true
  })
  // Live refresh holds new records behind the pill while the merchant reads further down or has
  // a dialog or the drawer open.
  watch(
    () => !gridAtTop.value || dialogOpen.value || store.viewState.detail !== null,
    (paused) => (store.livePaused = paused),
    { immediate: true },
  )

  function showDetails(id: number | null) {
    store.setViewState({ ...store.viewState, detail: id })
  }

  return {
    dialogOpen,
    dialogUsed,
    drawerUsed,
    dialogIndices,
    gridAtTop,
    openRow(row) {
      const members = store.membersOf(row)
      if (members.length === 0) return
      dialogIndices.value = store.viewState.view === 'grouped' ? members : [members[0]!]
      dialogOpen.value = true
    },
    showDetails,
    openDetails(row) {
      const index = store.result.rows[row]
      if (index !== undefined) showDetails(store.entryAt(index).id)
    },
  }
}
