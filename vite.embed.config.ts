// The embed build: `dist/embed/tts-logs.js` (ES module exporting `mount`), `tts-logs.iife.js`
// (sets the global `TtsLogs`, for a plain script tag in a RequireJS page) and `tts-logs.css`.
// Vue and Element Plus are bundled in: the host has neither.
import { defineConfig, mergeConfig } from 'vite'
import baseConfig from './vite.config.ts'

export default mergeConfig(
  baseConfig,
  defineConfig({
    // A library must not keep `process.env` references, or it never runs in a browser.
    define: { 'process.env.NODE_ENV': '"production"' },
    publicDir: false,
    build: {
      outDir: 'dist/embed',
      emptyOutDir: true,
      reportCompressedSize: false,
      lib: {
        entry: 'src/embed/index.ts',
        name: 'TtsLogs',
        formats: ['es', 'iife'],
        fileName: (format) => (format === 'es' ? 'tts-logs.js' : 'tts-logs.iife.js'),
        cssFileName: 'tts-logs',
      },
      rolldownOptions: {
        output: { minify: true, codeSplitting: false },
      },
    },
  }),
)
