// The embed build, in two passes:
// - `vite build --config vite.embed.config.ts`: `dist/embed/tts-logs.js`, an ES module exporting
//   `mount`, with the parts a page does not need at once (chart, details drawer, dialogs, CSV
//   export, Logs Clearing) in `dist/embed/chunks/`, loaded relative to the module when first
//   used; and `tts-logs.css` (all the CSS, chunks' included, in one scoped file).
// - `… --mode iife`: `tts-logs.iife.js`, one file that sets the global `TtsLogs`, for a plain
//   script tag in a RequireJS page (a script tag cannot load chunks); beside it only the parsing
//   worker, `chunks/lines.worker-*.js` (both passes write the same file).
// Vue and Element Plus are bundled in: the host has neither.
import { defineConfig, mergeConfig } from 'vite'
import baseConfig from './vite.config.ts'

const SCRIPT_URL = '__ttsLogsScriptUrl'
/**
 * The IIFE's own URL, taken while the script first runs (document.currentScript is null later);
 * the page's base URL if it was not loaded by a script tag (then the worker is not found beside
 * it, and the log is parsed in the page's thread).
 */
const IIFE_SCRIPT_URL = `var ${SCRIPT_URL} = (document.currentScript && document.currentScript.src) || document.baseURI;`

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife'
  return mergeConfig(
    baseConfig,
    defineConfig({
      // A library must not keep `process.env` references, or it never runs in a browser.
      define: {
        'process.env.NODE_ENV': '"production"',
        // A script has no import.meta: the IIFE finds its files (the parsing worker) beside the
        // script's own URL, which it notes while it first runs (IIFE_SCRIPT_URL).
        ...(iife && { 'import.meta.url': SCRIPT_URL }),
      },
      // Files the bundle loads (chunks, the parsing worker) are found relative to it; from the
      // IIFE, relative to the script's URL as it first ran (Vite's own IIFE code would read
      // document.currentScript when the worker starts, by when it is null).
      base: './',
      ...(iife && {
        experimental: {
          renderBuiltUrl: (filename: string, { hostType }: { hostType: string }) =>
            hostType === 'js' ? { runtime: `new URL(${JSON.stringify(filename)}, ${SCRIPT_URL}).href` } : undefined,
        },
      }),
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
            ? { minify: true, codeSplitting: false, intro: IIFE_SCRIPT_URL }
            : { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
      // The parsing worker (src/api/lines/) beside the chunks, in both passes.
      worker: { rolldownOptions: { output: { entryFileNames: 'chunks/[name]-[hash].js' } } },
    }),
  )
})
