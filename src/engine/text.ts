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
