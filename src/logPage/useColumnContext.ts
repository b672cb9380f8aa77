import { useCodeLabels } from '@/app/useCodeLabels'
import { useFormatters } from '@/app/useFormatters'
import type { ColumnContext } from '@/logKinds/columns'
import { fillUrl, useAppConfigStore } from '@/stores/appConfig'
import { useMetaStore } from '@/stores/meta'

/** What the log's columns need to render a cell, a CSV cell or a drawer field. */
export function useColumnContext(): ColumnContext {
  const t = useCodeLabels()
  const { formatDateTime, formatTime, formatNumber } = useFormatters()
  const config = useAppConfigStore()
  const meta = useMetaStore()
  return {
    t,
    formatDateTime,
    formatTime,
    formatNumber,
    url: (target, id) => fillUrl(config.config.urls[target], id),
    listingUrl: (id) => (config.config.urls.listing ? fillUrl(config.config.urls.listing, id) : null),
    shopName(id) {
      const shop = meta.shops.find((s) => s.id === id)
      return shop ? `${shop.region} (${shop.name})` : `#${id}`
    },
  }
}
