/**
 * The standalone preview's entry, a few kilobytes: it starts the page's first request (the log's
 * streamed read, as the page will ask for it) and only then loads the app, which adopts the
 * request in flight. A wrong guess costs one cancelled request.
 */
import '@/styles/standalone.css'
import '@/styles/theme.css'
import { logOfPath, narrowingOfQuery } from '@/app/firstRoute'
import { startFirstLoad } from '@/stores/loader/firstLoad'

const kind = logOfPath(window.location.pathname)
const query = new URLSearchParams(window.location.search)
const firstRequests =
  kind &&
  startFirstLoad(
    {},
    kind,
    narrowingOfQuery(kind, (key) => query.getAll(key).at(-1)),
  )
void import('@/app/standalone').then(({ startStandalone }) => startStandalone(firstRequests))
