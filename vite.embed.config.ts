// The embed build, in two passes:
// - `vite build --config vite.embed.config.ts`: `dist/embed/tts-logs.js`, an ES module exporting
//   `mount`, with the parts a page does not need at once (chart, details drawer, dialogs, CSV
//   export, Logs Clearing) in `dist/embed/chunks/`, loaded relative to the module when first
//   used; and `tts-logs.css` (all the CSS, chunks' included, in one scoped file).
// - `… --mode iife`: `tts-logs.iife.js`, one self-contained file that sets the global `TtsLogs`,
//   for a plain script tag in a RequireJS page (a script tag cannot load chunks).
// Vue and Element Plus are bundled in: the host has neither.
import { defineConfig, mergeConfig } from 'vite'
import baseConfig from './vite.config.ts'

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife'
  return mergeConfig(
    baseConfig,
    defineConfig({
      // A library must not keep `process.env` references, or it never runs in a browser.
      define: { 'process.env.NODE_ENV': '"production"' },
      publicDir: false,
      build: {
        outDir: 'dist/embed',
        // The IIFE pass adds its file beside the ES pass's output.
        emptyOutDir: !iife,
        reportCompressedSize: false,
        cssCodeSplit: false,
        lib: {
          entry: 'src/embed/index.ts',
          name: 'TtsLogs',
          formats: [iife ? 'iife' : 'es'],
          fileName: () => (iife ? 'tts-logs.iife.js' : 'tts-logs.js'),
          cssFileName: 'tts-logs',
        },
        rolldownOptions: {
          // The entry may export more than `mount`: the few modules it shares with the app's chunks
          // (the first request, the option checks) then stay in it, rather than in chunks of their
          // own that it would wait for before its first request leaves.
          preserveEntrySignatures: 'allow-extension',
          output: iife
            ? { minify: true, codeSplitting: false }
            : { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    }),
  )
})
