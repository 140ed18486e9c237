/**
 * Serves a ZkApi implementation over one transport (one window or one socket).
 * Every request is validated against its schema before dispatch; every
 * failure becomes an ErrorInfo with a code. Whatever a call registers on the
 * peer (subscriptions, watches) is disposed when the transport closes.
 */
import { paramSchemas, describeIssues } from '../protocol/schemas'
import type { ParamsOf, ResultOf, ZkEventName, ZkEvents, ZkMethod } from '../protocol/api'
import { ZkError, type ErrorInfo } from '../protocol/errors'
import { asWireMessage, type RequestMessage } from '../protocol/wire'
import { DisposableStore, type Disposable } from '../util/disposable'
import type { Transport } from './transport'

/** The connection a call came from: it can push events to it and own resources. */
export interface Peer {
  readonly id: string
  emit<E extends ZkEventName>(event: E, payload: ZkEvents[E]): void
  /** Ties a resource's life to this peer's connection. */
  own<T extends Disposable>(resource: T): T
  readonly closed: boolean
}

export interface CallContext {
  peer: Peer
  /** Aborted when the client cancels the call or the connection closes. */
  signal: AbortSignal
}

export type ApiHandlers = {
  [M in ZkMethod]: (params: ParamsOf<M>, ctx: CallContext) => Promise<ResultOf<M>>
}

/** Lets the backend broadcast events to every connected peer. */
export interface EventSource {
  onEvent(listener: <E extends ZkEventName>(event: E, payload: ZkEvents[E]) => void): Disposable
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ZkError) return error.toInfo()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message }
}

let peerCounter = 0

export function serve(
  handlers: ApiHandlers,
  transport: Transport,
  events?: EventSource,
): Disposable {
  const store = new DisposableStore()
  const inflight = new Map<number, AbortController>()
  peerCounter += 1
  const peer: Peer = {
    id: `peer-${peerCounter}`,
    emit: (event, payload) => {
      if (!store.isDisposed) transport.send({ t: 'evt', event, payload })
    },
    own: (resource) => store.add(resource),
    get closed() {
      return store.isDisposed
    },
  }

  const respondError = (id: number, error: ErrorInfo) => {
    if (!store.isDisposed) transport.send({ t: 'res', id, ok: false, error })
  }

  const handle = async (request: RequestMessage) => {
    const { id, method } = request
    if (!Object.hasOwn(paramSchemas, method)) {
      respondError(id, { code: 'UNKNOWN_METHOD', message: `unknown method "${method}"` })
      return
    }
    const name = method as ZkMethod
    const parsed = paramSchemas[name].safeParse(request.params)
    if (!parsed.success) {
      respondError(id, {
        code: 'INVALID_PARAMS',
        message: `${method}: ${describeIssues(parsed.error)}`,
      })
      return
    }
    const controller = new AbortController()
    inflight.set(id, controller)
    try {
      const handler = handlers[name] as (p: unknown, c: CallContext) => Promise<unknown>
      const result = await handler(parsed.data, { peer, signal: controller.signal })
      if (!store.isDisposed) transport.send({ t: 'res', id, ok: true, result: result ?? null })
    } catch (error) {
      respondError(id, toErrorInfo(error))
    } finally {
      inflight.delete(id)
    }
  }

  store.add(
    transport.onMessage((raw) => {
      const message = asWireMessage(raw)
      if (!message) return
      if (message.t === 'req') void handle(message)
      else if (message.t === 'cancel') inflight.get(message.id)?.abort(new ZkError('CANCELLED', 'cancelled'))
    }),
  )
  if (events) store.add(events.onEvent((event, payload) => peer.emit(event, payload)))
  store.add({
    dispose: () => {
      for (const controller of inflight.values()) controller.abort(new ZkError('CANCELLED', 'connection closed'))
      inflight.clear()
    },
  })
  store.add(transport.onClose(() => store.dispose()))
  return store
}
