import type { AcceptedPlugin, AtRule, Rule } from 'postcss'

/** The app's root class: every rule the app ships lives under it or under .tts-el-*. */
export const APP_ROOT_CLASS = 'tts-logs'
const OWN = /^\.tts-/

/** Files that belong to the standalone preview's page, not to the app (never in the embed). */
const PAGE_FILES = /standalone\.css$/

function insideKeyframes(rule: Rule) {
  const parent = rule.parent
  return parent?.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name)
}

/**
 * Makes the app's CSS a good guest in someone else's page:
 * - `:root` (where Element Plus declares its variables) becomes the app's root class;
 * - any rule not already on a `.tts-*` class is put under `.tts-logs` (Element Plus's shared
 *   transition classes such as `.fade-in-linear-enter-active`, `.v-modal`);
 * - keyframes get a `tts-` prefix, with the animations that use them, so a host's
 *   `@keyframes rotating` and ours do not override each other.
 */
export function scopeRootVariables(): AcceptedPlugin {
  return {
    postcssPlugin: 'tts-scope-css',
    Once(root) {
      if (PAGE_FILES.test(root.source?.input.file ?? '')) return
      const renamed = new Map<string, string>()
      root.walkAtRules(/keyframes$/i, (atRule) => {
        if (atRule.params.startsWith('tts-')) return
        const name = `tts-${atRule.params}`
        renamed.set(atRule.params, name)
        atRule.params = name
      })
      root.walkDecls(/^(-webkit-)?animation(-name)?$/, (decl) => {
        decl.value = decl.value
          .split(/(\s+|,)/)
          .map((part) => renamed.get(part) ?? part)
          .join('')
      })
      root.walkRules((rule) => {
        if (insideKeyframes(rule)) return
        rule.selectors = rule.selectors.map((selector) => {
          const scoped = selector.replace(/:root/g, `.${APP_ROOT_CLASS}`)
          if (OWN.test(scoped.trim())) return scoped
          return `.${APP_ROOT_CLASS} ${scoped.trim()}`
        })
      })
    },
  }
}
