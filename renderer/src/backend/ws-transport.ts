/**
 * The web-mode transport over one WebSocket. Messages sent before the socket
 * opens are queued. There is no reconnect: when the socket closes, the client
 * fails pending calls and the app shows a "backend connection lost" banner.
 */
import type { Transport } from '../../../shared/rpc/transport'
import type { WireMessage } from '../../../shared/protocol/wire'
import { toDisposable } from '../../../shared/util/disposable'

export function createWsTransport(url: string): Transport {
  const messageListeners = new Set<(message: unknown) => void>()
  const closeListeners = new Set<() => void>()
  const queue: string[] = []
  let closed = false
  const socket = new WebSocket(url)

  socket.addEventListener('open', () => {
    for (const text of queue.splice(0)) socket.send(text)
  })
  socket.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data !== 'string') return
    let message: unknown
    try {
      message = JSON.parse(event.data)
    } catch {
      console.error('dropped a message that is not JSON')
      return
    }
    for (const listener of messageListeners) listener(message)
  })
  const close = () => {
    if (closed) return
    closed = true
    for (const listener of closeListeners) listener()
  }
  socket.addEventListener('close', close)
  socket.addEventListener('error', close)

  return {
    send: (message: WireMessage) => {
      if (closed) return
      const text = JSON.stringify(message)
      if (socket.readyState === WebSocket.OPEN) socket.send(text)
      else queue.push(text)
    },
    onMessage: (listener) => {
      messageListeners.add(listener)
      return toDisposable(() => messageListeners.delete(listener))
    },
    onClose: (listener) => {
      closeListeners.add(listener)
      return toDisposable(() => closeListeners.delete(listener))
    },
  }
}

/** A transport that is closed from the start, for when there is no token to connect with. */
export function createClosedTransport(): Transport {
  return {
    send: () => undefined,
    onMessage: () => toDisposable(() => undefined),
    onClose: (listener) => {
      queueMicrotask(listener)
      return toDisposable(() => undefined)
    },
  }
}
