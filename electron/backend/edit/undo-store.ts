/**
 * The bytes each node had before the console's last data edit on it, per
 * connection and path, in memory only. Bounded: the oldest entries go first
 * once there are too many or they hold too many bytes.
 */

export interface UndoEntry {
  /** The bytes before the edit. */
  previous: Buffer
  /** The node's version right after the edit: the undo is refused if it moved. */
  versionAfter: number
  editedAt: number
}

export interface UndoLimits {
  maxEntries: number
  maxBytes: number
}

const DEFAULT_LIMITS: UndoLimits = { maxEntries: 1000, maxBytes: 64 * 1024 * 1024 }

export class UndoStore {
  // A Map iterates in insertion order: re-inserting on every edit keeps the oldest first.
  private readonly entries = new Map<string, UndoEntry>()
  private bytes = 0

  constructor(private readonly limits: UndoLimits = DEFAULT_LIMITS) {}

  remember(connectionId: string, path: string, entry: UndoEntry): void {
    const key = keyOf(connectionId, path)
    this.forgetKey(key)
    if (entry.previous.length > this.limits.maxBytes) return
    this.entries.set(key, entry)
    this.bytes += entry.previous.length
    for (const [oldest, value] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= value.previous.length
    }
  }

  get(connectionId: string, path: string): UndoEntry | undefined {
    return this.entries.get(keyOf(connectionId, path))
  }

  forget(connectionId: string, path: string): void {
    this.forgetKey(keyOf(connectionId, path))
  }

  get size(): number {
    return this.entries.size
  }

  private forgetKey(key: string): void {
    const old = this.entries.get(key)
    if (!old) return
    this.entries.delete(key)
    this.bytes -= old.previous.length
  }
}

function keyOf(connectionId: string, path: string): string {
  return `${connectionId}\u0000${path}`
}
