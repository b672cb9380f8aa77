/**
 * Names of codes. A known code has its own text (`actions.6`); a code a newer M2E writes and this
 * app has no text for is named by its number ("Action 97", "Akcja 97"): shown as stored, never
 * dropped and never an error.
 */
/** `plural`: the number that picks the plural form (Polish has three). */
type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string
type Exists = (key: string) => boolean

/** `types.5`, `initiators.7`, `actions.97`, `tasks.11`. */
const CODE_KEY = /^(types|initiators|actions|tasks)\.(\d{1,5})$/

/**
 * A `t` that names unknown codes by number: for a key of a code's text that the language lacks,
 * the `unknownCodes.<group>` text with the code; any other key as `t` gives it.
 */
export function withCodeLabels(t: Translate, exists: Exists): Translate {
  return (key, named, plural) => {
    const code = CODE_KEY.exec(key)
    if (code && !exists(key)) return t(`unknownCodes.${code[1]}`, { code: code[2] })
    return named ? t(key, named, plural) : t(key)
  }
}
