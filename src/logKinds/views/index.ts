import type { LogKind, LogKindView } from '@/logKinds/types'
import { listingView } from '@/logKinds/views/listing'
import { orderView } from '@/logKinds/views/order'
import { synchronizationView } from '@/logKinds/views/synchronization'

/**
 * The view part of each log's description: its columns (grid cells, CSV cells, drawer fields) and
 * the drawer fields no column shows. Only views read it; stores read the data part
 * (`LOG_KIND_DEFINITIONS` in `@/logKinds`). Checked against each log's own records
 * (`satisfies`) and held, as the data part is, as a view of some log.
 */
export const LOG_KIND_VIEWS: Record<LogKind, LogKindView> = {
  listing: listingView,
  order: orderView,
  synchronization: synchronizationView,
} satisfies { [K in LogKind]: LogKindView<K> }
