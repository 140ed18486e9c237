/**
 * Copy and move against real ZooKeeper: within one ensemble (atomic when it
 * fits one transaction, batched and verified when not) and across two
 * ensembles, with data (binary, GBK) and ACLs carried over byte for byte,
 * and an independent client changing the source while a move runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { kazooChildren, kazooGet, runKazoo } from '../helpers/kazoo'
import { b64, startEditHarness, type EditHarness } from './edit-harness'
import { buildTree, kazooCount, prepareRace, treePaths } from './edit-race'
import type { TransferReport } from '../../shared/protocol/edit-api'
import type { ZkError } from '../../shared/protocol/errors'

let prod: TestEnsemble
let staging: TestEnsemble
let harness: EditHarness
let a: string
let b: string

const gbk = Buffer.from('b5a5b6a9b7fecef1', 'hex')
const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x1f, 0x8b, 0x00])

beforeAll(async () => {
  ;[prod, staging] = await Promise.all([startEnsemble({ size: 1 }), startEnsemble({ size: 1 })])
  harness = startEditHarness()
  a = await harness.connect(prod.connectString, { name: 'prod' })
  b = await harness.connect(staging.connectString, { name: 'staging' })
  // A small configuration subtree with text, GBK, binary data and a digest-protected node (readable by anyone).
  await runKazoo(
    prod.connectString,
    `
from kazoo.security import make_acl, make_digest_acl
zk.create('/cfg', b'root')
zk.create('/cfg/db', b'{"url": "jdbc:x"}')
zk.create('/cfg/db/gbk', bytes.fromhex('b5a5b6a9b7fecef1'))
zk.create('/cfg/bin', bytes([0, 1, 2, 0xff, 0xfe, 0x1f, 0x8b, 0x00]))
zk.create('/cfg/secure', b'token', acl=[make_digest_acl('ops', 'pw', all=True), make_acl('world', 'anyone', read=True)])
result = True
`,
  )
})

afterAll(async () => {
  await harness?.dispose()
  await Promise.all([prod?.stop(), staging?.stop()])
})

async function snapshot(connectString: string, root: string) {
  return runKazoo<Record<string, { data: string; acl: string[] }>>(
    connectString,
    `
out = {}
def walk(p, rel):
    d, s = zk.get(p)
    acls, _ = zk.get_acls(p)
    out[rel] = {'data': b64(d) or '', 'acl': sorted('%s:%s:%d' % (a.id.scheme, a.id.id, a.perms) for a in acls)}
    for c in zk.get_children(p):
        walk(p + '/' + c, rel + '/' + c)
walk(args['root'], '')
result = out
`,
    { root },
  )
}

const sum = (r: TransferReport) => r.succeeded + r.failed + r.skipped + r.uncertain + r.notAttempted

describe('copyTree', () => {
  it('copies a small subtree in one transaction with data and ACLs, verified', async () => {
    const report = await harness.call('copyTree', { operationId: 'c1', source: { connectionId: a, path: '/cfg' }, target: { connectionId: a, path: '/cfg-copy' }, verify: true })
    expect(report).toMatchObject({ outcome: 'complete', atomic: true, total: 5, succeeded: 5, batches: 1 })
    expect(report.verification).toMatchObject({ ok: true, expected: 5, found: 5 })
    expect(await snapshot(prod.connectString, '/cfg-copy')).toEqual(await snapshot(prod.connectString, '/cfg'))
  })

  it('copies to another ensemble byte for byte (GBK, binary) with the digest ACL', async () => {
    await runKazoo(staging.connectString, "zk.ensure_path('/imported'); result = True")
    const report = await harness.call('copyTree', { operationId: 'c2', source: { connectionId: a, path: '/cfg' }, target: { connectionId: b, path: '/imported/cfg' }, verify: true })
    expect(report).toMatchObject({ outcome: 'complete', succeeded: 5 })
    expect(report.verification?.ok).toBe(true)
    expect(await snapshot(staging.connectString, '/imported/cfg')).toEqual(await snapshot(prod.connectString, '/cfg'))
    const g = await kazooGet(staging.connectString, '/imported/cfg/db/gbk')
    expect(g.ok && g.node.data.equals(gbk)).toBe(true)
    const bin = await kazooGet(staging.connectString, '/imported/cfg/bin')
    expect(bin.ok && bin.node.data.equals(binary)).toBe(true)
    const secured = await harness.call('setData', { connectionId: b, path: '/imported/cfg/secure', data: b64('x'), version: 0 }).catch((e: ZkError) => e)
    expect(secured).toMatchObject({ code: 'NO_AUTH' })
  })

  it('copies a subtree larger than one batch in several transactions, says it is not atomic, and verifies it', async () => {
    // 1.5 KiB per node: the builder's 500-node transactions stay under the request limit, the copy needs several batches.
    const data = Buffer.alloc(1536, 0x41)
    await buildTree(prod.connectString, treePaths('/big', 5, 10, 10), data)
    const report = await harness.call('copyTree', { operationId: 'c3', source: { connectionId: a, path: '/big' }, target: { connectionId: a, path: '/big2' }, verify: true })
    const nodes = 1 + 5 + 50 + 500
    expect(report).toMatchObject({ outcome: 'complete', atomic: false, total: nodes, succeeded: nodes })
    expect(report.batches).toBeGreaterThanOrEqual(3)
    expect(report.message).toMatch(/not atomic/)
    expect(report.verification).toMatchObject({ ok: true, found: nodes })
    expect(await kazooCount(prod.connectString, '/big2')).toBe(nodes)
  })

  it('refuses a target that exists, a missing parent, and a copy into itself', async () => {
    const exists = await harness.call('copyTree', { operationId: 'c4', source: { connectionId: a, path: '/cfg' }, target: { connectionId: a, path: '/cfg-copy' }, verify: false }).catch((e: ZkError) => e)
    expect(exists).toMatchObject({ code: 'NODE_EXISTS' })
    const orphan = await harness.call('copyTree', { operationId: 'c5', source: { connectionId: a, path: '/cfg' }, target: { connectionId: a, path: '/no/such' }, verify: false }).catch((e: ZkError) => e)
    expect(orphan).toMatchObject({ code: 'NO_NODE' })
    const inside = await harness.call('copyTree', { operationId: 'c6', source: { connectionId: a, path: '/cfg' }, target: { connectionId: a, path: '/cfg/db/again' }, verify: false }).catch((e: ZkError) => e)
    expect(inside).toMatchObject({ code: 'INVALID_PARAMS' })
  })

  it('leaves ephemeral nodes behind and says so', async () => {
    await harness.call('createNode', { connectionId: a, path: '/cfg-copy/db/session', data: '', mode: 'ephemeral', createParents: false })
    const report = await harness.call('copyTree', { operationId: 'c7', source: { connectionId: a, path: '/cfg-copy' }, target: { connectionId: b, path: '/eph' }, verify: true })
    expect(report).toMatchObject({ outcome: 'complete', succeeded: 5, left: { ephemeral: 1, unreadable: 0 } })
    expect(report.message).toMatch(/ephemeral/)
    expect(await kazooChildren(staging.connectString, '/eph/db')).toEqual(['gbk'])
  })
})

describe('moveTree', () => {
  it('renames a small subtree atomically', async () => {
    await buildTree(prod.connectString, treePaths('/mv', 2, 3, 2))
    const before = await snapshot(prod.connectString, '/mv')
    const report = await harness.call('moveTree', { operationId: 'm1', source: { connectionId: a, path: '/mv' }, target: { connectionId: a, path: '/mv-renamed' }, verify: true })
    expect(report).toMatchObject({ outcome: 'complete', atomic: true, total: 21, succeeded: 21, removal: { total: 21, succeeded: 21 } })
    expect((await kazooGet(prod.connectString, '/mv')).ok).toBe(false)
    expect(await snapshot(prod.connectString, '/mv-renamed')).toEqual(before)
  })

  it('refuses to move a subtree holding ephemeral nodes, and changes nothing', async () => {
    const refused = await harness.call('moveTree', { operationId: 'm2', source: { connectionId: a, path: '/cfg-copy' }, target: { connectionId: a, path: '/moved' }, verify: true }).catch((e: ZkError) => e)
    expect(refused).toMatchObject({ code: 'INVALID_PARAMS' })
    expect((refused as ZkError).message).toMatch(/ephemeral/)
    expect((await kazooGet(prod.connectString, '/moved')).ok).toBe(false)
  })

  it('an atomic move refused by the server changes nothing', async () => {
    await buildTree(prod.connectString, treePaths('/atom', 2, 2, 0))
    // Deleting a child needs DELETE on its parent: without it the transaction's last deletes fail, so none of it happens.
    await runKazoo(prod.connectString, "from kazoo.security import make_acl\nzk.set_acls('/atom/a1', [make_acl('world', 'anyone', read=True, write=True, create=True, admin=True)])")
    const report = await harness.call('moveTree', { operationId: 'm3', source: { connectionId: a, path: '/atom' }, target: { connectionId: a, path: '/atom2' }, verify: true })
    expect(report).toMatchObject({ outcome: 'failed', atomic: true, succeeded: 0, failed: 0, removal: { failed: 1 } })
    expect(report.issues[0]).toMatchObject({ op: 'delete', code: 'NO_AUTH' })
    expect(report.message).toMatch(/nothing was moved/)
    expect((await kazooGet(prod.connectString, '/atom2')).ok).toBe(false)
    expect(await kazooCount(prod.connectString, '/atom')).toBe(7)
  })

  it('moves a large subtree to another ensemble in batches: copy, verify, then delete; a source node changed meanwhile stays', async () => {
    const paths = treePaths('/fleet', 10, 20, 10)
    await buildTree(prod.connectString, paths, Buffer.from('v1'))
    const race = await prepareRace(prod.connectString, 'move', "zk.set('/fleet/a3', b'changed during the move')")
    harness.onEvent((event, payload) => {
      if (event === 'edit.progress' && 'phase' in payload && payload.operationId === 'm4' && payload.phase === 'writing') race.fire()
    })
    const report = await harness.call('moveTree', { operationId: 'm4', source: { connectionId: a, path: '/fleet' }, target: { connectionId: b, path: '/fleet' }, verify: true })
    await race.finished
    expect(report.atomic).toBe(false)
    expect(report).toMatchObject({ total: paths.length, succeeded: paths.length })
    expect(sum(report)).toBe(report.total)
    expect(report.verification?.ok).toBe(true)
    expect(report.removal).toMatchObject({ total: paths.length, failed: 1, skipped: 1, succeeded: paths.length - 2 })
    expect(report.outcome).toBe('partial')
    expect(report.issues.find((i) => i.path === '/fleet/a3')).toMatchObject({ op: 'delete', status: 'failed', code: 'BAD_VERSION' })
    expect(report.issues.find((i) => i.path === '/fleet')).toMatchObject({ op: 'delete', status: 'skipped' })
    // The changed node and its ancestor stay on the source; everything arrived on the target.
    expect(await kazooCount(prod.connectString, '/fleet')).toBe(2)
    const kept = await kazooGet(prod.connectString, '/fleet/a3')
    expect(kept.ok && kept.node.data.toString()).toBe('changed during the move')
    expect(await kazooCount(staging.connectString, '/fleet')).toBe(paths.length)
  })

  it('keeps the source when cancelled before the delete phase', async () => {
    const paths = treePaths('/keepme', 10, 20, 5)
    await buildTree(prod.connectString, paths)
    const controller = new AbortController()
    harness.onEvent((event, payload) => {
      if (event === 'edit.progress' && 'phase' in payload && payload.operationId === 'm5' && payload.phase === 'verifying') controller.abort()
    })
    const report = await harness.call('moveTree', { operationId: 'm5', source: { connectionId: a, path: '/keepme' }, target: { connectionId: b, path: '/keepme' }, verify: true }, controller.signal)
    expect(report.outcome).toBe('cancelled')
    expect(report.removal).toMatchObject({ total: paths.length, succeeded: 0, notAttempted: paths.length })
    expect(report.message).toMatch(/source was kept/)
    expect(await kazooCount(prod.connectString, '/keepme')).toBe(paths.length)
  })
})
