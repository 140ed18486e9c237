import { describe, expect, it } from 'vitest'
import { createMemoryTransportPair } from '../../../shared/rpc/memory-transport'
import { serve, type ApiHandlers } from '../../../shared/rpc/server'
import { createClient } from '../../../shared/rpc/client'
import { ZkError } from '../../../shared/protocol/errors'
import { Emitter } from '../../../shared/util/emitter'
import type { ZkEvents } from '../../../shared/protocol/api'
import { fakeHandlers, fakeStat } from '../../helpers/fake-api'



function setup(handlers: ApiHandlers) {
  const pair = createMemoryTransportPair()
  const emitter = new Emitter<ZkEvents>()
  const server = serve(handlers, pair.b, {
    onEvent: (listener) => {
      const subs = (['session.state', 'sandbox.state', 'profiles.changed'] as const).map((name) =>
        emitter.on(name, (payload) => listener(name, payload)),
      )
      return { dispose: () => subs.forEach((s) => s.dispose()) }
    },
  })
  const client = createClient(pair.a)
  return { client, server, emitter, pair }
}

describe('rpc over an in-memory transport', () => {
  it('dispatches a valid call and returns its result', async () => {
    const { client } = setup(
      fakeHandlers({
        getChildren: async ({ path }) => ({ path, children: ['a', 'b'], stat: fakeStat }),
      }),
    )
    const result = await client.api.getChildren({ connectionId: 'c1', path: '/x' })
    expect(result.children).toEqual(['a', 'b'])
    expect(result.path).toBe('/x')
  })

  it('gives an api that is not taken for a promise when an async function returns it', async () => {
    const { client } = setup(fakeHandlers({ getChildren: async ({ path }) => ({ path, children: [], stat: fakeStat }) }))
    const api = await (async () => client.api)()
    expect(api).toBe(client.api)
    expect((await api.getChildren({ connectionId: 'c1', path: '/' })).path).toBe('/')
  })

  it('rejects invalid params with INVALID_PARAMS and a readable message, without calling the handler', async () => {
    let called = false
    const { client } = setup(
      fakeHandlers({
        getChildren: async () => {
          called = true
          return { path: '/', children: [], stat: fakeStat }
        },
      }),
    )
    const error = await client.api.getChildren({ connectionId: 'c1', path: 'no-slash' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ZkError)
    expect((error as ZkError).code).toBe('INVALID_PARAMS')
    expect((error as ZkError).message).toContain('path')
    expect(called).toBe(false)
  })

  it('rejects unknown methods and extra fields', async () => {
    const { client } = setup(fakeHandlers())
    const unknown = await client
      .call('nope' as 'getChildren', { connectionId: 'c', path: '/' })
      .catch((e: ZkError) => e.code)
    expect(unknown).toBe('UNKNOWN_METHOD')
    const extra = await client
      .call('getChildren', { connectionId: 'c', path: '/', evil: 1 } as never)
      .catch((e: ZkError) => e.code)
    expect(extra).toBe('INVALID_PARAMS')
  })

  it('carries error codes and paths from the handler', async () => {
    const { client } = setup(
      fakeHandlers({
        getNode: async ({ path }) => {
          throw new ZkError('NO_NODE', 'gone', path)
        },
      }),
    )
    const error = (await client.api.getNode({ connectionId: 'c', path: '/gone' }).catch((e: unknown) => e)) as ZkError
    expect(error.code).toBe('NO_NODE')
    expect(error.path).toBe('/gone')
  })

  it('cancels a call: the client rejects and the handler sees its signal abort', async () => {
    let aborted = false
    const { client } = setup(
      fakeHandlers({
        getStats: (_p, ctx) =>
          new Promise((_resolve, reject) => {
            ctx.signal.addEventListener('abort', () => {
              aborted = true
              reject(new ZkError('CANCELLED', 'cancelled'))
            })
          }),
      }),
    )
    const controller = new AbortController()
    const promise = client.call('getStats', { connectionId: 'c', paths: ['/a'] }, { signal: controller.signal })
    controller.abort()
    await expect(promise).rejects.toMatchObject({ code: 'CANCELLED' })
    await new Promise((r) => setTimeout(r, 10))
    expect(aborted).toBe(true)
  })

  it('times out a call that never answers', async () => {
    const { client } = setup(fakeHandlers({ getSandbox: () => new Promise(() => undefined) }))
    await expect(client.call('getSandbox', {}, { timeoutMs: 20 })).rejects.toMatchObject({ code: 'TIMEOUT' })
  })

  it('forwards backend events and stops after the transport closes', async () => {
    const { client, emitter, pair } = setup(fakeHandlers())
    const seen: string[] = []
    client.on('sandbox.state', (info) => seen.push(info.state))
    emitter.emit('sandbox.state', { state: 'starting', members: [], credentials: [] })
    await new Promise((r) => setTimeout(r, 5))
    expect(seen).toEqual(['starting'])
    pair.close()
    emitter.emit('sandbox.state', { state: 'running', members: [], credentials: [] })
    await new Promise((r) => setTimeout(r, 5))
    expect(seen).toEqual(['starting'])
    expect(emitter.listenerCount()).toBe(0)
  })

  it('fails pending calls when the transport closes', async () => {
    const { client, pair } = setup(fakeHandlers({ getSandbox: () => new Promise(() => undefined) }))
    const promise = client.api.getSandbox({})
    pair.close()
    await expect(promise).rejects.toMatchObject({ code: 'CONNECTION_LOSS' })
  })
})
