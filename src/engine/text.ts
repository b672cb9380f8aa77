/**
 * Characters a merchant types plainly but stored text may hold in another form: the dash family
 * (product titles use an en dash: "Bulb – Olive"), curly and prime quotes, guillemets (Polish
 * quotes with „…” and «…» alike, so both fold to '"'), no-break spaces (a merchant types a plain
 * space), and letters with a stroke, which have no Unicode decomposition. Each maps to its ASCII form.
 */
const ASCII_FORM: Readonly<Record<string, string>> = {
  '\u00a0': ' ', // no-break space
  '\u202f': ' ', // narrow no-break space
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus sign
  '\ufe58': '-', // small em dash
  '\ufe63': '-', // small hyphen-minus
  '\uff0d': '-', // fullwidth hyphen-minus
  '\u2018': "'", // left single quotation mark
  '\u2019': "'", // right single quotation mark
  '\u201a': "'", // single low-9 quotation mark
  '\u201b': "'", // single high-reversed-9 quotation mark
  '\u2032': "'", // prime
  '\uff07': "'", // fullwidth apostrophe
  '\u201c': '"', // left double quotation mark
  '\u201d': '"', // right double quotation mark
  '\u201e': '"', // double low-9 quotation mark
  '\u201f': '"', // double high-reversed-9 quotation mark
  '\u2033': '"', // double prime
  '\uff02': '"', // fullwidth quotation mark
  '\u00ab': '"', // left-pointing double angle quotation mark
  '\u00bb': '"', // right-pointing double angle quotation mark
  // Letters with no Unicode decomposition, typed without their stroke.
  ł: 'l',
  ø: 'o',
  đ: 'd',
}
const TO_ASCII_FORM = new RegExp(`[${Object.keys(ASCII_FORM).join('')}]`, 'g')

/**
 * Folds text for matching: lower case, no diacritics, typographic dashes, quotes and spaces as
 * their ASCII forms. "blad" finds "Błąd", "zamowienie" finds "zamówienie" and "bulb - olive"
 * finds "Bulb – Olive".
 */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII fast path: most messages are plain ASCII
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase()
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(TO_ASCII_FORM, (c) => ASCII_FORM[c]!)
}

/**
 * Where `query` occurs in `text` under the message filter's rules (foldText: case, diacritics,
 * dashes, quotes and spaces; numbers are matched as they are): [start, end) ranges of `text`,
 * ascending, overlapping and touching matches merged ("aa" in "aaaa" is one range). A combining
 * mark stays with the letter it belongs to.
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const needle = foldText(query.trim())
  if (!needle || !text) return []
  let folded: string
  /** Per folded UTF-16 unit: where its character starts and ends in `text`. */
  let starts: Uint32Array | null = null
  let ends: Uint32Array | null = null
  // eslint-disable-next-line no-control-regex -- ASCII: folding is lower-casing, one unit each
  if (/^[\x00-\x7f]*$/.test(text)) folded = text.toLowerCase()
  else {
    const parts: string[] = []
    const startList: number[] = []
    const endList: number[] = []
    for (let i = 0; i < text.length;) {
      const point = text.codePointAt(i)!
      const width = point > 0xffff ? 2 : 1
      const part = foldText(text.slice(i, i + width))
      if (part === '' && endList.length) endList[endList.length - 1] = i + width
      for (let k = 0; k < part.length; k++) {
        startList.push(i)
        endList.push(i + width)
      }
      parts.push(part)
      i += width
    }
    folded = parts.join('')
    starts = Uint32Array.from(startList)
    ends = Uint32Array.from(endList)
  }
  const ranges: [number, number][] = []
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    const start = starts ? starts[at]! : at
    const end = ends ? ends[at + needle.length - 1]! : at + needle.length
    const previous = ranges[ranges.length - 1]
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end)
    else ranges.push([start, end])
  }
  return ranges
}
