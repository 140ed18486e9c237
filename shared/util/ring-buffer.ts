/**
 * A fixed-capacity FIFO that overwrites its oldest entry when full. Used for
 * bounded histories (alerts, events, samples) that must never grow with uptime.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[]
  private start = 0
  private count = 0

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`bad ring capacity ${capacity}`)
    this.items = new Array<T | undefined>(capacity)
  }

  get capacity(): number {
    return this.items.length
  }

  get size(): number {
    return this.count
  }

  /** Appends; returns the entry that fell out when the buffer was full. */
  push(item: T): T | undefined {
    const cap = this.items.length
    if (this.count < cap) {
      this.items[(this.start + this.count) % cap] = item
      this.count += 1
      return undefined
    }
    const evicted = this.items[this.start]
    this.items[this.start] = item
    this.start = (this.start + 1) % cap
    return evicted
  }

  /** The i-th entry, oldest first (0 = oldest). */
  at(index: number): T | undefined {
    if (index < 0) index += this.count
    if (index < 0 || index >= this.count) return undefined
    return this.items[(this.start + index) % this.items.length]
  }

  last(): T | undefined {
    return this.at(this.count - 1)
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = []
    for (let i = 0; i < this.count; i += 1) out.push(this.items[(this.start + i) % this.items.length] as T)
    return out
  }

  /** Entries for which `keep` is true, oldest first, without copying the whole buffer first. */
  filter(keep: (item: T) => boolean): T[] {
    const out: T[] = []
    for (let i = 0; i < this.count; i += 1) {
      const item = this.items[(this.start + i) % this.items.length] as T
      if (keep(item)) out.push(item)
    }
    return out
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.items.length)
    this.start = 0
    this.count = 0
  }

  /** Changes the capacity, keeping the newest entries that still fit. */
  resize(capacity: number): void {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`bad ring capacity ${capacity}`)
    const kept = this.toArray().slice(-capacity)
    this.items = new Array<T | undefined>(capacity)
    this.start = 0
    this.count = 0
    for (const item of kept) this.push(item)
  }
}
