/**
 * Live view against a real ensemble: watches re-arm, are shared between
 * peers, respect the budget, survive a member going away and a forced
 * session expiry, and recover when every member is down and comes back.
 * Changes come from kazoo, an independent client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import zookeeper from 'node-zookeeper-client'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { runKazoo } from '../helpers/kazoo'
import type { RpcClient } from '../../shared/rpc/client'
import type { NodeChange } from '../../shared/protocol/watch-api'
import type { ConnectionInfo } from '../../shared/protocol/types'
import { sendFourLetterWord } from '../../electron/backend/sandbox/sandbox-probe'
import WebSocket from 'ws'
import { socketTransport } from '../../electron/host/ws-host'
import { createClient } from '../../shared/rpc/client'

let ensemble: TestEnsemble
let server: BackendServer
let a: RpcClient
let b: RpcClient

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 3 })
  server = await startBackendServer({ serveRenderer: false })
  a = await server.connectClient()
  b = await server.connectClient()
  await runKazoo(ensemble.connectString, "zk.ensure_path('/w/list'); zk.create('/w/conf', b'v0'); result = True")
})

afterAll(async () => {
  await server?.dispose()
  await ensemble?.stop()
})

const kazoo = (body: string) => runKazoo(ensemble.connectString, body)

function collect(client: RpcClient, connectionId: string) {
  const changes: NodeChange[] = []
  client.on('node.changed', (c) => {
    if (c.connectionId === connectionId) changes.push(c)
  })
  return changes
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

function stateOf(client: RpcClient, connectionId: string, wanted: ConnectionInfo['state'][], timeoutMs = 60_000) {
  return new Promise<ConnectionInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${wanted.join('/')} state`)), timeoutMs)
    const sub = client.on('session.state', (info) => {
      if (info.connectionId === connectionId && wanted.includes(info.state)) {
        clearTimeout(timer)
        sub.dispose()
        resolve(info)
      }
    })
  })
}

/** Total watches the ensemble holds, from each member's `wchs` answer. */
async function serverWatchCount(): Promise<number> {
  let total = 0
  for (const member of ensemble.members) {
    if (!member.isRunning) continue
    const answer = await sendFourLetterWord(member.host, member.clientPort, 'wchs')
    total += Number(/Total watches:\s*(\d+)/.exec(answer)?.[1] ?? 0)
  }
  return total
}

