import { toDisposable } from '../util/disposable'
import type { WireMessage } from '../protocol/wire'
import type { Transport } from './transport'

type Listener<T> = (value: T) => void

class MemoryEnd implements Transport {
  readonly messageListeners = new Set<Listener<unknown>>()
  readonly closeListeners = new Set<() => void>()
  other: MemoryEnd | null = null
  closed = false

  send(message: WireMessage): void {
    const target = this.other
    if (this.closed || !target || target.closed) return
    // Round-trip through JSON, as the WebSocket transport does, and deliver
    // asynchronously, so tests see the same ordering and data as real transports.
    const copy: unknown = JSON.parse(JSON.stringify(message))
    queueMicrotask(() => {
      for (const listener of target.messageListeners) listener(copy)
    })
  }

  onMessage(listener: Listener<unknown>) {
    this.messageListeners.add(listener)
    return toDisposable(() => this.messageListeners.delete(listener))
  }

  onClose(listener: () => void) {
    this.closeListeners.add(listener)
    return toDisposable(() => this.closeListeners.delete(listener))
  }

  close(): void {
    for (const end of [this, this.other]) {
      if (!end || end.closed) continue
      end.closed = true
      for (const listener of end.closeListeners) listener()
    }
  }
}


/** A connected pair of in-memory transports, for tests and in-process hosts. */
export function createMemoryTransportPair(): { a: Transport; b: Transport; close(): void } {
  const a = new MemoryEnd()
  const b = new MemoryEnd()
  a.other = b
  b.other = a
  return { a, b, close: () => a.close() }
}
