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

/** 2^26: pair keys `a * PAIR + b` stay exact doubles for up to 67 million distinct values each. */
const PAIR = 67_108_864

/** Interns pairs of dictionary indices, e.g. (listing product, message). */
export class PairDictionary {
  private readonly indexByKey = new Map<number, number>()
  private count = 1

  get size(): number {
    return this.count
  }

  intern(a: number, b: number): number {
    const key = a * PAIR + b
    let index = this.indexByKey.get(key)
    if (index === undefined) {
      index = this.count++
      this.indexByKey.set(key, index)
    }
    return index
  }
}
