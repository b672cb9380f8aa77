import { resolveValue } from '@intlify/core-base'
import { useI18n } from 'petite-vue-i18n'
import { DEFAULT_LOCALE } from '@/locales'
import { withCodeLabels } from '@/locales/codeLabel'

/**
 * What a text is, once petite-vue-i18n has given it in a language: its pieces around its
 * parameters (`ID: {id}` is `["ID: ", ""]` around `id`). A text without parameters is one piece.
 */
interface GivenText {
  pieces: string[]
  /** The parameter between each two pieces. */
  names: string[]
}

/**
 * Texts already given, per language, keyed by that language's messages: a language's messages are
 * set whole (setAppLocale), never edited, so new messages start afresh. The grid names a type, an
 * action and a run mode and writes "ID: …" and "Details of the record of …" in every row it draws:
 * petite-vue-i18n made a message context and evaluated the message for each call, about 5 ms of a
 * keystroke's 45 at 100,000 records.
 */
const given = new WeakMap<object, Map<string, GivenText | null>>()

/** Stands for a parameter while a text is given once: no message holds it. */
const MARK = '\u0000'
const MARKED = new RegExp(`${MARK}(\\d+)${MARK}`)

type Named = Record<string, unknown>

/** A number named `count` or `n`: vue-i18n picks a plural form by it. */
const choosesPlural = (named: Named | undefined) => typeof named?.count === 'number' || typeof named?.n === 'number'

/** The parameters, when each one is text or a number (what a message shows as it is). */
const plainNames = (named: Named) => {
  const names = Object.keys(named).sort()
  return names.every((name) => typeof named[name] === 'string' || typeof named[name] === 'number') ? names : null
}

/**
 * A text's pieces, from the library's own output with a mark for each parameter. Null where the
 * library must see the values: a message with plural forms, or one whose marks did not come out
 * whole (a modifier on a parameter, say).
 */
function pieces(text: string, names: string[]): GivenText | null {
  const parts = text.split(MARKED)
  if (parts.length !== names.length * 2 + 1) return null
  const out: GivenText = { pieces: [], names: [] }
  parts.forEach((part, i) => (i % 2 ? out.names.push(names[Number(part)]!) : out.pieces.push(part)))
  return out.pieces.some((piece) => piece.includes(MARK)) ? null : out
}

/** A text given again with other values: its pieces around them. */
function fill(text: GivenText, named: Named | undefined): string {
  let out = text.pieces[0]!
  for (let i = 0; i < text.names.length; i++) out += String(named![text.names[i]!]) + text.pieces[i + 1]!
  return out
}

/**
 * `t` for components: names the codes it has no text for by number ("Action 97"), and gives each
 * text once per language (with values: its pieces around them), which the rows, the filter bar
 * and the chips ask for on every render.
 */
export function useCodeLabels() {
  const { t, locale, getLocaleMessage } = useI18n()
  // petite-vue-i18n has no `te`: a code's key exists when the language's messages hold something
  // at its path (a code's key is always a leaf: `actions.97`).
  const has = (key: string, language: string) => resolveValue(getLocaleMessage(language), key) != null
  const label = withCodeLabels(
    (key, named, plural) => (named ? (plural === undefined ? t(key, named) : t(key, named, plural)) : t(key)),
    (key) => has(key, locale.value) || has(key, DEFAULT_LOCALE),
  )
  return (key: string, named?: Named, plural?: number): string => {
    const names = named ? plainNames(named) : []
    // A plural form is the library's to choose, every time: from `plural`, or from a number named
    // `count` or `n` (vue-i18n's getPluralIndex). Otherwise its choice does not depend on the values.
    if (plural !== undefined || names === null || choosesPlural(named)) return label(key, named, plural)
    // Read reactively, as `t` reads them: a render that names something renders again in another language.
    const messages = getLocaleMessage(locale.value)
    let texts = given.get(messages)
    if (!texts) given.set(messages, (texts = new Map()))
    const id = names.length ? `${key}${MARK}${names.join(',')}` : key
    let text = texts.get(id)
    if (text === undefined) {
      const marks = Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`]))
      text = pieces(label(key, names.length ? marks : undefined), names)
      texts.set(id, text)
    }
    return text ? fill(text, named) : label(key, named, plural)
  }
}
