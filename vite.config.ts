import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig } from 'vite'
import { previewBackend } from './server/vitePlugin.ts'
import { compileHints } from './tooling/compileHints.ts'
import { precompileMessages } from './tooling/precompileMessages.ts'
import { preloadApp } from './tooling/preloadApp.ts'
import { scopeRootVariables } from './tooling/scopeCss.ts'

/** Element Plus components the app uses: their style entries are pre-bundled for the dev server. */
const ELEMENT_PLUS_STYLES = [
  'base',
  'alert',
  'button',
  'checkbox',
  'config-provider',
  'date-picker',
  'dialog',
  'drawer',
  'input',
  'input-number',
  'option',
  'progress',
  'radio',
  'radio-button',
  'radio-group',
  'select',
  'switch',
  'tag',
]

export default defineConfig({
  plugins: [
    vue(),
    previewBackend(),
    precompileMessages(),
    preloadApp(),
    compileHints(),
    // Element Plus on demand: only the components a template uses are bundled, with their CSS.
    Components({
      // Sass sources, so the styles compile under our own namespace (src/styles/element).
      resolvers: [ElementPlusResolver({ importStyle: 'sass' })],
      dts: false,
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // Features of Vue and of vue-i18n's code (petite-vue-i18n is its translation-only build) nothing
  // here uses, left out of the bundle: the Options API (every component has setup), the legacy API
  // and global components (composition only, t() in setup), and their devtools hooks.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  // Pre-bundled up front: otherwise the first `npm run dev` page load discovers Element Plus
  // components lazily, re-optimises and fails with "Outdated Optimize Dep".
  optimizeDeps: {
    include: [
      'vue',
      'vue-router',
      'pinia',
      'petite-vue-i18n',
      'axios',
      'zod',
      'dayjs',
      'dayjs/plugin/utc',
      'dayjs/plugin/timezone',
      'uplot',
      'element-plus/es',
      ...ELEMENT_PLUS_STYLES.map((name) => `element-plus/es/components/${name}/style/index`),
    ],
  },
  // The parsing worker (src/api/lines/lines.worker.ts) is a module worker, built as a file of its
  // own (never a data: or blob: URL, which a strict CSP refuses).
  worker: { format: 'es' },
  css: {
    preprocessorOptions: {
      scss: { additionalData: `@use "@/styles/element/index.scss" as *;` },
    },
    postcss: { plugins: [scopeRootVariables()] },
  },
  // No CORS: Vite's default answers any local origin (a page on http://localhost:3000 could read
  // the logs). The app is served from the same origin as its API.
  // `npm run dev` transforms the app's entry and its pages' modules as it starts, so the first
  // visit of a page does not wait for them one import at a time.
  server: {
    port: 5173,
    strictPort: false,
    cors: false,
    warmup: {
      clientFiles: [
        './src/main.ts',
        './src/app/createLogsApp.ts',
        './src/logPage/LogPage.vue',
        './src/logsClearing/LogsClearingPage.vue',
        './src/logPage/details/RecordDrawer.vue',
        './src/logPage/filters/DateRangeFilter.vue',
        './src/logPage/chart/VolumeChart.vue',
      ],
    },
  },
  preview: { port: 4173, strictPort: false, cors: false },
})
