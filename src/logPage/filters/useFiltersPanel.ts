/**
 * Whether a log's filter panel is shown (the Filters button, as in Magento's grids), remembered
 * per log and per host user in the browser. Until the merchant chooses, the panel is shown where
 * the window has room for it and the rows below, and hidden on a small laptop's.
 */
import { onMounted, ref, type Ref } from 'vue'
import { browserStorage, logStorageKey } from '@/app/browserStorage'
import type { LogKind } from '@/logKinds'
import { useAppConfigStore } from '@/stores/appConfig'

/**
 * Room for the panel, px: a window at least this wide, and this tall below the top of the log's
 * page (the host's header aside). The standalone preview at 1440×900 shows it; 1024×768, 1366×768
 * and the host demo's page under its own header at 1440×900 do not.
 */
export const PANEL_ROOM = { width: 1280, height: 800 } as const

export interface UseFiltersPanelOptions {
  kind: LogKind
  /** An element at the top of the log's page: what stands above it is the host's. */
  page: Ref<HTMLElement | null>
}

export interface FiltersPanel {
  shown: Ref<boolean>
  toggle: () => void
}

const SHOWN = 'shown'
const HIDDEN = 'hidden'

/** The stored choice: true (shown), false (hidden), or null (none, or unreadable, or no storage). */
export function readPanelChoice(userKey: string, kind: LogKind): boolean | null {
  try {
    const stored = browserStorage()?.getItem(logStorageKey('filters-panel', userKey, kind))
    return stored === SHOWN ? true : stored === HIDDEN ? false : null
  } catch {
    return null
  }
}

/** Stores the choice; a browser that refuses only costs the memory of it. */
export function writePanelChoice(userKey: string, kind: LogKind, shown: boolean): void {
  try {
    browserStorage()?.setItem(logStorageKey('filters-panel', userKey, kind), shown ? SHOWN : HIDDEN)
  } catch {
    // Blocked or full: the page works on with the panel as it is.
  }
}

/** Room for the panel in this window, below `top` (px from the window's top, page scroll included). */
export const roomForPanel = (top: number) =>
  window.innerWidth >= PANEL_ROOM.width && window.innerHeight - top >= PANEL_ROOM.height

export function useFiltersPanel(options: UseFiltersPanelOptions): FiltersPanel {
  const userKey = useAppConfigStore().config.userKey
  const choice = readPanelChoice(userKey, options.kind)
  // Before the page is measured: by the window alone (the host's header is counted on mount, before the first paint).
  const shown = ref(choice ?? roomForPanel(0))
  if (choice === null)
    onMounted(() => {
      const page = options.page.value
      if (page) shown.value = roomForPanel(page.getBoundingClientRect().top + window.scrollY)
    })

  function toggle() {
    shown.value = !shown.value
    writePanelChoice(userKey, options.kind, shown.value)
  }
  return { shown, toggle }
}
