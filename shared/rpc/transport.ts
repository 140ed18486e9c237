import type { Disposable } from '../util/disposable'
import type { WireMessage } from '../protocol/wire'

/**
 * One end of a message channel. IPC and WebSocket each implement this in a
 * few lines; the RPC layer above does not know which one it runs on.
 * Messages are plain JSON-safe objects.
 */
export interface Transport {
  send(message: WireMessage): void
  onMessage(listener: (message: unknown) => void): Disposable
  onClose(listener: () => void): Disposable
}
