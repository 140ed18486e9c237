import { describe, expect, it } from 'vitest'
import { runBatches, type SentOutcome } from '../../../../electron/backend/edit/batch-runner'
import type { MultiOp } from '../../../../electron/backend/edit/multi'
import { Tally } from '../../../../electron/backend/edit/tally'
import { FakeZk } from './fake-zk'

/** /t with `width` children, each with `width` children. Breadth-first. */
function tree(zk: FakeZk, width: number): string[] {
  const paths = ['/t']
  for (let i = 0; i < width; i++) paths.push(`/t/a${i}`)
  for (let i = 0; i < width; i++) for (let j = 0; j < width; j++) paths.push(`/t/a${i}/b${j}`)
  for (const p of paths) zk.add(p)
  return paths
}

const deletes = (paths: string[], versions: Record<string, number> = {}): MultiOp[] =>
  [...paths].reverse().map((path) => ({ kind: 'delete', path, version: versions[path] ?? 0 }))
const creates = (paths: string[]): MultiOp[] => paths.map((path) => ({ kind: 'create', path, data: Buffer.alloc(0), acl: [], mode: 0 }))
const settled = (t: Tally) => t.counts.succeeded + t.counts.failed + t.counts.skipped + t.counts.uncertain + t.counts.notAttempted

function run(zk: FakeZk, ops: MultiOp[], dependency: 'parents-first' | 'children-first' | 'none', extra: Partial<Parameters<typeof runBatches>[0]> = {}) {
  const tally = new Tally(ops.length)
  const sent: [MultiOp, SentOutcome][] = []
  const done = runBatches({ session: zk.session(), ops, dependency, tally, maxOps: 8, onSent: (op, o) => sent.push([op, o]), ...extra })
  return { tally, sent, done }
}

