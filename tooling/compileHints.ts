/**
 * V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136+) on the chunks a log
 * page runs before its first rows: the entry and the app's chunks it imports at once, with
 * everything they import. V8 then compiles their functions while it streams the file in, on a
 * background thread, instead of one by one on the main thread as each is first called, which
 * was a fifth of the main thread's work before the first rows. Other engines read a comment.
 * https://v8.dev/blog/explicit-compile-hints
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

const HINT = '//# allFunctionsCalledOnLoad\n'

export function compileHints(): Plugin {
  return {
    name: 'tts-compile-hints',
    apply: 'build',
    enforce: 'post',
    // Once the files are written: Vite rewrites chunks' code up to the end of generateBundle.
    writeBundle(options, bundle) {
      // One self-contained file (the IIFE) holds the lazy parts too: compiling all of it up front
      // would cost more than it saves.
      if (options.format === 'iife') return
      const hinted = new Set<string>()
      const visit = (file: string) => {
        const output = bundle[file]
        if (output?.type !== 'chunk' || hinted.has(file)) return
        hinted.add(file)
        const path = join(options.dir!, file)
        writeFileSync(path, HINT + readFileSync(path, 'utf8'))
        output.imports.forEach(visit)
      }
      for (const output of Object.values(bundle))
        if (output.type === 'chunk' && output.isEntry) {
          visit(output.fileName)
          output.dynamicImports.forEach(visit)
        }
    },
  }
}
