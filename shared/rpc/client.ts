/**
 * The renderer's side of the contract: a typed ZkApi whose calls travel as
 * request messages, with per-call timeouts, cancellation through AbortSignal,
 * and typed event subscriptions.
 */
import type { ParamsOf, ResultOf, ZkApi, ZkEventName, ZkEvents, ZkMethod } from '../protocol/api'
import { ZkError, isErrorCode } from '../protocol/errors'
import { asWireMessage } from '../protocol/wire'
import { Emitter } from '../util/emitter'
import { DisposableStore, type Disposable } from '../util/disposable'
import type { Transport } from './transport'

export interface CallOptions {
  signal?: AbortSignal
  /** Milliseconds before the call fails with TIMEOUT; 0 for none. */
  timeoutMs?: number
}

interface Pending {
  resolve(value: unknown): void
  reject(error: ZkError): void
  cleanup(): void
}

export interface RpcClient extends Disposable {
  call<M extends ZkMethod>(method: M, params: ParamsOf<M>, options?: CallOptions): Promise<ResultOf<M>>
  /** The contract as plain methods: `client.api.getChildren({ … })`. */
  readonly api: ZkApi
  on<E extends ZkEventName>(event: E, listener: (payload: ZkEvents[E]) => void): Disposable
  /** Fires when the transport closes; every pending call has failed by then. */
  onClose(listener: () => void): Disposable
}

const DEFAULT_TIMEOUT_MS = 60_000

export function createClient(transport: Transport, defaults: CallOptions = {}): RpcClient {
  const store = new DisposableStore()
  const pending = new Map<number, Pending>()
  const events = new Emitter<ZkEvents>()
  const closeListeners = new Set<() => void>()
  let nextId = 1
  let closed = false

  store.add(
    transport.onMessage((raw) => {
      const message = asWireMessage(raw)
      if (!message) return
      if (message.t === 'res') {
        const entry = pending.get(message.id)
        if (!entry) return
        pending.delete(message.id)
        entry.cleanup()
        if (message.ok) entry.resolve(message.result)
        else {
          const info = message.error
          const code = info && isErrorCode(info.code) ? info.code : 'INTERNAL'
          entry.reject(new ZkError(code, info?.message ?? 'request failed', info?.path))
        }
      } else if (message.t === 'evt') {
        events.emit(message.event as ZkEventName, message.payload as ZkEvents[ZkEventName])
      }
    }),
  )

  const failAll = (error: ZkError) => {
    for (const entry of pending.values()) {
      entry.cleanup()
      entry.reject(error)
    }
    pending.clear()
  }

  store.add(
    transport.onClose(() => {
      closed = true
      failAll(new ZkError('CONNECTION_LOSS', 'the connection to the console backend closed'))
      for (const listener of closeListeners) listener()
    }),
  )

  const call = <M extends ZkMethod>(method: M, params: ParamsOf<M>, options: CallOptions = {}) =>
    new Promise<ResultOf<M>>((resolve, reject) => {
      if (closed) {
        reject(new ZkError('CONNECTION_LOSS', 'the connection to the console backend is closed'))
        return
      }
      const signal = options.signal ?? defaults.signal
      if (signal?.aborted) {
        reject(new ZkError('CANCELLED', 'cancelled'))
        return
      }
      const id = nextId++
      const timeoutMs = options.timeoutMs ?? defaults.timeoutMs ?? DEFAULT_TIMEOUT_MS
      let timer: unknown
      const onAbort = () => {
        if (!pending.has(id)) return
        pending.delete(id)
        cleanup()
        transport.send({ t: 'cancel', id })
        reject(new ZkError('CANCELLED', 'cancelled'))
      }
      const cleanup = () => {
        if (timer !== undefined) clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
      }
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          if (!pending.has(id)) return
          pending.delete(id)
          cleanup()
          transport.send({ t: 'cancel', id })
          reject(new ZkError('TIMEOUT', `${method} took longer than ${timeoutMs} ms`))
        }, timeoutMs)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, cleanup })
      transport.send({ t: 'req', id, method, params })
    })

  const api = new Proxy({} as ZkApi, {
    get: (_target, property) => {
      // Not a method named "then": an api returned from an async function would be taken for a promise.
      if (typeof property !== 'string' || property === 'then') return undefined
      return (params: unknown) => call(property as ZkMethod, params as never)
    },
  })

  return {
    call,
    api,
    on: (event, listener) => events.on(event, listener),
    onClose: (listener) => {
      closeListeners.add(listener)
      return { dispose: () => closeListeners.delete(listener) }
    },
    dispose: () => {
      failAll(new ZkError('CANCELLED', 'client disposed'))
      store.dispose()
    },
  }
}
