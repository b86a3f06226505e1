/**
 * One promise per key, made on first use and shared by every later caller; a promise that
 * rejects is forgotten, so the next call tries again (a failed load is not cached).
 */
export class PromiseCache<K, V> {
  private readonly pending = new Map<K, Promise<V>>()

  /** The promise for `key`, made by `make` when there is none (or the last one failed). */
  get(key: K, make: () => Promise<V>): Promise<V> {
    let p = this.pending.get(key)
    if (!p) {
      p = make()
      const made = p
      made.catch(() => {
        if (this.pending.get(key) === made) this.pending.delete(key)
      })
      this.pending.set(key, made)
    }
    return p
  }

  /** True when a promise for `key` is kept. */
  has(key: K): boolean {
    return this.pending.has(key)
  }

  /** Forgets every promise (their callers keep theirs). */
  clear(): void {
    this.pending.clear()
  }
}
