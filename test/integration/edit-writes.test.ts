/**
 * Single-node writes against a real ZooKeeper, checked with kazoo (an
 * independent client): create in every mode the client can send, versioned
 * setData with conflicts, delete, ACLs, read-only refusal, size limit, undo,
 * the audit log, and bytes that must survive exactly (binary, GBK).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { kazooChildren, kazooGet, runKazoo } from '../helpers/kazoo'
import { b64, startEditHarness, type EditHarness } from './edit-harness'
import type { ZkError } from '../../shared/protocol/errors'

let ensemble: TestEnsemble
let harness: EditHarness
let conn: string

const gbk = Buffer.from('b5a5b6a9b7fecef1206f6e6c696e65', 'hex') // 订单服务 online, in GBK
const binary = Buffer.from([0x00, 0xff, 0x1f, 0x8b, 0x80, 0x0a, 0x0d, 0x00, 0xc3, 0x28, 0xfe])

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 1 })
  harness = startEditHarness()
  conn = await harness.connect(ensemble.connectString)
  await runKazoo(ensemble.connectString, "zk.ensure_path('/w'); result = True")
})

afterAll(async () => {
  await harness?.dispose()
  await ensemble?.stop()
})

const fail = (promise: Promise<unknown>) => promise.then(() => undefined, (error: ZkError) => error)

describe('create', () => {
  it('creates persistent nodes whose bytes kazoo reads back exactly (binary and GBK)', async () => {
    const created = await harness.call('createNode', { connectionId: conn, path: '/w/bin', data: b64(binary), mode: 'persistent', createParents: false })
    expect(created).toMatchObject({ path: '/w/bin', createdParents: [] })
    expect(created.stat.dataLength).toBe(binary.length)
    await harness.call('createNode', { connectionId: conn, path: '/w/gbk', data: b64(gbk), mode: 'persistent', createParents: false })
    const bin = await kazooGet(ensemble.connectString, '/w/bin')
    const text = await kazooGet(ensemble.connectString, '/w/gbk')
    expect(bin.ok && bin.node.data.equals(binary)).toBe(true)
    expect(text.ok && text.node.data.equals(gbk)).toBe(true)
  })

  it('creates sequential nodes and returns the real path, and ephemeral nodes owned by this session', async () => {
    const seq = await harness.call('createNode', { connectionId: conn, path: '/w/job-', data: '', mode: 'persistent-sequential', createParents: false })
    expect(seq.path).toMatch(/^\/w\/job-\d{10}$/)
    const eph = await harness.call('createNode', { connectionId: conn, path: '/w/lock-', data: '', mode: 'ephemeral-sequential', createParents: false })
    expect(eph.path).toMatch(/^\/w\/lock-\d{10}$/)
    const sessionId = harness.connections.info(conn).sessionId
    expect(eph.stat.ephemeralOwner).toBe(sessionId)
    const seen = await kazooGet(ensemble.connectString, eph.path)
    expect(seen.ok && seen.node.ephemeralOwner !== 0n).toBe(true)
  })

  it('creates missing parents in one transaction, with the ACL of the nearest existing ancestor', async () => {
    const created = await harness.call('createNode', { connectionId: conn, path: '/w/p1/p2/leaf', data: b64('x'), mode: 'persistent', createParents: true })
    expect(created.createdParents).toEqual(['/w/p1', '/w/p1/p2'])
    expect(await kazooChildren(ensemble.connectString, '/w/p1/p2')).toEqual(['leaf'])
    const missing = await fail(harness.call('createNode', { connectionId: conn, path: '/w/nope/leaf', data: '', mode: 'persistent', createParents: false }))
    expect(missing).toMatchObject({ code: 'NO_NODE' })
    expect((missing as ZkError).message).toMatch(/parent/)
  })

  it('refuses container and TTL modes with the reason, and reserved or invalid paths', async () => {
    const container = await fail(harness.call('createNode', { connectionId: conn, path: '/w/c', data: '', mode: 'container', createParents: false }))
    expect(container).toMatchObject({ code: 'INVALID_PARAMS' })
    expect((container as ZkError).message).toMatch(/node-zookeeper-client/)
    expect(await fail(harness.call('createNode', { connectionId: conn, path: '/w/t', data: '', mode: 'persistent-ttl', createParents: false }))).toMatchObject({ code: 'INVALID_PARAMS' })
    expect((await kazooGet(ensemble.connectString, '/w/c')).ok).toBe(false)
    expect(await fail(harness.call('createNode', { connectionId: conn, path: '/zookeeper/x', data: '', mode: 'persistent', createParents: false }))).toMatchObject({ code: 'INVALID_PATH' })
    expect(await fail(harness.call('createNode', { connectionId: conn, path: '/w/bad/', data: '', mode: 'persistent', createParents: false }))).toMatchObject({ code: 'INVALID_PARAMS' })
    expect(await fail(harness.call('createNode', { connectionId: conn, path: '/w/bin', data: '', mode: 'persistent', createParents: false }))).toMatchObject({ code: 'NODE_EXISTS' })
    const caps = await harness.call('getEditCapabilities', { connectionId: conn })
    expect(caps.createModes.find((m) => m.mode === 'container')).toMatchObject({ supported: false })
    expect(caps.createModes.find((m) => m.mode === 'ephemeral')?.note).toMatch(/session/)
  })

  it('refuses data over the request limit with TOO_LARGE before sending, and the session stays connected', async () => {
    const big = Buffer.alloc(1_048_560, 0x61)
    const error = await fail(harness.call('setData', { connectionId: conn, path: '/w/bin', data: b64(big), version: 0 }))
    expect(error).toMatchObject({ code: 'TOO_LARGE' })
    expect(harness.connections.info(conn).state).toBe('connected')
    // Just under the limit goes through.
    const fits = Buffer.alloc(1_048_575 - 8 - 4 - '/w/bin'.length - 4 - 4, 0x62)
    const saved = await harness.call('setData', { connectionId: conn, path: '/w/bin', data: b64(fits), version: 0 })
    expect(saved).toMatchObject({ status: 'saved' })
    expect(harness.connections.info(conn).state).toBe('connected')
    await harness.call('setData', { connectionId: conn, path: '/w/bin', data: b64(binary), version: 1 })
  })

  it('sets a digest ACL computed by the helper, which kazoo computes the same way', async () => {
    const { id } = await harness.call('computeDigest', { user: 'alice', password: 's3cr3t:x' })
    const theirs = await runKazoo<string>(ensemble.connectString, "from kazoo.security import make_digest_acl_credential; result = make_digest_acl_credential('alice', 's3cr3t:x')")
    expect(id).toBe(theirs)
    await harness.call('createNode', {
      connectionId: conn,
      path: '/w/secret',
      data: b64('hidden'),
      mode: 'persistent',
      createParents: false,
      acl: [{ scheme: 'digest', id, perms: 31 }, { scheme: 'world', id: 'anyone', perms: 1 }],
    })
    const denied = await fail(harness.call('setData', { connectionId: conn, path: '/w/secret', data: b64('mine'), version: 0 }))
    expect(denied).toMatchObject({ code: 'NO_AUTH' })
    expect((denied as ZkError).message).toMatch(/credentials/)
    const withAuth = await kazooGet(ensemble.connectString, '/w/secret', { auth: ['alice:s3cr3t:x'] })
    expect(withAuth.ok && withAuth.node.data.toString()).toBe('hidden')
  })
})

describe('setData', () => {
  it('saves with the version read and returns the new Stat', async () => {
    const saved = await harness.call('setData', { connectionId: conn, path: '/w/gbk', data: b64(gbk), version: 0 })
    expect(saved).toMatchObject({ status: 'saved', previousVersion: 0 })
    if (saved.status === 'saved') expect(saved.stat.version).toBe(1)
  })

  it('refuses a stale version and returns theirs, written by another client meanwhile', async () => {
    await harness.call('createNode', { connectionId: conn, path: '/w/race', data: b64('v0'), mode: 'persistent', createParents: false })
    await runKazoo(ensemble.connectString, "zk.set('/w/race', b'theirs \\xff')")
    const result = await harness.call('setData', { connectionId: conn, path: '/w/race', data: b64('mine'), version: 0 })
    expect(result.status).toBe('conflict')
    if (result.status !== 'conflict') return
    expect(result.theirs.stat.version).toBe(1)
    expect(Buffer.from(result.theirs.data.base64, 'base64').equals(Buffer.from('theirs \xff', 'latin1'))).toBe(true)
    const node = await kazooGet(ensemble.connectString, '/w/race')
    expect(node.ok && node.node.data.toString('latin1')).toBe('theirs \xff')
    // A deliberate overwrite is a new save against the version now there.
    expect(await harness.call('setData', { connectionId: conn, path: '/w/race', data: b64('mine'), version: 1 })).toMatchObject({ status: 'saved' })
  })

  it('has no blind overwrite: version -1 is refused by the schema', async () => {
    expect(await fail(harness.call('setData', { connectionId: conn, path: '/w/race', data: b64('x'), version: -1 }))).toMatchObject({ code: 'INVALID_PARAMS' })
    expect(await fail(harness.call('setData', { connectionId: conn, path: '/w/gone', data: b64('x'), version: 0 }))).toMatchObject({ code: 'NO_NODE' })
  })
})

describe('undo', () => {
  it('undoes the last edit while the version has not moved, and refuses once it has', async () => {
    await harness.call('createNode', { connectionId: conn, path: '/w/undo', data: b64(gbk), mode: 'persistent', createParents: false })
    expect(await harness.call('getUndo', { connectionId: conn, path: '/w/undo' })).toMatchObject({ available: false })
    await harness.call('setData', { connectionId: conn, path: '/w/undo', data: b64('new'), version: 0 })
    const info = await harness.call('getUndo', { connectionId: conn, path: '/w/undo' })
    expect(info).toMatchObject({ available: true, expectedVersion: 1 })
    expect(await harness.call('undoEdit', { connectionId: conn, path: '/w/undo' })).toMatchObject({ status: 'saved' })
    const back = await kazooGet(ensemble.connectString, '/w/undo')
    expect(back.ok && back.node.data.equals(gbk)).toBe(true)
    // Someone else writes: the undo (here a redo) must not overwrite them.
    await runKazoo(ensemble.connectString, "zk.set('/w/undo', b'kazoo')")
    const refused = await harness.call('undoEdit', { connectionId: conn, path: '/w/undo' })
    expect(refused.status).toBe('conflict')
    const after = await kazooGet(ensemble.connectString, '/w/undo')
    expect(after.ok && after.node.data.toString()).toBe('kazoo')
  })
})

describe('delete and ACL', () => {
  it('deletes one node at its version, refuses a stale version and a node with children', async () => {
    await harness.call('createNode', { connectionId: conn, path: '/w/del', data: '', mode: 'persistent', createParents: false })
    expect(await fail(harness.call('deleteNode', { connectionId: conn, path: '/w/del', version: 3 }))).toMatchObject({ code: 'BAD_VERSION' })
    await harness.call('deleteNode', { connectionId: conn, path: '/w/del', version: 0 })
    expect((await kazooGet(ensemble.connectString, '/w/del')).ok).toBe(false)
    const notEmpty = await fail(harness.call('deleteNode', { connectionId: conn, path: '/w/p1', version: 0 }))
    expect(notEmpty).toMatchObject({ code: 'NOT_EMPTY' })
    expect(await fail(harness.call('deleteNode', { connectionId: conn, path: '/', version: 0 }))).toMatchObject({ code: 'INVALID_PATH' })
  })

  it('sets an ACL at its aversion', async () => {
    const acl = [{ scheme: 'world', id: 'anyone', perms: 1 | 2 | 4 | 8 | 16 }, { scheme: 'ip', id: '127.0.0.1', perms: 1 }]
    const set = await harness.call('setAcl', { connectionId: conn, path: '/w/gbk', acl, aversion: 0 })
    expect(set.stat.aversion).toBe(1)
    expect(await fail(harness.call('setAcl', { connectionId: conn, path: '/w/gbk', acl, aversion: 0 }))).toMatchObject({ code: 'BAD_VERSION' })
    const theirs = await runKazoo<[string, string, number][]>(ensemble.connectString, "acls, _ = zk.get_acls('/w/gbk'); result = sorted([[a.id.scheme, a.id.id, a.perms] for a in acls])")
    expect(theirs).toEqual([['ip', '127.0.0.1', 1], ['world', 'anyone', 31]])
    expect(await fail(harness.call('setAcl', { connectionId: conn, path: '/w/gbk', acl: [{ scheme: 'digest', id: 'bob:short', perms: 31 }], aversion: 1 }))).toMatchObject({ code: 'INVALID_ACL' })
  })
})

describe('read-only connections', () => {
  it('refuse every write with READ_ONLY and send nothing', async () => {
    const ro = await harness.connect(ensemble.connectString, { readOnly: true, name: 'ro' })
    const caps = await harness.call('getEditCapabilities', { connectionId: ro })
    expect(caps).toMatchObject({ readOnly: true })
    const signalFree = { operationId: 'ro-op' }
    const attempts: Promise<unknown>[] = [
      harness.call('createNode', { connectionId: ro, path: '/w/ro', data: '', mode: 'persistent', createParents: false }),
      harness.call('setData', { connectionId: ro, path: '/w/race', data: '', version: 2 }),
      harness.call('deleteNode', { connectionId: ro, path: '/w/race', version: 2 }),
      harness.call('setAcl', { connectionId: ro, path: '/w/race', acl: [{ scheme: 'world', id: 'anyone', perms: 31 }], aversion: 0 }),
      harness.call('undoEdit', { connectionId: ro, path: '/w/race' }),
      harness.call('deleteTree', { ...signalFree, connectionId: ro, path: '/w', keepRoot: true }),
      harness.call('setAclTree', { ...signalFree, connectionId: ro, path: '/w', acl: [{ scheme: 'world', id: 'anyone', perms: 31 }] }),
      harness.call('copyTree', { ...signalFree, source: { connectionId: conn, path: '/w/p1' }, target: { connectionId: ro, path: '/w/p9' }, verify: true }),
      harness.call('moveTree', { ...signalFree, source: { connectionId: ro, path: '/w/p1' }, target: { connectionId: conn, path: '/w/p9' }, verify: true }),
      harness.call('planImport', {
        ...signalFree,
        connectionId: ro,
        targetPath: '/w',
        source: { kind: 'inline', text: '/w=x=1\n' },
        format: 'properties',
        includeEphemeral: false,
        existing: 'update',
        acl: 'default',
      }),
    ]
    for (const attempt of attempts) expect(await fail(attempt)).toMatchObject({ code: 'READ_ONLY' })
    expect((await kazooGet(ensemble.connectString, '/w/ro')).ok).toBe(false)
    expect((await kazooGet(ensemble.connectString, '/w/p9')).ok).toBe(false)
    await harness.connections.close(ro)
  })

  it('production connections accept writes and tell the UI to confirm them', async () => {
    const prod = await harness.connect(ensemble.connectString, { environment: 'production', name: 'prod' })
    expect(await harness.call('getEditCapabilities', { connectionId: prod })).toMatchObject({ environment: 'production', confirmWrites: true, readOnly: false })
    await harness.call('createNode', { connectionId: prod, path: '/w/prod', data: '', mode: 'persistent', createParents: false })
    await harness.connections.close(prod)
  })
})

describe('audit log', () => {
  it('records every write sent, ok or not, newest first, and pages and exports it', async () => {
    const page = await harness.call('listAudit', { limit: 5, connectionId: conn })
    expect(page.entries).toHaveLength(5)
    expect(page.nextCursor).toBeGreaterThan(0)
    const times = page.entries.map((e) => e.time)
    expect([...times].sort().reverse()).toEqual(times)
    const all = await harness.call('listAudit', { limit: 1000, connectionId: conn })
    const race = all.entries.filter((e) => e.path === '/w/race' && e.operation === 'setData')
    expect(race.some((e) => e.ok && e.versionBefore === 1 && e.versionAfter === 2)).toBe(true)
    const denied = all.entries.find((e) => e.path === '/w/secret' && !e.ok)
    expect(denied).toMatchObject({ operation: 'setData', error: { code: 'NO_AUTH' }, connection: 'test', connectString: ensemble.connectString })
    expect(all.entries.some((e) => e.operation === 'create' && e.path === '/w/p1' && e.detail === 'missing parent')).toBe(true)
    expect(all.entries.some((e) => e.operation === 'undo')).toBe(true)
    // Paging reaches everything exactly once.
    const seen: string[] = []
    let cursor: number | undefined
    do {
      const next = await harness.call('listAudit', { limit: 7, connectionId: conn, ...(cursor === undefined ? {} : { cursor }) })
      seen.push(...next.entries.map((e) => `${e.time} ${e.operation} ${e.path}`))
      cursor = next.nextCursor
    } while (cursor !== undefined)
    expect(seen).toEqual(all.entries.map((e) => `${e.time} ${e.operation} ${e.path}`))
    const exported = await harness.call('exportAudit', { destination: { kind: 'inline', maxBytes: 1_000_000 }, connectionId: conn })
    expect(exported.entries).toBe(all.entries.length)
    expect(exported.text?.trim().split('\n')).toHaveLength(all.entries.length)
  })

  it('lists and exports the entries of a file rotated away as well', async () => {
    const old = { time: '2020-01-01T00:00:00.000Z', connectionId: conn, connection: 'test', connectString: ensemble.connectString, environment: 'test', operation: 'setData', path: '/w/rotated-away', ok: true }
    // What a rotation leaves behind (audit-files.ts): the previous file under its number.
    writeFileSync(join(harness.auditDir, 'audit.1.ndjson'), `${JSON.stringify(old)}\n`)
    const all = await harness.call('listAudit', { limit: 1000, connectionId: conn })
    expect(all.entries.at(-1)?.path).toBe('/w/rotated-away')
    expect(all.entries[0]?.path).not.toBe('/w/rotated-away')
    const exported = await harness.call('exportAudit', { destination: { kind: 'inline', maxBytes: 1_000_000 }, connectionId: conn })
    expect(exported.entries).toBe(all.entries.length)
    expect(exported.text?.split('\n')[0]).toBe(JSON.stringify(old))
  })
})
