/**
 * Subtree search against a real ensemble: path and data matching, limits,
 * progress events and cancellation. The tree is written by kazoo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { runKazoo } from '../helpers/kazoo'
import type { RpcClient } from '../../shared/rpc/client'
import type { SearchParams, SearchProgress } from '../../shared/protocol/tree-api'
import type { ZkError } from '../../shared/protocol/errors'

let ensemble: TestEnsemble
let server: BackendServer
let client: RpcClient
let connectionId: string

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 1 })
  server = await startBackendServer({ serveRenderer: false })
  client = await server.connectClient()
  // 10 x 10 x 5 under /s (611 nodes with the parents), plus data to search in two charsets.
  await runKazoo(
    ensemble.connectString,
    `
zk.ensure_path('/s')
ops = []
for a in range(10):
    ops.append(zk.create_async('/s/a%d' % a, b''))
for op in ops: op.get()
ops = []
for a in range(10):
    for b in range(10):
        ops.append(zk.create_async('/s/a%d/b%d' % (a, b), b'{"region": "eu-%d"}' % b))
for op in ops: op.get()
ops = []
for a in range(10):
    for b in range(10):
        for c in range(5):
            ops.append(zk.create_async('/s/a%d/b%d/c%d' % (a, b, c), b''))
for op in ops: op.get()
zk.create('/s/a3/b7/c2/gbk', '订单服务'.encode('gb18030'))
zk.create('/s/a5/b1/c0/utf8', '订单服务 online'.encode('utf-8'))
result = True
`,
    {},
    { timeoutMs: 60_000 },
  )
  connectionId = (await client.api.connectAdHoc({ connectString: ensemble.connectString })).connectionId
})

afterAll(async () => {
  await server?.dispose()
  await ensemble?.stop()
})

const base = { maxDepth: 50, maxNodes: 100_000, maxResults: 10_000 }
let counter = 0

async function search(params: Omit<SearchParams, 'connectionId' | 'searchId'>, signal?: AbortSignal) {
  const searchId = `s${++counter}`
  const events: SearchProgress[] = []
  const sub = client.on('search.progress', (p) => {
    if (p.searchId === searchId) events.push(p)
  })
  try {
    const summary = await client.call('searchTree', { ...params, connectionId, searchId }, { timeoutMs: 0, ...(signal ? { signal } : {}) })
    await new Promise((r) => setTimeout(r, 50))
    return { summary, events, paths: events.flatMap((e) => e.matches.map((m) => m.path)).sort() }
  } finally {
    sub.dispose()
  }
}

describe('subtree search', () => {
  it('visits every node of the subtree and streams matches by substring', async () => {
    const { summary, paths, events } = await search({ ...base, root: '/s', path: { pattern: 'b7/c', mode: 'substring', caseSensitive: true } })
    expect(summary.visited).toBe(613)
    expect(summary.matched).toBe(paths.length)
    expect(paths).toHaveLength(51)
    expect(paths).toContain('/s/a3/b7/c2/gbk')
    expect(events.at(-1)?.visited).toBe(613)
    expect(summary.stoppedBy).toBeUndefined()
  })

  it('matches globs within a segment and across segments, and regexes', async () => {
    const names = await search({ ...base, root: '/s', path: { pattern: 'c4', mode: 'glob', caseSensitive: true } })
    expect(names.paths).toHaveLength(100)
    const deep = await search({ ...base, root: '/s', path: { pattern: '/s/a1/*/c?', mode: 'glob', caseSensitive: true } })
    expect(deep.paths).toHaveLength(50)
    const cross = await search({ ...base, root: '/s', path: { pattern: '/s/**/gbk', mode: 'glob', caseSensitive: true } })
    expect(cross.paths).toEqual(['/s/a3/b7/c2/gbk'])
    const regex = await search({ ...base, root: '/s', path: { pattern: '^/s/a[12]/b0$', mode: 'regex', caseSensitive: true } })
    expect(regex.paths).toEqual(['/s/a1/b0', '/s/a2/b0'])
  })

  it('searches data decoded with the chosen charset and returns a snippet', async () => {
    const utf8 = await search({ ...base, root: '/s', data: { pattern: '订单', mode: 'text', encoding: 'utf-8', caseSensitive: true } })
    expect(utf8.paths).toEqual(['/s/a5/b1/c0/utf8'])
    const gbk = await search({ ...base, root: '/s', data: { pattern: '订单', mode: 'text', encoding: 'gb18030', caseSensitive: true } })
    expect(gbk.paths).toContain('/s/a3/b7/c2/gbk')
    const json = await search({ ...base, root: '/s', data: { pattern: '"region":\\s*"eu-[89]"', mode: 'regex', encoding: 'utf-8', caseSensitive: true } })
    expect(json.paths).toHaveLength(20)
    const withSnippet = json.events.flatMap((e) => e.matches)[0]
    expect(withSnippet?.snippet).toMatch(/eu-[89]/)
  })

  it('combines path and data queries', async () => {
    const both = await search({
      ...base,
      root: '/s',
      path: { pattern: '/s/a2/*', mode: 'glob', caseSensitive: true },
      data: { pattern: 'EU-3', mode: 'text', encoding: 'utf-8', caseSensitive: false },
    })
    expect(both.paths).toEqual(['/s/a2/b3'])
  })

  it('honours depth, node and result limits', async () => {
    const shallow = await search({ ...base, root: '/s', maxDepth: 1, path: { pattern: '/', mode: 'substring', caseSensitive: true } })
    expect(shallow.summary.visited).toBe(11)
    const few = await search({ ...base, root: '/s', maxNodes: 50, path: { pattern: '/', mode: 'substring', caseSensitive: true } })
    expect(few.summary.visited).toBe(50)
    expect(few.summary.stoppedBy).toBe('max-nodes')
    const capped = await search({ ...base, root: '/s', maxResults: 7, path: { pattern: 'c', mode: 'substring', caseSensitive: true } })
    expect(capped.summary.matched).toBe(7)
    expect(capped.summary.stoppedBy).toBe('max-results')
  })

  it('says when the depth limit kept nodes out of the search, and how many lie right below it', async () => {
    const query = { pattern: 'zzz', mode: 'substring', caseSensitive: true } as const
    const rootOnly = await search({ ...base, root: '/s', maxDepth: 0, path: query })
    expect(rootOnly.summary).toMatchObject({ visited: 1, belowMaxDepth: 10 })
    const twoLevels = await search({ ...base, root: '/s', maxDepth: 2, path: query })
    expect(twoLevels.summary).toMatchObject({ visited: 111, belowMaxDepth: 500 })
    // Only two of the 500 nodes at depth 3 have a child (the data nodes).
    const threeLevels = await search({ ...base, root: '/s', maxDepth: 3, path: query })
    expect(threeLevels.summary).toMatchObject({ visited: 611, belowMaxDepth: 2 })
    expect(threeLevels.summary.stoppedBy).toBeUndefined()
    // Deep enough: nothing was left out, and the summary says nothing about depth.
    const whole = await search({ ...base, root: '/s', maxDepth: 4, path: query })
    expect(whole.summary.visited).toBe(613)
    expect(whole.summary).not.toHaveProperty('belowMaxDepth')
    const leaf = await search({ ...base, root: '/s/a0/b0/c0', maxDepth: 0, path: query })
    expect(leaf.summary).not.toHaveProperty('belowMaxDepth')
  })

  it('rejects an invalid regex and an empty query with INVALID_PARAMS', async () => {
    const bad = await search({ ...base, root: '/s', path: { pattern: '([', mode: 'regex', caseSensitive: true } }).catch((e: ZkError) => e)
    expect(bad).toMatchObject({ code: 'INVALID_PARAMS' })
    const none = await search({ ...base, root: '/s' }).catch((e: ZkError) => e)
    expect(none).toMatchObject({ code: 'INVALID_PARAMS' })
  })

  it('can be cancelled while it runs', async () => {
    const controller = new AbortController()
    const sub = client.on('search.progress', () => controller.abort())
    const result = await search({ ...base, root: '/', path: { pattern: 'zzz', mode: 'substring', caseSensitive: true } }, controller.signal).catch(
      (e: ZkError) => e,
    )
    sub.dispose()
    expect(result).toMatchObject({ code: 'CANCELLED' })
    // The session is still usable afterwards.
    const again = await client.api.getChildren({ connectionId, path: '/s' })
    expect(again.children).toHaveLength(10)
  })
})
