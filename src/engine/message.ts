/**
 * Parses a stored description into text and link segments, the way M2E builds messages: plain
 * text, or JSON `{"string", "params", "links"}` whose `%key%` placeholders take the params and
 * whose `!x_start!...!x_end!` markers become links (links without markers are appended after
 * "Details:"). Only http(s) links become links; everything else stays text. Nothing here is HTML.
 */

export type MessageSegment =
  | { kind: 'text'; text: string }
  /** `detached`: a link the string had no marker for; its text is empty, the UI labels it ("Details here"). */
  | { kind: 'link'; text: string; href: string; detached?: boolean }

export interface ParsedMessage {
  segments: MessageSegment[]
  /** The message as plain text, as a reader sees it (for search, sort, export and cutting). */
  text: string
}

const MARKER_START = /!(\w{0,32})_start!/

/** Only absolute http(s) URLs survive as links. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

interface EncodedDescription {
  string: string
  params: Record<string, unknown>
  links: unknown[]
}

function decode(description: string): EncodedDescription | null {
  if (description.charCodeAt(0) !== 123 /* { */) return null
  let value: unknown
  try {
    value = JSON.parse(description)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const { string, params, links } = value as Record<string, unknown>
  if (typeof string !== 'string') return null
  return {
    string,
    params:
      typeof params === 'object' && params !== null && !Array.isArray(params)
        ? (params as Record<string, unknown>)
        : {},
    links: Array.isArray(links) ? links : [],
  }
}

function paramText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null || value === undefined) return ''
  try {
    return JSON.stringify(value)
  } catch {
    return ''
  }
}

function substitute(string: string, params: Record<string, unknown>): string {
  return string.replace(/%(\w{1,64})%/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? paramText(params[key]) : whole,
  )
}

export function parseDescription(description: string): ParsedMessage {
  const encoded = decode(description)
  if (!encoded) return { segments: [{ kind: 'text', text: description }], text: description }
  let rest = substitute(encoded.string, encoded.params)
  const segments: MessageSegment[] = []
  const unplaced: string[] = []
  for (const link of encoded.links) {
    const href = safeHref(link)
    const start = MARKER_START.exec(rest)
    if (!start) {
      if (href) unplaced.push(href)
      continue
    }
    const endMarker = `!${start[1]}_end!`
    const endAt = rest.indexOf(endMarker, start.index + start[0].length)
    if (endAt < 0) {
      if (href) unplaced.push(href)
      continue
    }
    const before = rest.slice(0, start.index)
    const label = rest.slice(start.index + start[0].length, endAt)
    if (before) segments.push({ kind: 'text', text: before })
    segments.push(href ? { kind: 'link', text: label, href } : { kind: 'text', text: label })
    rest = rest.slice(endAt + endMarker.length)
  }
  // Markers left without a link show their label as text.
  rest = rest.replace(/!\w{0,32}_(start|end)!/g, '')
  if (rest) segments.push({ kind: 'text', text: rest })
  // The message's own words make its text (what the filter searches and the CSV writes); the
  // label of a link it had no marker for is the UI's ("Details here"), in the UI's language.
  const text = segments.map((s) => s.text).join('')
  for (const href of unplaced) {
    segments.push({ kind: 'text', text: segments.length ? ' ' : '' })
    segments.push({ kind: 'link', text: '', href, detached: true })
  }
  const merged = segments.filter((s) => s.kind === 'link' || s.text !== '')
  return { segments: merged, text }
}
