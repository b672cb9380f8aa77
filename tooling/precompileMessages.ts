/**
 * Vue I18n's messages compiled at build time: each message string of src/locales/en_US.ts and
 * pl_PL.ts becomes the AST vue-i18n would compile it to at run time (with @intlify/message-
 * compiler, vue-i18n's own compiler), so the bundle carries no message compiler and the first
 * render compiles nothing. Only `vite build`: the dev server, Vitest and the tests that read the
 * message trees see the plain strings.
 */
import { runInNewContext } from 'node:vm'
import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'

const LOCALE_MODULE = /[\\/]src[\\/]locales[\\/](en_US|pl_PL)\.ts$/

type Tree = { [key: string]: string | Tree }

/** A locale's messages as the build ships them: each message its AST (tests run the app on these too). */
export const compileMessages = (tree: Tree) => compileTree(tree, '')

function compileTree(tree: Tree, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(tree)) {
    const where = path ? `${path}.${key}` : key
    if (typeof value === 'string') {
      const errors: string[] = []
      const { ast } = baseCompile(value, {
        jit: true,
        location: false,
        minify: true,
        onError: (error) => errors.push(error.message),
      })
      if (errors.length) throw new Error(`message ${where}: ${errors.join('; ')}`)
      out[key] = ast
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = compileTree(value, where)
    } else {
      throw new Error(`message ${where}: expected a string or a group of messages`)
    }
  }
  return out
}

export function precompileMessages(): Plugin {
  return {
    name: 'tts-precompile-messages',
    apply: 'build',
    // After TypeScript is stripped: the module is plain JavaScript by then.
    enforce: 'post',
    config: () => ({ define: { __INTLIFY_DROP_MESSAGE_COMPILER__: 'true' } }),
    transform(code, id) {
      if (!LOCALE_MODULE.test(id)) return null
      // The module is one object literal and its default export (no imports left once its
      // types are stripped): evaluated here, at build time, in an empty context.
      if (/\bimport\b/.test(code)) throw new Error(`${id}: a locale module may not import anything at run time`)
      const sandbox: { __messages?: Tree } = {}
      runInNewContext(code.replace(/\bexport\s+default\b/, '__messages ='), sandbox, { timeout: 1000 })
      if (!sandbox.__messages) throw new Error(`${id}: no default export`)
      return { code: `export default ${JSON.stringify(compileTree(sandbox.__messages, ''))}\n`, map: null }
    },
  }
}
