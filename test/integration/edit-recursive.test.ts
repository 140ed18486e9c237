/**
 * Recursive operations against a real ZooKeeper: preview, subtree delete
 * (with an independent client changing nodes while it runs, and cancel),
 * and recursive ACLs. Checked afterwards with kazoo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from 'node-zookeeper-client'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { kazooChildren, kazooGet, runKazoo } from '../helpers/kazoo'
import { connectRaw } from '../../bench/bench-tree'
import { b64, startEditHarness, type EditHarness } from './edit-harness'
import { buildTree, kazooCount, prepareRace, treePaths } from './edit-race'
import type { OperationReport } from '../../shared/protocol/edit-api'
import type { ZkError } from '../../shared/protocol/errors'

let ensemble: TestEnsemble
let harness: EditHarness
let conn: string
let other: Client

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 1 })
  harness = startEditHarness()
  conn = await harness.connect(ensemble.connectString)
  other = await connectRaw(ensemble.connectString)
})

afterAll(async () => {
  other?.close()
  await harness?.dispose()
  await ensemble?.stop()
})

const sum = (r: OperationReport) => r.succeeded + r.failed + r.skipped + r.uncertain + r.notAttempted

describe('previewSubtree', () => {
  it('counts the subtree and lists ephemeral nodes with their owners', async () => {
    await buildTree(ensemble.connectString, treePaths('/pv', 3, 4, 5))
    await harness.call('createNode', { connectionId: conn, path: '/pv/a0/mine', data: '', mode: 'ephemeral', createParents: false })
    await new Promise<void>((resolve, reject) => other.create('/pv/a1/theirs', Buffer.from('x'), 1, (error) => (error ? reject(error) : resolve())))
    const preview = await harness.call('previewSubtree', { operationId: 'pv1', connectionId: conn, path: '/pv', maxNodes: 10_000, sampleSize: 10 })
    expect(preview.nodeCount).toBe(1 + 3 + 12 + 60 + 2)
    expect(preview.depth).toBe(3)
    expect(preview.sample).toHaveLength(10)
    expect(preview.sample[0]).toBe('/pv')
    expect(preview.ephemeralCount).toBe(2)
    const mine = preview.ephemerals.find((e) => e.path === '/pv/a0/mine')
    const theirs = preview.ephemerals.find((e) => e.path === '/pv/a1/theirs')
    expect(mine).toMatchObject({ ownedByThisSession: true })
    expect(theirs).toMatchObject({ ownedByThisSession: false })
    expect(theirs?.owner).not.toBe(mine?.owner)
    const capped = await harness.call('previewSubtree', { operationId: 'pv2', connectionId: conn, path: '/pv', maxNodes: 10, sampleSize: 0 })
    expect(capped).toMatchObject({ nodeCount: 10, truncated: true })
    expect(await harness.call('previewSubtree', { operationId: 'pv3', connectionId: conn, path: '/nothing', maxNodes: 10, sampleSize: 0 }).catch((e: ZkError) => e)).toMatchObject({
      code: 'NO_NODE',
    })
  })
})

describe('deleteTree', () => {
  it('deletes a subtree bottom-up in batches and reports every node', async () => {
    const paths = treePaths('/del', 10, 20, 10)
    await buildTree(ensemble.connectString, paths)
    const report = await harness.call('deleteTree', { operationId: 'd1', connectionId: conn, path: '/del', keepRoot: false })
    expect(report).toMatchObject({ outcome: 'complete', total: paths.length, succeeded: paths.length, failed: 0, skipped: 0, atomic: false })
    expect(report.batches).toBeGreaterThan(1)
    expect((await kazooGet(ensemble.connectString, '/del')).ok).toBe(false)
    const done = harness.done.find((d) => d.operationId === 'd1')
    expect(done?.report).toMatchObject({ outcome: 'complete', succeeded: paths.length })
    const phases = harness.progress.filter((p) => p.operationId === 'd1').map((p) => p.phase)
    expect(phases).toContain('scanning')
    expect(phases).toContain('deleting')
    const audit = await harness.call('listAudit', { limit: 10_000, operationId: 'd1' })
    expect(audit.entries.filter((e) => e.operation === 'delete' && e.ok)).toHaveLength(paths.length)
    expect(audit.entries[0]).toMatchObject({ operation: 'delete-tree', path: '/del', ok: true })
  })

  it('keeps the root when asked, and a small subtree is one transaction', async () => {
    await buildTree(ensemble.connectString, treePaths('/keep', 2, 2, 2))
    const report = await harness.call('deleteTree', { operationId: 'd2', connectionId: conn, path: '/keep', keepRoot: true })
    expect(report).toMatchObject({ outcome: 'complete', total: 14, succeeded: 14, atomic: true, batches: 1 })
    expect(await kazooChildren(ensemble.connectString, '/keep')).toEqual([])
  })

  it('reports a child created meanwhile (NOT_EMPTY) and a node changed meanwhile (BAD_VERSION), and keeps their ancestors', async () => {
    const paths = treePaths('/race', 30, 100, 10)
    await buildTree(ensemble.connectString, paths)
    const race = await prepareRace(ensemble.connectString, 'delete', "zk.create('/race/a0/raced', b'new')\nzk.set('/race/a1', b'changed')")
    harness.onEvent((event, payload) => {
      if (event === 'edit.progress' && 'phase' in payload && payload.operationId === 'd3' && payload.phase === 'deleting') race.fire()
    })
    const report = await harness.call('deleteTree', { operationId: 'd3', connectionId: conn, path: '/race', keepRoot: false })
    await race.finished
    expect(report.outcome).toBe('partial')
    expect(report.total).toBe(paths.length)
    expect(sum(report)).toBe(report.total)
    expect(report.failed).toBe(2)
    expect(report.skipped).toBe(1)
    expect(report.succeeded).toBe(paths.length - 3)
    const byPath = new Map(report.issues.map((i) => [i.path, i]))
    expect(byPath.get('/race/a0')).toMatchObject({ status: 'failed', code: 'NOT_EMPTY' })
    expect(byPath.get('/race/a1')).toMatchObject({ status: 'failed', code: 'BAD_VERSION' })
    expect(byPath.get('/race')).toMatchObject({ status: 'skipped' })
    expect((await kazooChildren(ensemble.connectString, '/race')).sort()).toEqual(['a0', 'a1'])
    expect(await kazooChildren(ensemble.connectString, '/race/a0')).toEqual(['raced'])
    const changed = await kazooGet(ensemble.connectString, '/race/a1')
    expect(changed.ok && changed.node.data.toString()).toBe('changed')
  })

  it('stops when cancelled and reports exactly how far it got', async () => {
    const paths = treePaths('/cancel', 10, 100, 10)
    await buildTree(ensemble.connectString, paths)
    const controller = new AbortController()
    harness.onEvent((event, payload) => {
      if (event === 'edit.progress' && 'phase' in payload && payload.operationId === 'd4' && payload.phase === 'deleting' && payload.done > 0) controller.abort()
    })
    const report = await harness.call('deleteTree', { operationId: 'd4', connectionId: conn, path: '/cancel', keepRoot: false }, controller.signal)
    expect(report.outcome).toBe('cancelled')
    expect(report.succeeded).toBeGreaterThan(0)
    expect(report.notAttempted).toBeGreaterThan(0)
    expect(sum(report)).toBe(paths.length)
    expect(await kazooCount(ensemble.connectString, '/cancel')).toBe(paths.length - report.succeeded)
    expect(harness.done.find((d) => d.operationId === 'd4')?.report).toMatchObject({ outcome: 'cancelled', succeeded: report.succeeded })
  })

  it('previews and deletes several selected subtrees as one operation, a selected node inside another counted once', async () => {
    await buildTree(ensemble.connectString, [...treePaths('/multi', 3, 2, 2), '/multi-other', '/multi-other/x', '/multi-keep'])
    const selection = { path: '/multi/a0', morePaths: ['/multi/a2', '/multi/a0/b1', '/multi-other'] }
    const preview = await harness.call('previewSubtree', { operationId: 'pm', connectionId: conn, ...selection, maxNodes: 1_000, sampleSize: 100 })
    expect(preview.roots).toEqual([
      { path: '/multi/a0', nodeCount: 7, ephemeralCount: 0 },
      { path: '/multi/a2', nodeCount: 7, ephemeralCount: 0 },
      { path: '/multi-other', nodeCount: 2, ephemeralCount: 0 },
    ])
    expect(preview.nodeCount).toBe(16)
    expect(preview.sample).toContain('/multi-other/x')
    const capped = await harness.call('previewSubtree', { operationId: 'pm2', connectionId: conn, ...selection, maxNodes: 10, sampleSize: 0 })
    expect(capped).toMatchObject({ nodeCount: 10, truncated: true })

    const report = await harness.call('deleteTree', { operationId: 'dm', connectionId: conn, ...selection, keepRoot: false })
    expect(report).toMatchObject({ outcome: 'complete', total: 16, succeeded: 16 })
    expect(await kazooChildren(ensemble.connectString, '/multi')).toEqual(['a1'])
    expect(await kazooCount(ensemble.connectString, '/multi/a1')).toBe(7)
    expect((await kazooGet(ensemble.connectString, '/multi-other')).ok).toBe(false)
    expect((await kazooGet(ensemble.connectString, '/multi-keep')).ok).toBe(true)
    const audit = await harness.call('listAudit', { limit: 100, operationId: 'dm' })
    expect(audit.entries[0]).toMatchObject({ operation: 'delete-tree', path: '/multi/a0', ok: true })
    expect(audit.entries[0]?.detail).toMatch(/^3 subtrees: \/multi\/a0, \/multi\/a2, \/multi-other;/)
  })

  it('refuses a selection that holds the root, /zookeeper or a missing node, before deleting anything', async () => {
    await buildTree(ensemble.connectString, ['/sel-safe'])
    const withRoot = await harness.call('deleteTree', { operationId: 'dm2', connectionId: conn, path: '/sel-safe', morePaths: ['/'], keepRoot: false }).catch((e: ZkError) => e)
    expect(withRoot).toMatchObject({ code: 'INVALID_PATH' })
    const withZk = await harness.call('deleteTree', { operationId: 'dm3', connectionId: conn, path: '/sel-safe', morePaths: ['/zookeeper/quota'], keepRoot: false }).catch((e: ZkError) => e)
    expect(withZk).toMatchObject({ code: 'INVALID_PATH' })
    // A selected node that is gone ends the scan before any write: the rest stays.
    await buildTree(ensemble.connectString, treePaths('/sel-many', 40, 1, 1))
    const some = Array.from({ length: 40 }, (_, i) => `/sel-many/a${i}`)
    const withGone = await harness.call('deleteTree', { operationId: 'dm4', connectionId: conn, path: '/sel-safe', morePaths: [...some, '/sel-gone'], keepRoot: false }).catch((e: ZkError) => e)
    expect(withGone).toMatchObject({ code: 'NO_NODE' })
    expect((await kazooGet(ensemble.connectString, '/sel-safe')).ok).toBe(true)
    expect(await kazooCount(ensemble.connectString, '/sel-many')).toBe(1 + 40 * 3)
  })

  it('refuses the root and /zookeeper', async () => {
    const root = await harness.call('deleteTree', { operationId: 'd5', connectionId: conn, path: '/', keepRoot: false }).catch((e: ZkError) => e)
    expect(root).toMatchObject({ code: 'INVALID_PATH' })
    const zk = await harness.call('deleteTree', { operationId: 'd6', connectionId: conn, path: '/zookeeper', keepRoot: true }).catch((e: ZkError) => e)
    expect(zk).toMatchObject({ code: 'INVALID_PATH' })
    expect(harness.done.find((d) => d.operationId === 'd6')?.error).toMatchObject({ code: 'INVALID_PATH' })
  })
})

describe('setAclTree', () => {
  it('sets the ACL on every node at its aversion; a node whose ACL changed meanwhile is reported, not overwritten', async () => {
    const paths = treePaths('/acl', 10, 30, 10)
    await buildTree(ensemble.connectString, paths)
    const preview = await harness.call('previewSubtree', { operationId: 'a0', connectionId: conn, path: '/acl', maxNodes: 100_000, sampleSize: 5 })
    expect(preview.nodeCount).toBe(paths.length)
    const race = await prepareRace(
      ensemble.connectString,
      'acl',
      "from kazoo.security import make_acl\nzk.set_acls('/acl/a9/b29/c9', [make_acl('world', 'anyone', read=True, admin=True)])",
    )
    harness.onEvent((event, payload) => {
      if (event === 'edit.progress' && 'phase' in payload && payload.operationId === 'a1' && payload.phase === 'writing') race.fire()
    })
    const acl = [{ scheme: 'world', id: 'anyone', perms: 1 | 4 | 8 | 16 }]
    const report = await harness.call('setAclTree', { operationId: 'a1', connectionId: conn, path: '/acl', acl })
    await race.finished
    expect(sum(report)).toBe(paths.length)
    expect(report.failed).toBe(1)
    expect(report.issues[0]).toMatchObject({ path: '/acl/a9/b29/c9', code: 'BAD_VERSION' })
    const perms = await runKazoo<number[]>(
      ensemble.connectString,
      "result = [zk.get_acls(p)[0][0].perms for p in ['/acl', '/acl/a3/b2', '/acl/a9/b29/c8', '/acl/a9/b29/c9']]",
    )
    expect(perms).toEqual([29, 29, 29, 17])
  })
})

describe('bytes', () => {
  it('keeps binary data through create and setData (kazoo reads it back)', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
    await harness.call('createNode', { connectionId: conn, path: '/bytes', data: b64(bytes), mode: 'persistent', createParents: false })
    const read = await kazooGet(ensemble.connectString, '/bytes')
    expect(read.ok && read.node.data.equals(bytes)).toBe(true)
  })
})