describe('runBatches', () => {
  it('deletes deepest first in multi batches of at most maxOps', async () => {
    const zk = new FakeZk()
    const paths = tree(zk, 4)
    const { tally, done, sent } = run(zk, deletes(paths), 'children-first')
    const result = await done
    expect(tally.counts).toMatchObject({ total: 21, succeeded: 21, failed: 0 })
    expect(result.batches).toBe(3)
    expect(zk.requests).toEqual(['multi', 'multi', 'multi'])
    expect(zk.has('/t')).toBe(false)
    expect(sent.every(([, o]) => o.ok)).toBe(true)
  })

  it('checks a version of 0 even though the library turns 0 into -1', async () => {
    const zk = new FakeZk()
    zk.add('/v', 1)
    zk.add('/w', 1)
    const { tally, done } = run(zk, [{ kind: 'delete', path: '/v', version: 0 }, { kind: 'delete', path: '/w', version: 1 }], 'none')
    await done
    expect(tally.counts).toMatchObject({ succeeded: 1, failed: 1 })
    expect(tally.issues[0]).toMatchObject({ path: '/v', code: 'BAD_VERSION' })
    expect(zk.has('/v')).toBe(true)
  })

  it('splits a refused batch at the failing op: the rest is sent again, the ancestors are skipped', async () => {
    const zk = new FakeZk()
    const paths = tree(zk, 4)
    // Changed meanwhile: its delete fails, so /t/a1 and /t cannot be deleted.
    const { tally, done } = run(zk, deletes(paths, { '/t/a1/b2': 7 }), 'children-first')
    const result = await done
    expect(tally.counts).toMatchObject({ total: 21, succeeded: 18, failed: 1, skipped: 2 })
    expect(settled(tally)).toBe(21)
    expect(tally.issues.map((i) => [i.path, i.status])).toEqual([
      ['/t/a1/b2', 'failed'],
      ['/t/a1', 'skipped'],
      ['/t', 'skipped'],
    ])
    expect(result.batches).toBe(4)
    expect([...zk.nodes.keys()].sort()).toEqual(['/', '/t', '/t/a1', '/t/a1/b2'])
  })

  it('creates parents first; a node that exists already fails and what is below it is skipped', async () => {
    const zk = new FakeZk()
    const paths = ['/c', '/c/x', '/c/y', '/c/x/1', '/c/x/2', '/c/y/1']
    zk.add('/c')
    zk.add('/c/x')
    const { tally, done } = run(zk, creates(paths.slice(1).concat()), 'parents-first')
    await done
    expect(tally.counts).toMatchObject({ total: 5, succeeded: 2, failed: 1, skipped: 2 })
    expect(tally.issues.map((i) => [i.path, i.code])).toEqual([
      ['/c/x', 'NODE_EXISTS'],
      ['/c/x/1', 'NO_NODE'],
      ['/c/x/2', 'NO_NODE'],
    ])
    expect(zk.has('/c/y/1')).toBe(true)
  })

  it('counts a delete of a node already gone as done, without skipping its parent', async () => {
    const zk = new FakeZk()
    zk.add('/g')
    const { tally, done } = run(zk, [{ kind: 'delete', path: '/g/gone', version: 0 }, { kind: 'delete', path: '/g', version: 0 }], 'children-first', {
      alreadyDone: (_op, error) => error.code === 'NO_NODE',
    })
    await done
    expect(tally.counts).toMatchObject({ succeeded: 2, failed: 0, skipped: 0 })
    expect(zk.has('/g')).toBe(false)
  })

  it('stops when the connection is lost: the batch in flight is uncertain, the rest not attempted', async () => {
    const zk = new FakeZk()
    const paths = tree(zk, 4)
    zk.loseConnectionAt = 1
    const { tally, done, sent } = run(zk, deletes(paths), 'children-first')
    const result = await done
    expect(result).toMatchObject({ stopped: 'interrupted', error: { code: 'CONNECTION_LOSS' } })
    expect(tally.counts).toMatchObject({ total: 21, succeeded: 8, uncertain: 8, notAttempted: 5 })
    expect(settled(tally)).toBe(21)
    expect(sent.filter(([, o]) => !o.ok && o.uncertain)).toHaveLength(8)
  })

  it('stops between batches when cancelled', async () => {
    const zk = new FakeZk()
    const paths = tree(zk, 4)
    const controller = new AbortController()
    const { tally, done } = run(zk, deletes(paths), 'children-first', { signal: controller.signal, onProgress: () => controller.abort() })
    const result = await done
    expect(result.stopped).toBe('cancelled')
    expect(tally.counts).toMatchObject({ succeeded: 8, notAttempted: 13 })
  })

  it('sends a batch of one op on its own, and refuses an op over the request limit without sending it', async () => {
    const zk = new FakeZk()
    zk.add('/s')
    const huge: MultiOp = { kind: 'setData', path: '/s', data: Buffer.alloc(1_048_576), version: 0 }
    const small: MultiOp = { kind: 'setData', path: '/s', data: Buffer.from('x'), version: 0 }
    const { tally, done } = run(zk, [huge, small], 'none', { maxOps: 1 })
    await done
    expect(tally.counts).toMatchObject({ succeeded: 1, failed: 1 })
    expect(tally.issues[0]).toMatchObject({ code: 'TOO_LARGE' })
    expect(zk.requests).toEqual(['setData'])
  })

  it('keeps batches under the byte budget', async () => {
    const zk = new FakeZk()
    zk.add('/d')
    const ops: MultiOp[] = Array.from({ length: 10 }, (_, i) => ({ kind: 'create', path: `/d/n${i}`, data: Buffer.alloc(100_000), acl: [], mode: 0 }))
    const { tally, done } = run(zk, ops, 'parents-first', { maxOps: 1000 })
    const result = await done
    expect(tally.counts.succeeded).toBe(10)
    // 256 KiB per batch: two 100 kB creates each.
    expect(result.batches).toBe(5)
  })
})