describe('watches', () => {
  it('re-arms after every notification: every data change and every child change arrives', async () => {
    const { connectionId } = await a.api.connectAdHoc({ connectString: ensemble.connectString })
    const changes = collect(a, connectionId)
    await a.api.updateWatches({ connectionId, add: [{ path: '/w/conf', kind: 'data' }, { path: '/w/list', kind: 'children' }] })
    for (let i = 1; i <= 3; i++) await kazoo(`zk.set('/w/conf', b'v${i}'); result = True`)
    await kazoo("zk.create('/w/list/m1', b''); zk.create('/w/list/m2', b''); zk.delete('/w/list/m1'); result = True")
    const dataChanges = await until('3 data changes', () => {
      const list = changes.filter((c) => c.change === 'data')
      return list.length >= 3 && list
    })
    expect(dataChanges.map((c) => c.stat?.version)).toEqual([1, 2, 3])
    expect(dataChanges[2]?.previousVersion).toBe(2)
    expect(Buffer.from(dataChanges[2]?.data?.base64 ?? '', 'base64').toString()).toBe('v3')
    const last = await until('children to settle on m2', () => {
      const list = changes.filter((c) => c.change === 'children')
      const final = list.at(-1)
      return final && final.children?.join() === 'm2' && final
    })
    expect(last.stat?.numChildren).toBe(1)
    await a.api.disconnect({ connectionId })
  })

  it('reports a deleted node and its re-creation', async () => {
    await kazoo("zk.create('/w/flaky', b'1'); result = True")
    const { connectionId } = await a.api.connectAdHoc({ connectString: ensemble.connectString })
    const changes = collect(a, connectionId)
    await a.api.updateWatches({ connectionId, add: [{ path: '/w/flaky', kind: 'data' }] })
    await kazoo("zk.delete('/w/flaky'); result = True")
    await until('deleted', () => changes.some((c) => c.change === 'deleted'))
    await kazoo("zk.create('/w/flaky', b'again'); result = True")
    await until('created', () => changes.some((c) => c.change === 'created'))
    await kazoo("zk.set('/w/flaky', b'changed'); result = True")
    const text = (c: NodeChange) => Buffer.from(c.data?.base64 ?? '', 'base64').toString()
    // The re-created node's data comes with its creation, and later changes keep coming.
    await until('data of the re-created node', () => changes.some((c) => c.change === 'data' && text(c) === 'again'))
    await until('data after re-creation', () => changes.some((c) => c.change === 'data' && text(c) === 'changed'))
    await a.api.disconnect({ connectionId })
  })

  it('shares one watch between peers, releases it when the last one lets go, and reports a race with `seen`', async () => {
    const { connectionId } = await a.api.connectAdHoc({ connectString: ensemble.connectString })
    const before = await serverWatchCount()
    const spec = { path: '/w/conf', kind: 'data' as const }
    const fromA = await a.api.updateWatches({ connectionId, add: [spec] })
    const fromB = await b.api.updateWatches({ connectionId, add: [spec] })
    expect(fromA.watchedPaths).toBe(1)
    expect(fromB.watchedPaths).toBe(1)
    await until('one server watch', async () => (await serverWatchCount()) === before + 1)
    const changesB = collect(b, connectionId)
    await kazoo("zk.set('/w/conf', b'shared'); result = True")
    await until('b hears the change', () => changesB.some((c) => c.change === 'data'))
    await a.api.updateWatches({ connectionId, remove: [spec] })
    expect((await a.api.getWatchStatus({ connectionId })).watchedPaths).toBe(1)
    const after = await b.api.updateWatches({ connectionId, remove: [spec] })
    expect(after.watchedPaths).toBe(0)

    // A view that saw version 0 of a node now at a later version hears about it at once.
    const changesA = collect(a, connectionId)
    await a.api.updateWatches({ connectionId, add: [{ ...spec, seen: { version: 0 } }] })
    const caughtUp = await until('catch-up change', () => changesA.find((c) => c.change === 'data'))
    expect(caughtUp.resync).toBe(true)
    expect(caughtUp.stat?.version).toBeGreaterThan(0)
    await a.api.disconnect({ connectionId })
  })

  it('drops the watches of a peer that goes away', async () => {
    const socket = new WebSocket(`${server.url}?token=${encodeURIComponent(server.token)}`)
    await new Promise((resolve) => socket.once('open', resolve))
    const c = createClient(socketTransport(socket))
    const { connectionId } = await a.api.connectAdHoc({ connectString: ensemble.connectString })
    await c.api.updateWatches({ connectionId, add: [{ path: '/w/list', kind: 'children' }, { path: '/w/conf', kind: 'data' }] })
    expect((await a.api.getWatchStatus({ connectionId })).watchedPaths).toBe(2)
    socket.close()
    await until('watches released', async () => (await a.api.getWatchStatus({ connectionId })).watchedPaths === 0)
    c.dispose()
    await a.api.disconnect({ connectionId })
  })

  it('keeps within the budget and says what is not live', async () => {
    const { connectionId } = await a.api.connectAdHoc({ connectString: ensemble.connectString })
    await a.api.setWatchBudget({ connectionId, budget: 3 })
    const statusEvents: number[] = []
    a.on('watch.status', (s) => {
      if (s.connectionId === connectionId) statusEvents.push(s.notLiveCount)
    })
    const add = ['/w', '/w/list', '/w/conf', '/zookeeper', '/'].map((path) => ({ path, kind: 'children' as const }))
    await a.api.updateWatches({ connectionId, add })
    const status = await until('budget applied', async () => {
      const s = await a.api.getWatchStatus({ connectionId })
      return s.watchedPaths === 3 && s
    })
    expect(status.notLiveCount).toBe(2)
    expect(status.notLive).toHaveLength(2)
    // Freeing one makes room for a waiting one.
    const next = await a.api.updateWatches({ connectionId, remove: [{ path: '/w', kind: 'children' }] })
    await until('waiting path armed', async () => (await a.api.getWatchStatus({ connectionId })).notLiveCount === 1)
    expect(next.budget).toBe(3)
    expect(statusEvents.length).toBeGreaterThan(0)
    await a.api.disconnect({ connectionId })
  })

  it('drops children watches, then the newest data watches, at once when the budget is lowered, and catches them up when it is raised', async () => {
    await kazoo("for n in 'abcd': zk.ensure_path('/wb/' + n)\nresult = True")
    const { connectionId } = await a.api.connectAdHoc({ connectString: ensemble.connectString })
    const changes = collect(a, connectionId)
    const paths = ['/wb/a', '/wb/b', '/wb/c', '/wb/d']
    // The oldest watch is on children: it still goes before any data watch.
    await a.api.updateWatches({ connectionId, add: [{ path: '/wb', kind: 'children' }] })
    await a.api.updateWatches({ connectionId, add: paths.map((path) => ({ path, kind: 'data' as const })) })
    await until('all live', async () => (await a.api.getWatchStatus({ connectionId })).watchedPaths === 5)

    const lowered = await a.api.setWatchBudget({ connectionId, budget: 3 })
    expect(lowered).toMatchObject({ watchedPaths: 3, notLiveCount: 2 })
    expect([...lowered.notLive].sort()).toEqual(['/wb', '/wb/d'])
    // A change on a dropped path, then one on a kept path: only the second is delivered
    // (the server sends one session's notifications in order, so the first would have come first).
    await kazoo("zk.set('/wb/d', b'while-dropped'); zk.set('/wb/a', b'kept'); result = True")
    await until('kept path change', () => changes.some((c) => c.path === '/wb/a' && c.change === 'data'))
    expect(changes.some((c) => c.path === '/wb/d')).toBe(false)

    await a.api.setWatchBudget({ connectionId, budget: 10 })
    const caughtUp = await until('dropped path caught up', () =>
      changes.find((c) => c.path === '/wb/d' && c.change === 'data' && Buffer.from(c.data?.base64 ?? '', 'base64').toString() === 'while-dropped'),
    )
    expect(caughtUp.resync).toBe(true)
    expect((await a.api.getWatchStatus({ connectionId })).notLiveCount).toBe(0)
    await a.api.disconnect({ connectionId })
  })

  it('counts a path once in the budget, however many kinds of watch it has', async () => {
    const { connectionId } = await a.api.connectAdHoc({ connectString: ensemble.connectString })
    await a.api.setWatchBudget({ connectionId, budget: 1 })
    await a.api.updateWatches({ connectionId, add: [{ path: '/w/list', kind: 'data' }, { path: '/w/list', kind: 'children' }, { path: '/w/conf', kind: 'data' }, { path: '/w/conf', kind: 'children' }] })
    const status = await until('armed within budget', async () => {
      const s = await a.api.getWatchStatus({ connectionId })
      return s.watchedPaths === 1 && s
    })
    expect(status).toMatchObject({ notLiveCount: 1, notLive: ['/w/conf'] })
    await a.api.disconnect({ connectionId })
  })
})

