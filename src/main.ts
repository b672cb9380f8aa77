import '@/styles/standalone.css'
import '@/styles/theme.css'
import { createLogsApp } from '@/app/createLogsApp'
import { createPopperContainer } from '@/app/popperContainer'
import { parseLocale } from '@/locales'

const locale = parseLocale(new URLSearchParams(window.location.search).get('lang'))
const { app, router, i18n, idPrefix, localeReady } = createLogsApp({ history: 'web', locale })
createPopperContainer(document.body, idPrefix, () => i18n.global.t('filters.label'))
void Promise.all([router.isReady(), localeReady]).then(() => app.mount('#app'))
