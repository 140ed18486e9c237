import { describe, expect, it } from 'vitest'
import { walkSubtree, type WalkSession } from '../../../electron/backend/tree/subtree-walker'
import { ZkError } from '../../../shared/protocol/errors'
import type { ZnodeStat } from '../../../shared/zk/stat'

const stat: ZnodeStat = {
  czxid: '0x1', mzxid: '0x1', pzxid: '0x1', ctime: '0', mtime: '0', version: 0, cversion: 0,
  aversion: 0, ephemeralOwner: '0x0', dataLength: 0, numChildren: 0,
}

/** A tree of `fanout` children per node down to `depth`, answering after a short delay. */
function fakeTree(fanout: number, depth: number, opts: { delayMs?: number; failing?: Map<string, ZkError> } = {}) {
  let inFlight = 0
  let maxInFlight = 0
  let calls = 0
  const session: WalkSession = {
    async getChildren(path) {
      calls += 1
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((r) => setTimeout(r, opts.delayMs ?? 1))
      inFlight -= 1
      const failure = opts.failing?.get(path)
      if (failure) throw failure
      const level = path === '/' ? 0 : path.split('/').length - 1
      const children = level < depth ? Array.from({ length: fanout }, (_, i) => `n${i}`) : []
      return { children, stat }
    },
    async getData() {
      return { data: Buffer.from('x'), stat }
    },
  }
  return { session, stats: () => ({ calls, maxInFlight }) }
}

describe('walkSubtree', () => {
  it('visits every node once, breadth-first, keeping at most `concurrency` requests in flight', async () => {
    const tree = fakeTree(4, 3)
    const seen: string[] = []
    const result = await walkSubtree(tree.session, {
      root: '/', maxDepth: 10, maxNodes: 10_000, concurrency: 8,
      onNode: (n) => {
        seen.push(n.path)
        return undefined
      },
    })
    expect(result.visited).toBe(1 + 4 + 16 + 64)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen[0]).toBe('/')
    expect(tree.stats().maxInFlight).toBeLessThanOrEqual(8)
    expect(tree.stats().maxInFlight).toBeGreaterThan(1)
  })

  it('one at a time when concurrency is 1', async () => {
    const tree = fakeTree(3, 2)
    await walkSubtree(tree.session, { root: '/', maxDepth: 5, maxNodes: 100, concurrency: 1, onNode: () => undefined })
    expect(tree.stats().maxInFlight).toBe(1)
  })

  it('stops issuing requests once cancelled', async () => {
    const tree = fakeTree(10, 4, { delayMs: 5 })
    const controller = new AbortController()
    const result = await walkSubtree(tree.session, {
      root: '/', maxDepth: 10, maxNodes: 100_000, concurrency: 4, signal: controller.signal,
      onNode: (n) => {
        if (n.depth === 2) controller.abort()
        return undefined
      },
    })
    const callsAtEnd = tree.stats().calls
    await new Promise((r) => setTimeout(r, 50))
    expect(result.stoppedBy).toBe('cancelled')
    expect(result.visited).toBeLessThan(11_111)
    expect(tree.stats().calls).toBe(callsAtEnd)
  })

  it('counts unreadable nodes and carries on; a dead session ends the walk with its error', async () => {
    const failing = new Map([['/n1', new ZkError('NO_AUTH', 'no', '/n1')]])
    const result = await walkSubtree(fakeTree(3, 2, { failing }).session, { root: '/', maxDepth: 5, maxNodes: 100, onNode: () => undefined })
    expect(result.unreadable).toBe(1)
    // The root, two readable children (n1 failed), and their 3 children each.
    expect(result.visited).toBe(1 + 2 + 6)

    const dead = new Map([['/n2', new ZkError('SESSION_EXPIRED', 'expired')]])
    await expect(
      walkSubtree(fakeTree(3, 2, { failing: dead }).session, { root: '/', maxDepth: 5, maxNodes: 100, onNode: () => undefined }),
    ).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
  })

  it('respects maxDepth and maxNodes, and stops when asked', async () => {
    const depth1 = await walkSubtree(fakeTree(5, 3).session, { root: '/', maxDepth: 1, maxNodes: 1000, onNode: () => undefined })
    expect(depth1.visited).toBe(6)
    // The 5 nodes at depth 1 have 5 children each that the limit kept out.
    expect(depth1.belowMaxDepth).toBe(25)
    const deepEnough = await walkSubtree(fakeTree(5, 3).session, { root: '/', maxDepth: 3, maxNodes: 1000, onNode: () => undefined })
    expect(deepEnough).toMatchObject({ visited: 156, belowMaxDepth: 0 })
    const capped = await walkSubtree(fakeTree(5, 3).session, { root: '/', maxDepth: 9, maxNodes: 20, onNode: () => undefined })
    expect(capped.visited).toBe(20)
    expect(capped.stoppedBy).toBe('max-nodes')
    let count = 0
    const stopped = await walkSubtree(fakeTree(5, 3).session, {
      root: '/', maxDepth: 9, maxNodes: 1000, concurrency: 1,
      onNode: () => (++count === 3 ? 'stop' : undefined),
    })
    expect(stopped.stoppedBy).toBe('stopped')
    expect(stopped.visited).toBe(3)
  })
})