describe('follow a subtree', () => {
  it('keeps every node of the subtree live, new ones included, and stops on unfollow', async () => {
    await kazoo("zk.ensure_path('/f/locks'); zk.create('/f/locks/lock-0000000001', b'', ephemeral=False); result = True")
    const { connectionId } = await a.api.connectAdHoc({ connectString: ensemble.connectString })
    const changes = collect(a, connectionId)
    const followed = await a.api.followSubtree({ connectionId, followId: 'locks', root: '/f', maxNodes: 100 })
    expect(followed).toMatchObject({ followId: 'locks', watched: 3, truncated: false })
    await kazoo("zk.create('/f/locks/lock-0000000002', b''); result = True")
    await until('new child seen', () => changes.some((c) => c.change === 'children' && c.children?.includes('lock-0000000002')))
    // The new node is followed too: its data changes arrive.
    await kazoo("zk.set('/f/locks/lock-0000000002', b'holder'); result = True")
    await until('data of the new node', () => changes.some((c) => c.path === '/f/locks/lock-0000000002' && c.change === 'data'))
    await kazoo("zk.delete('/f/locks/lock-0000000001'); result = True")
    await until('deletion seen', () => changes.some((c) => c.path === '/f/locks/lock-0000000001' && c.change === 'deleted'))
    await a.api.unfollowSubtree({ connectionId, followId: 'locks' })
    expect((await a.api.getWatchStatus({ connectionId })).watchedPaths).toBe(0)
    await a.api.disconnect({ connectionId })
  })
})

