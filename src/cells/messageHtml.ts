/**
 * Turns a parsed message into the only HTML a message may produce: text, line breaks, http(s)
 * links opening in a new tab, and <mark> around what the message filter matched. The HTML is
 * built from escaped parts (the marks placed by positions in the plain text, never by searching
 * HTML) and then passed through DOMPurify with a strict allow-list, so a mistake in one layer is
 * caught by the other.
 */
import DOMPurify from 'dompurify'
import { matchRanges, safeHref, type ParsedMessage } from '@/engine'

/** Messages this long or longer are cut, with a "more" link to the whole text. */
export const MESSAGE_CUT = 200

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
const textHtml = (text: string) => escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')

let purifier: ReturnType<typeof DOMPurify> | null = null
function purify(html: string): string {
  if (!purifier) {
    purifier = DOMPurify(window)
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        const href = safeHref(node.getAttribute('href'))
        if (href) node.setAttribute('href', href)
        else node.removeAttribute('href')
        node.setAttribute('target', '_blank')
        node.setAttribute('rel', 'noopener noreferrer')
      }
    })
  }
  return purifier.sanitize(html, {
    ALLOWED_TAGS: ['a', 'br', 'mark'],
    ALLOWED_ATTR: ['href', 'target', 'rel'],
    ALLOWED_URI_REGEXP: /^https?:\/\//i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  })
}

export interface MessageHtml {
  html: string
  /** True when the message was cut at MESSAGE_CUT characters. */
  cut: boolean
}

/**
 * @param detailsLabel label of links the message had no marker for ("Details here")
 * @param cutAt cut the text at this many characters; 0 shows it all
 * @param highlight the message filter's text: its matches are marked
 */
export function messageToHtml(
  parsed: ParsedMessage,
  detailsLabel: string,
  cutAt = MESSAGE_CUT,
  highlight = '',
): MessageHtml {
  // Messages repeat: the engine hands out one parsed object per distinct message, so the
  // sanitised HTML is kept on it (and goes when the engine does; no table of our own to grow).
  // Highlighted HTML is kept for the latest filter text only.
  const query = highlight.trim()
  // (A call without a filter, such as the synchronization log's Detailed column, keeps them.)
  if (query && query !== highlighted.query) highlighted = { query, html: new WeakMap() }
  const holder = parsed as ParsedMessage & { [RENDERED]?: Map<string, MessageHtml> }
  let byOptions: Map<string, MessageHtml> | undefined
  if (query) {
    byOptions = highlighted.html.get(parsed)
    if (!byOptions) highlighted.html.set(parsed, (byOptions = new Map()))
  } else byOptions = holder[RENDERED] ??= new Map()
  const key = `${cutAt}\u0000${detailsLabel}`
  let result = byOptions.get(key)
  if (!result) byOptions.set(key, (result = renderMessage(parsed, detailsLabel, cutAt, query)))
  return result
}

const RENDERED = Symbol('tts-rendered-html')
let highlighted: { query: string; html: WeakMap<ParsedMessage, Map<string, MessageHtml>> } = {
  query: '',
  html: new WeakMap(),
}

/** `text` (which starts at `offset` of the message's text) as HTML, its parts in `ranges` marked. */
function markedHtml(text: string, offset: number, ranges: [number, number][]): string {
  let html = ''
  let at = 0
  for (const [start, end] of ranges) {
    const from = Math.max(start - offset, at)
    const to = Math.min(end - offset, text.length)
    if (to <= from) continue
    html += `${textHtml(text.slice(at, from))}<mark>${textHtml(text.slice(from, to))}</mark>`
    at = to
  }
  return html + textHtml(text.slice(at))
}

function renderMessage(parsed: ParsedMessage, detailsLabel: string, cutAt: number, query: string): MessageHtml {
  const cut = cutAt > 0 && parsed.text.length >= cutAt
  const ranges = query ? matchRanges(parsed.text, query) : []
  let budget = cut ? cutAt : Infinity
  /** Where the segment starts in the message's text (a detached link's label is not part of it). */
  let offset = 0
  let html = ''
  for (const segment of parsed.segments) {
    if (budget <= 0) break
    const detached = segment.kind === 'link' && segment.detached === true
    const label = detached ? detailsLabel : segment.text
    const shown = label.length > budget ? label.slice(0, budget) : label
    budget -= shown.length
    const inner = detached ? textHtml(shown) : markedHtml(shown, offset, ranges)
    if (!detached) offset += segment.text.length
    const href = segment.kind === 'link' ? safeHref(segment.href) : null
    html += href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${inner}</a>` : inner
  }
  if (cut) html += '…'
  return { html: purify(html), cut }
}
