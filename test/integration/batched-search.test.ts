/**
 * The search reads the frontier in multiRead batches (children only, a Stat
 * fetched per match). Against a real 3.8 server, with nodes the session may
 * not read and a node deleted by kazoo between being listed and being read,
 * it must find exactly what the same search finds reading node by node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { runKazoo } from '../helpers/kazoo'
import { ZkSession } from '../../electron/backend/connections/zk-session'
import { searchSubtree, type SearchSession } from '../../electron/backend/tree/subtree-search'
import { walkSubtree } from '../../electron/backend/tree/subtree-walker'
import type { SearchMatch, SearchParams, SearchSummary } from '../../shared/protocol/tree-api'

let ensemble: TestEnsemble
let session: ZkSession

// 6 x 10 x 3 under /w (247 nodes), data on the b level; /w/a1/b2 and /w/a4 (with everything below) are locked.
const BUILD = `
from kazoo.security import make_digest_acl
zk.ensure_path('/w')
for a in range(6):
    zk.create('/w/a%d' % a, b'')
    for b in range(10):
        zk.create('/w/a%d/b%d' % (a, b), b'{"shard": %d}' % b)
        for c in range(3):
            zk.create('/w/a%d/b%d/c%d' % (a, b, c), b'')
locked = [make_digest_acl('owner', 'secret', all=True)]
zk.set_acls('/w/a1/b2', locked)
zk.set_acls('/w/a4', locked)
result = True
`

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 1 })
  await runKazoo(ensemble.connectString, BUILD, {}, { timeoutMs: 60_000 })
  session = new ZkSession({ connectString: ensemble.connectString, sessionTimeoutMs: 10_000, credentials: [], onState: () => undefined })
  await session.whenSettled()
})

afterAll(async () => {
  await session?.close()
  await ensemble?.stop()
})

/** The session as the search sees it, optionally never batching (the node-by-node reference). */
function view(batch: boolean, afterBatch?: (paths: string[]) => Promise<void>): SearchSession {
  return {
    getChildren: (path) => session.getChildren(path),
    getData: (path) => session.getData(path),
    exists: (path) => session.exists(path),
    multiGetChildren: async (paths, withData) => {
      if (!batch) return null
      const listings = await session.multiGetChildren(paths, withData)
      await afterBatch?.(paths)
      return listings
    },
  }
}

let counter = 0
async function run(target: SearchSession, params: Omit<SearchParams, 'connectionId' | 'searchId'>) {
  const matches: SearchMatch[] = []
  const summary: SearchSummary = await searchSubtree(target, { ...params, connectionId: 'c', searchId: `s${++counter}` }, (progress) => {
    matches.push(...progress.matches)
  })
  matches.sort((a, b) => a.path.localeCompare(b.path))
  const { elapsedMs: _elapsed, searchId: _id, ...counts } = summary
  return { counts, matches }
}

const base = { root: '/w', maxDepth: 50, maxNodes: 100_000, maxResults: 10_000 }

describe('batched search', () => {
  it('batches on a 3.8 server', async () => {
    const listings = await session.multiGetChildren(['/w/a0', '/w/a4', '/w/nope'])
    expect(listings).toEqual([
      { children: expect.arrayContaining(['b0', 'b9']) as string[] },
      { error: expect.objectContaining({ code: 'NO_AUTH', path: '/w/a4' }) as object },
      { error: expect.objectContaining({ code: 'NO_NODE', path: '/w/nope' }) as object },
    ])
    expect(session.batchesReads).toBe(true)
  })

  it('finds the same matches with the same Stats as the node-by-node search, and counts locked nodes unreadable', async () => {
    const params = { ...base, path: { pattern: '/c1', mode: 'substring' as const, caseSensitive: true } }
    const batched = await run(view(true), params)
    const reference = await run(view(false), params)
    expect(batched).toEqual(reference)
    // Of 247 nodes, the two locked ones cannot be read, nor listed: the 40 below /w/a4 and 3 below /w/a1/b2 stay unseen.
    expect(batched.counts).toMatchObject({ visited: 247 - 2 - 40 - 3, unreadable: 2 })
    expect(batched.matches).toHaveLength(5 * 10 - 1)
    const walked = await walkSubtree(session, { root: '/w', maxDepth: 50, maxNodes: 100_000, onNode: () => undefined })
    expect(walked).toMatchObject({ visited: batched.counts.visited, unreadable: 2 })
  })

  it('searches data with the data and Stats of the batch', async () => {
    const params = { ...base, data: { pattern: '"shard": 7', mode: 'text' as const, caseSensitive: true, encoding: 'utf-8' as const } }
    const batched = await run(view(true), params)
    expect(batched).toEqual(await run(view(false), params))
    expect(batched.matches.map((m) => m.path)).toEqual(['/w/a0/b7', '/w/a1/b7', '/w/a2/b7', '/w/a3/b7', '/w/a5/b7'])
    expect(batched.matches[0]?.snippet).toContain('"shard": 7')
  })

  it('counts what the depth limit cut off, and stops at the node and result limits as the node-by-node search does', async () => {
    const never = { pattern: '(?!)', mode: 'regex' as const, caseSensitive: true }
    for (const params of [
      { ...base, maxDepth: 1, path: never },
      { ...base, maxNodes: 50, path: never },
      { ...base, maxResults: 3, path: { pattern: 'b', mode: 'substring' as const, caseSensitive: true } },
    ]) {
      const batched = await run(view(true), params)
      const reference = await run(view(false), params)
      expect(batched.counts).toEqual(reference.counts)
      if (params.maxDepth === 1) expect(batched.counts).toMatchObject({ visited: 6, unreadable: 1, belowMaxDepth: 50 })
    }
  })

  it('skips a node deleted between being listed and being read, and the walk goes on', async () => {
    await runKazoo(ensemble.connectString, `zk.create('/w/a2/gone/deep', b'', makepath=True)\nresult = True`)
    let deleted = false
    const deleting = view(true, async (paths) => {
      // /w/a2's answer is in hand and lists 'gone'; delete it before the walk reads it.
      if (deleted || !paths.includes('/w/a2')) return
      deleted = true
      await runKazoo(ensemble.connectString, `zk.delete('/w/a2/gone', recursive=True)\nresult = True`)
    })
    const params = { ...base, path: { pattern: '/c1', mode: 'substring' as const, caseSensitive: true } }
    const batched = await run(deleting, params)
    expect(deleted).toBe(true)
    const reference = await run(view(false), params)
    expect(batched.matches).toEqual(reference.matches)
    expect(batched.counts).toEqual({ ...reference.counts, unreadable: reference.counts.unreadable + 1 })
  })
})
