import { useI18n } from 'vue-i18n'
import { useFormatters } from '@/app/useFormatters'
import type { ColumnContext } from '@/logKinds/columns'
import { fillUrl, useAppConfigStore } from '@/stores/appConfig'

/** What the log's columns need to render a cell, a CSV cell or a drawer field. */
export function useColumnContext(): ColumnContext {
  const { t } = useI18n()
  const { formatDateTime, formatTime } = useFormatters()
  const config = useAppConfigStore()
  return {
    t: (key, named) => (named ? t(key, named) : t(key)),
    formatDateTime,
    formatTime,
    url: (target, id) => fillUrl(config.config.urls[target], id),
    listingUrl: (id) => (config.config.urls.listing ? fillUrl(config.config.urls.listing, id) : null),
  }
}
