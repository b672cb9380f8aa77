import { useCodeLabels } from '@/app/useCodeLabels'
import { useFormatters } from '@/app/useFormatters'
import type { ColumnContext } from '@/logKinds/columns'
import { fillUrl, useAppConfigStore } from '@/stores/appConfig'

/** What the log's columns need to render a cell, a CSV cell or a drawer field. */
export function useColumnContext(): ColumnContext {
  const t = useCodeLabels()
  const { formatDateTime, formatTime } = useFormatters()
  const config = useAppConfigStore()
  return {
    t,
    formatDateTime,
    formatTime,
    url: (target, id) => fillUrl(config.config.urls[target], id),
    listingUrl: (id) => (config.config.urls.listing ? fillUrl(config.config.urls.listing, id) : null),
  }
}
