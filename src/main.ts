import '@/styles/standalone.css'
import '@/styles/theme.css'
import { createLogsApp } from '@/app/createLogsApp'
import { parseLocale } from '@/locales'

const locale = parseLocale(new URLSearchParams(window.location.search).get('lang'))
const { app, router } = createLogsApp({ history: 'web', locale })
void router.isReady().then(() => app.mount('#app'))
