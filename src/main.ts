import '@/styles/standalone.css'
import '@/styles/theme.css'
import { createLogsApp } from '@/app/createLogsApp'
import { createPopperContainer } from '@/app/popperContainer'
import { parseLocale } from '@/locales'

const locale = parseLocale(new URLSearchParams(window.location.search).get('lang'))
const { app, router, i18n, idPrefix } = createLogsApp({ history: 'web', locale })
createPopperContainer(document.body, idPrefix, () => i18n.global.t('filters.label'))
void router.isReady().then(() => app.mount('#app'))
