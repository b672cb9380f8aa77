// Prints the gzip sizes of the embed bundle and the standalone entry after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

/** The standalone entry: index.html's script and every chunk it loads for the first page. */
export function bundleSizes(dist = 'dist') {
  const assets = join(dist, 'assets')
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'))
  return {
    embedJsGzipBytes: gzip(join(dist, 'embed', 'tts-logs.js')),
    embedIifeGzipBytes: gzip(join(dist, 'embed', 'tts-logs.iife.js')),
    embedCssGzipBytes: gzip(join(dist, 'embed', 'tts-logs.css')),
    standaloneJsGzipBytes: js.reduce((sum, f) => sum + gzip(join(assets, f)), 0),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = bundleSizes()
  console.log('gzip sizes:')
  console.log(`  dist/embed/tts-logs.js       ${kb(sizes.embedJsGzipBytes)}`)
  console.log(`  dist/embed/tts-logs.iife.js  ${kb(sizes.embedIifeGzipBytes)}`)
  console.log(`  dist/embed/tts-logs.css      ${kb(sizes.embedCssGzipBytes)}`)
  console.log(`  standalone (all JS chunks)   ${kb(sizes.standaloneJsGzipBytes)}`)
}
