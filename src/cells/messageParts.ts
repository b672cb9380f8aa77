/**
 * What a message may show: text, line breaks, http(s) links opening in a new tab, and <mark>
 * around what the message filter matched. Built as Vue elements, never as HTML: a message's text
 * reaches the page only as text (Vue writes it with textContent), and a link only with the address
 * safeHref let through, so nothing a message holds is ever read as markup. (Messages come from
 * TikTok Shop and from product data: untrusted.)
 */
import { h, type FunctionalComponent, type VNodeArrayChildren } from 'vue'
import { matchRanges, safeHref, type ParsedMessage } from '@/engine'

/** Messages this long or longer are cut, with a "more" link to the whole text. */
export const MESSAGE_CUT = 200

/** A run of the message's text; `marked`: the message filter matched it. */
export interface TextRun {
  text: string
  marked: boolean
}

/** Text runs, inside a link when `href` is set (an http(s) address safeHref let through). */
export interface MessagePart {
  href: string | null
  runs: TextRun[]
}

export interface MessageParts {
  parts: MessagePart[]
  /** True when the message was cut at MESSAGE_CUT characters (the parts then end with "…"). */
  cut: boolean
}

/**
 * @param detailsLabel label of links the message had no marker for ("Details here")
 * @param cutAt cut the text at this many characters; 0 shows it all
 * @param highlight the message filter's text: its matches are marked
 */
export function messageParts(
  parsed: ParsedMessage,
  detailsLabel: string,
  cutAt = MESSAGE_CUT,
  highlight = '',
): MessageParts {
  // Messages repeat: the engine hands out one parsed object per distinct message, so the parts
  // are kept on it (and go when the engine does; no table of our own to grow). Highlighted parts
  // are kept for the latest filter text only.
  const query = highlight.trim()
  // (A call without a filter, such as the synchronization log's Detailed column, keeps them.)
  if (query && query !== highlighted.query) highlighted = { query, parts: new WeakMap() }
  const holder = parsed as ParsedMessage & { [BUILT]?: Map<string, MessageParts> }
  let byOptions: Map<string, MessageParts> | undefined
  if (query) {
    byOptions = highlighted.parts.get(parsed)
    if (!byOptions) highlighted.parts.set(parsed, (byOptions = new Map()))
  } else byOptions = holder[BUILT] ??= new Map()
  const key = `${cutAt}\u0000${detailsLabel}`
  let result = byOptions.get(key)
  if (!result) byOptions.set(key, (result = buildParts(parsed, detailsLabel, cutAt, query)))
  return result
}

const BUILT = Symbol('tts-message-parts')
let highlighted: { query: string; parts: WeakMap<ParsedMessage, Map<string, MessageParts>> } = {
  query: '',
  parts: new WeakMap(),
}

/** `text` (which starts at `offset` of the message's text) as runs, its parts in `ranges` marked. */
function markedRuns(text: string, offset: number, ranges: [number, number][]): TextRun[] {
  const runs: TextRun[] = []
  const add = (part: string, marked: boolean) => part && runs.push({ text: part, marked })
  let at = 0
  for (const [start, end] of ranges) {
    const from = Math.max(start - offset, at)
    const to = Math.min(end - offset, text.length)
    if (to <= from) continue
    add(text.slice(at, from), false)
    add(text.slice(from, to), true)
    at = to
  }
  add(text.slice(at), false)
  return runs
}

function buildParts(parsed: ParsedMessage, detailsLabel: string, cutAt: number, query: string): MessageParts {
  const cut = cutAt > 0 && parsed.text.length >= cutAt
  const ranges = query ? matchRanges(parsed.text, query) : []
  let budget = cut ? cutAt : Infinity
  /** Where the segment starts in the message's text (a detached link's label is not part of it). */
  let offset = 0
  const parts: MessagePart[] = []
  for (const segment of parsed.segments) {
    if (budget <= 0) break
    const detached = segment.kind === 'link' && segment.detached === true
    const label = detached ? detailsLabel : segment.text
    const shown = label.length > budget ? label.slice(0, budget) : label
    budget -= shown.length
    const runs = detached ? [{ text: shown, marked: false }] : markedRuns(shown, offset, ranges)
    if (!detached) offset += segment.text.length
    parts.push({ href: segment.kind === 'link' ? safeHref(segment.href) : null, runs })
  }
  if (cut) parts.push({ href: null, runs: [{ text: '…', marked: false }] })
  return { parts, cut }
}

const LINE_BREAKS = /\r\n|\r|\n/g

/** A run's text, its line breaks as <br> (`breaks`), or as spaces. */
function lines(text: string, breaks: boolean): VNodeArrayChildren {
  if (!breaks) return [text.replace(LINE_BREAKS, ' ')]
  const out: VNodeArrayChildren = []
  text.split(LINE_BREAKS).forEach((line, k) => {
    if (k > 0) out.push(h('br'))
    if (line) out.push(line)
  })
  return out
}

/**
 * The message's elements: text (as text), <br>, <mark> and links opening in a new tab.
 * `breaks: false`: its line breaks as spaces, for a message that keeps to one line (a grouped
 * row's member, cut with an ellipsis).
 */
export function messageNodes(message: MessageParts, breaks = true): VNodeArrayChildren {
  const out: VNodeArrayChildren = []
  for (const part of message.parts) {
    const runs = part.runs.flatMap((run) =>
      run.marked ? [h('mark', lines(run.text, breaks))] : lines(run.text, breaks),
    )
    if (part.href) out.push(h('a', { href: part.href, target: '_blank', rel: 'noopener noreferrer' }, runs))
    else out.push(...runs)
  }
  return out
}

/**
 * A message in place, in one element of its own (a <span>, or `tag`), as messageNodes builds it:
 * `<MessageText :message="…" />`. One element, not a fragment: no anchors in the grid's cells.
 */
export const MessageText: FunctionalComponent<{ message: MessageParts; tag?: string }> = (props) =>
  h(props.tag ?? 'span', messageNodes(props.message))
MessageText.props = ['message', 'tag']
