/**
 * Turns a parsed message into the only HTML a message may produce: text, line breaks and
 * http(s) links opening in a new tab. The HTML is built from escaped parts and then passed
 * through DOMPurify with a strict allow-list, so a mistake in one layer is caught by the other.
 */
import DOMPurify from 'dompurify'
import { safeHref, type ParsedMessage } from '@/engine'

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
    ALLOWED_TAGS: ['a', 'br'],
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
 */
export function messageToHtml(parsed: ParsedMessage, detailsLabel: string, cutAt = MESSAGE_CUT): MessageHtml {
  // Messages repeat: the engine hands out one parsed object per distinct message, so the
  // sanitised HTML is kept on it (and goes when the engine does; no table of our own to grow).
  const holder = parsed as ParsedMessage & { [RENDERED]?: Map<string, MessageHtml> }
  const byOptions = (holder[RENDERED] ??= new Map())
  const key = `${cutAt}\u0000${detailsLabel}`
  let result = byOptions.get(key)
  if (!result) byOptions.set(key, (result = renderMessage(parsed, detailsLabel, cutAt)))
  return result
}

const RENDERED = Symbol('tts-rendered-html')

function renderMessage(parsed: ParsedMessage, detailsLabel: string, cutAt: number): MessageHtml {
  const cut = cutAt > 0 && parsed.text.length >= cutAt
  let budget = cut ? cutAt : Infinity
  let html = ''
  for (const segment of parsed.segments) {
    if (budget <= 0) break
    const label = segment.kind === 'link' && segment.detached ? detailsLabel : segment.text
    const shown = label.length > budget ? label.slice(0, budget) : label
    budget -= shown.length
    const href = segment.kind === 'link' ? safeHref(segment.href) : null
    html += href
      ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${textHtml(shown)}</a>`
      : textHtml(shown)
  }
  if (cut) html += '…'
  return { html: purify(html), cut }
}
