const digit = (text: string, at: number) => text.charCodeAt(at) - 48

/**
 * Parses the API's `YYYY-MM-DDTHH:MM:SS(.sss)Z` quickly; anything else goes to Date.parse.
 */
export function parseIsoUtc(text: string): number {
  const length = text.length
  if ((length === 24 || length === 20) && text.charCodeAt(10) === 84 && text.charCodeAt(length - 1) === 90) {
    const ms = length === 24 ? digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22) : 0
    const value = Date.UTC(
      digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3),
      digit(text, 5) * 10 + digit(text, 6) - 1,
      digit(text, 8) * 10 + digit(text, 9),
      digit(text, 11) * 10 + digit(text, 12),
      digit(text, 14) * 10 + digit(text, 15),
      digit(text, 17) * 10 + digit(text, 18),
      ms,
    )
    if (!Number.isNaN(value)) return value
  }
  return Date.parse(text)
}
