/**
 * Folds text for matching: lower case, no diacritics, so "blad" finds "Błąd" and "zamowienie"
 * finds "zamówienie". `ł` has no Unicode decomposition, so it is mapped by hand.
 */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII fast path: most messages are plain ASCII
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase()
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
}
