/**
 * Interning: each distinct value is stored once and records hold its small integer index.
 * Index 0 is reserved for "none" (null), so typed-array columns can say "no value" with 0.
 */
export class Dictionary<K extends string | number> {
  private readonly indexByKey = new Map<K, number>()
  /** `keys[index]`; `keys[0]` is unused. */
  readonly keys: (K | undefined)[] = [undefined]

  get size(): number {
    return this.keys.length
  }

  intern(key: K): number {
    let index = this.indexByKey.get(key)
    if (index === undefined) {
      index = this.keys.length
      this.indexByKey.set(key, index)
      this.keys.push(key)
    }
    return index
  }

  /** The index of a key already held, or 0. */
  find(key: K): number {
    return this.indexByKey.get(key) ?? 0
  }
}

/**
 * Interns pairs of small non-negative integers, e.g. (listing product, message), in an
 * open-addressing hash table on typed arrays: no per-entry objects, no boxed keys.
 */
export class PairDictionary {
  private keysA = new Int32Array(1024).fill(-1)
  private keysB = new Int32Array(1024)
  private values = new Int32Array(1024)
  private mask = 1023
  private count = 1

  /** Entries plus the reserved 0. */
  get size(): number {
    return this.count
  }

  private static hash(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0
  }

  intern(a: number, b: number): number {
    let slot = PairDictionary.hash(a, b) & this.mask
    for (;;) {
      const keyA = this.keysA[slot]!
      if (keyA === -1) break
      if (keyA === a && this.keysB[slot] === b) return this.values[slot]!
      slot = (slot + 1) & this.mask
    }
    const index = this.count++
    this.keysA[slot] = a
    this.keysB[slot] = b
    this.values[slot] = index
    if (this.count * 2 > this.mask) this.rehash()
    return index
  }

  private rehash() {
    const { keysA, keysB, values } = this
    const capacity = (this.mask + 1) * 2
    this.keysA = new Int32Array(capacity).fill(-1)
    this.keysB = new Int32Array(capacity)
    this.values = new Int32Array(capacity)
    this.mask = capacity - 1
    for (let old = 0; old < keysA.length; old++) {
      const a = keysA[old]!
      if (a === -1) continue
      let slot = PairDictionary.hash(a, keysB[old]!) & this.mask
      while (this.keysA[slot] !== -1) slot = (slot + 1) & this.mask
      this.keysA[slot] = a
      this.keysB[slot] = keysB[old]!
      this.values[slot] = values[old]!
    }
  }
}
