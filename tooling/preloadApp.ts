/**
 * The standalone page's index.html links the app's chunks that its tiny entry (src/main.ts)
 * imports at once, with their CSS: the browser fetches them while it parses the page, beside the
 * entry (not once the entry has run), and the page's load event waits for them, as it waited
 * for the one big entry before. The entry still evaluates first and starts the first request;
 * `import()` then finds the app's modules fetched. Vite links only an entry's static imports.
 */
import type { Plugin } from 'vite'

export function preloadApp(): Plugin {
  return {
    name: 'tts-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { chunk, bundle }) {
        if (!chunk || !bundle) return
        const scripts = new Set<string>()
        const styles = new Set<string>()
        const visit = (file: string) => {
          const output = bundle[file]
          if (output?.type !== 'chunk' || scripts.has(file)) return
          scripts.add(file)
          output.viteMetadata?.importedCss.forEach((css) => styles.add(css))
          output.imports.forEach(visit)
        }
        chunk.dynamicImports.forEach(visit)
        const linked = (file: string) => html.includes(`/${file}"`)
        return [
          ...[...styles].filter((file) => !linked(file)).map((file) => ({ rel: 'stylesheet', file })),
          ...[...scripts].filter((file) => !linked(file)).map((file) => ({ rel: 'modulepreload', file })),
        ].map(({ rel, file }) => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }))
      },
    },
  }
}
