/**
 * The desktop transport: the preload exposes exactly `{ send, onMessage }` on
 * one channel. The window and its channel die together, so there is no close.
 */
import type { Transport } from '../../../shared/rpc/transport'
import type { WireMessage } from '../../../shared/protocol/wire'
import { toDisposable } from '../../../shared/util/disposable'

export interface ZkBridge {
  send(message: WireMessage): void
  onMessage(listener: (message: unknown) => void): () => void
}

declare global {
  interface Window {
    zkBridge?: ZkBridge
  }
}

export function createIpcTransport(bridge: ZkBridge): Transport {
  return {
    send: (message) => bridge.send(message),
    onMessage: (listener) => toDisposable(bridge.onMessage(listener)),
    onClose: () => toDisposable(() => undefined),
  }
}