describe('resilience', () => {
  it('after its member stops, the session moves and changes made meanwhile show up', async () => {
    const info = await a.api.connectAdHoc({ connectString: ensemble.connectString, sessionTimeoutMs: 15_000 })
    const { connectionId } = info
    const changes = collect(a, connectionId)
    await a.api.updateWatches({ connectionId, add: [{ path: '/w/conf', kind: 'data' }, { path: '/w/list', kind: 'children' }] })
    const member = ensemble.members.find((m) => info.server?.endsWith(`:${m.clientPort}`))
    const others = ensemble.members.filter((m) => m !== member).map((m) => m.address).join(',')
    const reconnected = stateOf(a, connectionId, ['reconnected'])
    await member?.stop()
    // Writes only once the others have a leader again: kazoo gives up during a long election.
    await ensemble.waitForLeader()
    await runKazoo(others, "zk.set('/w/conf', b'during-outage'); zk.create('/w/list/outage', b''); result = True")
    await reconnected
    const data = await until('data change from the outage', () =>
      changes.find((c) => c.change === 'data' && Buffer.from(c.data?.base64 ?? '', 'base64').toString() === 'during-outage'),
    )
    expect(data.stat?.version).toBeGreaterThan(0)
    await until('child from the outage', () => changes.some((c) => c.change === 'children' && c.children?.includes('outage')))
    await member?.start()
    await a.api.disconnect({ connectionId })
  })

  it('after a forced session expiry, opens a new session and re-arms the watches', async () => {
    const info = await a.api.connectAdHoc({ connectString: ensemble.connectString, sessionTimeoutMs: 10_000 })
    const { connectionId } = info
    const changes = collect(a, connectionId)
    await a.api.updateWatches({ connectionId, add: [{ path: '/w/conf', kind: 'data' }] })
    const client = server.backend.connections.session(connectionId).libraryClient()
    const renewed = stateOf(a, connectionId, ['connected'])
    // A second client with the same session id and password, closed: the server expires the session.
    const twin = zookeeper.createClient(ensemble.connectString, {
      sessionTimeout: 10_000,
      sessionId: client.getSessionId(),
      sessionPassword: client.getSessionPassword(),
    } as Parameters<typeof zookeeper.createClient>[1])
    await new Promise<void>((resolve) => {
      twin.once('connected', () => resolve())
      twin.connect()
    })
    twin.close()
    const fresh = await renewed
    expect(fresh.sessionId).not.toBe(info.sessionId)
    expect(fresh.message).toMatch(/expired/)
    await kazoo("zk.set('/w/conf', b'after-expiry'); result = True")
    await until('change after the new session', () =>
      changes.some((c) => c.change === 'data' && Buffer.from(c.data?.base64 ?? '', 'base64').toString() === 'after-expiry'),
    )
    await a.api.disconnect({ connectionId })
  })

  it('with every member down, shows the outage and recovers when they return', async () => {
    const info = await a.api.connectAdHoc({ connectString: ensemble.connectString, sessionTimeoutMs: 30_000 })
    const { connectionId } = info
    const changes = collect(a, connectionId)
    await a.api.updateWatches({ connectionId, add: [{ path: '/w/conf', kind: 'data' }] })
    const down = stateOf(a, connectionId, ['disconnected'])
    await Promise.all(ensemble.members.map((m) => m.stop()))
    const outage = await down
    expect(outage.expiresAt).toBeGreaterThan(Date.now())
    const read = await a.api.getChildren({ connectionId, path: '/' }).catch((e: { code: string }) => e.code)
    expect(read).toBe('NOT_CONNECTED')
    const back = stateOf(a, connectionId, ['reconnected', 'connected'])
    await Promise.all(ensemble.members.map((m) => m.start()))
    await back
    await kazoo("zk.set('/w/conf', b'after-outage'); result = True")
    await until('change after recovery', () =>
      changes.some((c) => c.change === 'data' && Buffer.from(c.data?.base64 ?? '', 'base64').toString() === 'after-outage'),
    )
    await a.api.disconnect({ connectionId })
  })
})
