// The benchmark's baseline page: a plain Element Plus el-table-v2 fed the listing log.
// `npm run bench` builds it into a temporary directory and serves it with `vite preview`,
// with the preview backend (the same /api/v1, database from PREVIEW_DB) beside it.
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import { previewBackend } from '../../../server/vitePlugin.ts'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Not the app's public/ folder: the baseline needs nothing but its own page.
  publicDir: false,
  plugins: [previewBackend()],
  build: { reportCompressedSize: false, chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
})
