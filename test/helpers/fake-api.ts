/** Fakes for testing the RPC layer and its hosts without a backend. */
import type { ApiHandlers, EventSource } from '../../shared/rpc/server'
import { ZkError } from '../../shared/protocol/errors'
import type { ZkEvents } from '../../shared/protocol/api'
import type { Emitter } from '../../shared/util/emitter'
import type { ZnodeStat } from '../../shared/zk/stat'

export const fakeStat: ZnodeStat = {
  czxid: '0x1', mzxid: '0x1', pzxid: '0x1', ctime: '0', mtime: '0', version: 0, cversion: 0,
  aversion: 0, ephemeralOwner: '0x0', dataLength: 0, numChildren: 2,
}

/** Handlers where every method not overridden fails with INTERNAL. */
export function fakeHandlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  const notImplemented = async () => {
    throw new ZkError('INTERNAL', 'not implemented in this fake')
  }
  const base = new Proxy({} as ApiHandlers, { get: () => notImplemented })
  return Object.assign(Object.create(base) as ApiHandlers, overrides)
}

/** An EventSource that forwards the emitter's core events. */
export function fakeEventSource(emitter: Emitter<ZkEvents>): EventSource {
  return {
    onEvent: (listener) => {
      const subs = (['session.state', 'sandbox.state', 'profiles.changed'] as const).map((name) =>
        emitter.on(name, (payload) => listener(name, payload)),
      )
      return { dispose: () => subs.forEach((s) => s.dispose()) }
    },
  }
}
