/**
 * A log's distinct messages, parsed and folded once each (on first use), and the search's mask
 * of the messages that contain a needle (narrowed, not rebuilt, as the merchant types on).
 */
import { Dictionary } from './dictionary'
import { parseDescription, type ParsedMessage } from './message'
import { foldText } from './text'

export class MessageTexts {
  private readonly parsedOf: (ParsedMessage | undefined)[] = []
  private readonly foldedOf: string[] = []
  private maskCache: { needle: string; size: number; mask: Uint8Array } | null = null

  constructor(private readonly texts: Dictionary<string>) {}

  /** A message parsed (its segments, links, text). */
  parsed(message: number): ParsedMessage {
    let parsed = this.parsedOf[message]
    if (!parsed) {
      parsed = parseDescription(this.texts.keys[message]!)
      this.parsedOf[message] = parsed
    }
    return parsed
  }

  /** A message's text folded for search and sort. */
  folded(message: number): string {
    let folded = this.foldedOf[message]
    if (folded === undefined) {
      folded = foldText(this.parsed(message).text)
      this.foldedOf[message] = folded
    }
    return folded
  }

  /** 1 for each message containing `needle` (folded). */
  mask(needle: string): Uint8Array {
    const size = this.texts.size
    const cache = this.maskCache
    if (cache && cache.needle === needle && cache.size === size) return cache.mask
    const mask = new Uint8Array(size)
    // Typing one more letter: only what matched before can match now.
    const narrowing = cache !== null && cache.size === size && needle.includes(cache.needle)
    for (let d = 1; d < size; d++) {
      if (narrowing && cache.mask[d] === 0) continue
      if (this.folded(d).includes(needle)) mask[d] = 1
    }
    this.maskCache = { needle, size, mask }
    return mask
  }

  /** Forgets the search's mask (rebuilt on demand): for benchmarks. */
  dropMask(): void {
    this.maskCache = null
  }
}

/** A few texts with capitals and diacritics, for warmMask. */
const SAMPLE_TEXTS = ['Product was Listed.', 'Item was not Revised: Ążę quantity.', 'Price changed.']

/** Runs the search's mask over a few texts of its own, keeping nothing (LogEngine.warmSearch). */
export function warmMask(): void {
  const sample = new Dictionary<string>()
  for (const text of SAMPLE_TEXTS) sample.intern(text)
  new MessageTexts(sample).mask('e')
}
