/**
 * Sorting rows by a text: each table entry (message, listing, product) gets a rank by its folded
 * text once, then a counting sort orders the rows by rank, linear and stable.
 */

/** Rank of each entry by its text (index 0, "none", is ''); equal texts share a rank. */
export function rankTexts(size: number, textOf: (entry: number) => string): Uint32Array {
  const texts: string[] = new Array<string>(size)
  texts[0] = ''
  for (let d = 1; d < size; d++) texts[d] = textOf(d)
  const order = Array.from({ length: size }, (_, d) => d).sort((a, b) =>
    texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0,
  )
  const rank = new Uint32Array(size)
  let current = 0
  for (let k = 0; k < size; k++) {
    if (k > 0 && texts[order[k]!] !== texts[order[k - 1]!]) current = k
    rank[order[k]!] = current
  }
  return rank
}

/**
 * Display order of rows `0..shown` (row numbers) by the rank of the entry each row's record
 * points at in `column`. Ties keep the order they were built in (newest first).
 */
export function sortByRank(
  rows: Uint32Array,
  shown: number,
  column: Uint32Array,
  rank: Uint32Array,
  direction: 'asc' | 'desc',
): Uint32Array {
  const buckets = new Uint32Array(rank.length + 1)
  const keyOf = new Uint32Array(shown)
  const top = rank.length - 1
  for (let r = 0; r < shown; r++) {
    const value = rank[column[rows[r]!]!]!
    const key = direction === 'asc' ? value : top - value
    keyOf[r] = key
    buckets[key + 1]!++
  }
  for (let b = 1; b < buckets.length; b++) buckets[b]! += buckets[b - 1]!
  const order = new Uint32Array(shown)
  for (let r = 0; r < shown; r++) order[buckets[keyOf[r]!]!++] = r
  return order
}
