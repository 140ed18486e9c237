/**
 * Export, import and diff against real ZooKeeper: the documented JSON
 * format streamed to a file or returned inline, zkui properties, a dry run
 * that plans before anything is written, an independent client changing
 * nodes between the dry run and the apply, and subtree diffs across two
 * ensembles. Bytes (binary, GBK) are checked with kazoo.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { kazooChildren, kazooGet, runKazoo } from '../helpers/kazoo'
import { startEditHarness, type EditHarness } from './edit-harness'
import type { ZkError } from '../../shared/protocol/errors'

let prod: TestEnsemble
let staging: TestEnsemble
let harness: EditHarness
let a: string
let b: string
let dir: string

const gbk = Buffer.from('b5a5b6a9b7fecef1', 'hex')
const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x1f, 0x8b, 0x00])

const SEED = `
from kazoo.security import make_acl, make_digest_acl
zk.create('/app', b'')
zk.create('/app/db', b'{"url": "jdbc:x"}\\nline2')
zk.create('/app/db/gbk', bytes.fromhex('b5a5b6a9b7fecef1'))
zk.create('/app/bin', bytes([0, 1, 2, 0xff, 0xfe, 0x1f, 0x8b, 0x00]))
zk.create('/app/secure', b'token', acl=[make_digest_acl('ops', 'pw', all=True), make_acl('world', 'anyone', read=True)])
zk.create('/app/empty', b'')
result = True
`

beforeAll(async () => {
  ;[prod, staging] = await Promise.all([startEnsemble({ size: 1 }), startEnsemble({ size: 1 })])
  harness = startEditHarness()
  a = await harness.connect(prod.connectString, { name: 'prod' })
  b = await harness.connect(staging.connectString, { name: 'staging' })
  dir = mkdtempSync(join(tmpdir(), 'zk-console-export-'))
  await runKazoo(prod.connectString, SEED)
  await harness.call('createNode', { connectionId: a, path: '/app/session', data: '', mode: 'ephemeral', createParents: false })
})

afterAll(async () => {
  await harness?.dispose()
  await Promise.all([prod?.stop(), staging?.stop()])
  if (dir) rmSync(dir, { recursive: true, force: true })
})

interface FileNode {
  path: string
  rel: string
  base64: string
  text?: string
  acl: unknown[]
  ephemeral?: true
}

describe('exportTree', () => {
  it('streams the JSON format to a file: base64 always, text when clean, ACL and Stat, ephemeral nodes left out', async () => {
    const file = join(dir, 'app.json')
    const result = await harness.call('exportTree', {
      operationId: 'e1',
      connectionId: a,
      path: '/app',
      format: 'json',
      includeEphemeral: false,
      destination: { kind: 'file', path: file, overwrite: false },
    })
    expect(result).toMatchObject({ nodes: 6, skippedEphemeral: 1, filePath: file })
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number; source: { root: string }; nodes: FileNode[]; summary: { nodes: number } }
    expect(parsed).toMatchObject({ format: 'zookeeper-console-export', version: 1, source: { root: '/app' }, summary: { nodes: 6 } })
    const byRel = new Map(parsed.nodes.map((n) => [n.rel, n]))
    expect(byRel.get('/db')?.text).toBe('{"url": "jdbc:x"}\nline2')
    expect(Buffer.from(byRel.get('/db/gbk')?.base64 ?? '', 'base64').equals(gbk)).toBe(true)
    expect(byRel.get('/db/gbk')?.text).toBeUndefined()
    expect(Buffer.from(byRel.get('/bin')?.base64 ?? '', 'base64').equals(binary)).toBe(true)
    expect(byRel.get('/secure')?.acl).toHaveLength(2)
    expect(byRel.has('/session')).toBe(false)
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([])
  })

  it('includes ephemeral nodes when asked, returns small exports inline, and refuses past the inline cap', async () => {
    const inline = await harness.call('exportTree', {
      operationId: 'e2',
      connectionId: a,
      path: '/app',
      format: 'json',
      includeEphemeral: true,
      destination: { kind: 'inline', maxBytes: 1_000_000 },
    })
    expect(inline.nodes).toBe(7)
    const nodes = (JSON.parse(inline.text ?? '') as { nodes: FileNode[] }).nodes
    expect(nodes.find((n) => n.rel === '/session')?.ephemeral).toBe(true)
    const capped = await harness
      .call('exportTree', { operationId: 'e3', connectionId: a, path: '/app', format: 'json', includeEphemeral: false, destination: { kind: 'inline', maxBytes: 200 } })
      .catch((e: ZkError) => e)
    expect(capped).toMatchObject({ code: 'TOO_LARGE' })
  })

  it('leaves no file behind when cancelled', async () => {
    const file = join(dir, 'cancelled.json')
    const controller = new AbortController()
    controller.abort()
    const cancelled = await harness
      .call('exportTree', { operationId: 'e8', connectionId: a, path: '/app', format: 'json', includeEphemeral: false, destination: { kind: 'file', path: file, overwrite: false } }, controller.signal)
      .catch((e: ZkError) => e)
    expect(cancelled).toMatchObject({ code: 'CANCELLED' })
    expect(readdirSync(dir).filter((f) => f.startsWith('cancelled'))).toEqual([])
    expect(harness.done.find((d) => d.operationId === 'e8')?.error).toMatchObject({ code: 'CANCELLED' })
  })

  it('refuses to overwrite a file unless asked', async () => {
    const file = join(dir, 'exists.json')
    writeFileSync(file, 'keep me')
    const refused = await harness
      .call('exportTree', { operationId: 'e4', connectionId: a, path: '/app', format: 'json', includeEphemeral: false, destination: { kind: 'file', path: file, overwrite: false } })
      .catch((e: ZkError) => e)
    expect(refused).toMatchObject({ code: 'INVALID_PARAMS' })
    expect(readFileSync(file, 'utf8')).toBe('keep me')
    await harness.call('exportTree', { operationId: 'e5', connectionId: a, path: '/app', format: 'json', includeEphemeral: false, destination: { kind: 'file', path: file, overwrite: true } })
    expect(readFileSync(file, 'utf8')).toMatch(/^\{"format":"zookeeper-console-export"/)
  })

  it('writes zkui properties for text leaves only', async () => {
    const result = await harness.call('exportTree', {
      operationId: 'e6',
      connectionId: a,
      path: '/app',
      format: 'properties',
      includeEphemeral: false,
      destination: { kind: 'inline', maxBytes: 100_000 },
    })
    const lines = (result.text ?? '').split('\n').filter((l) => l && !l.startsWith('#'))
    expect(lines.sort()).toEqual(['/app=empty=', '/app=secure=token'])
    // /app/db has data and children; gbk and bin are not UTF-8 text.
    expect(result.skippedNotRepresentable).toBe(3)
  })

  it('refuses file destinations when the host does not allow files', async () => {
    const web = startEditHarness({ fileAccess: false })
    const c = await web.connect(prod.connectString)
    const refused = await web
      .call('exportTree', { operationId: 'e7', connectionId: c, path: '/app', format: 'json', includeEphemeral: false, destination: { kind: 'file', path: join(dir, 'web.json'), overwrite: false } })
      .catch((e: ZkError) => e)
    expect(refused).toMatchObject({ code: 'INVALID_PARAMS' })
    await web.dispose()
  })
})

describe('import', () => {
  it('restores an export on another ensemble byte for byte, with ACLs, after a dry run', async () => {
    const exported = await harness.call('exportTree', { operationId: 'i0', connectionId: a, path: '/app', format: 'json', includeEphemeral: false, destination: { kind: 'inline', maxBytes: 1_000_000 } })
    const plan = await harness.call('planImport', {
      operationId: 'i1',
      connectionId: b,
      targetPath: '/restored/app',
      source: { kind: 'inline', text: exported.text ?? '' },
      format: 'json',
      includeEphemeral: false,
      existing: 'update',
      acl: 'from-file',
    })
    // /restored is missing: planned as a create too.
    expect(plan.counts).toEqual({ create: 7, update: 0, unchanged: 0, conflict: 0 })
    expect(plan.sourceRoot).toBe('/app')
    expect((await kazooGet(staging.connectString, '/restored')).ok).toBe(false)
    const report = await harness.call('applyImport', { operationId: 'i2', planId: plan.planId })
    expect(report).toMatchObject({ outcome: 'complete', total: 7, succeeded: 7 })
    const g = await kazooGet(staging.connectString, '/restored/app/db/gbk')
    expect(g.ok && g.node.data.equals(gbk)).toBe(true)
    const bin = await kazooGet(staging.connectString, '/restored/app/bin')
    expect(bin.ok && bin.node.data.equals(binary)).toBe(true)
    const acl = await runKazoo<string[]>(staging.connectString, "acls, _ = zk.get_acls('/restored/app/secure'); result = sorted(a.id.scheme for a in acls)")
    expect(acl).toEqual(['digest', 'world'])
    expect(await harness.call('applyImport', { operationId: 'i3', planId: plan.planId }).catch((e: ZkError) => e)).toMatchObject({ code: 'INVALID_PARAMS' })
  })

  it('plans creates, updates, unchanged and conflicts, and an apply refuses what changed since the dry run', async () => {
    await runKazoo(
      staging.connectString,
      `
zk.set('/restored/app/db', b'edited on staging')
zk.delete('/restored/app/empty')
result = True
`,
    )
    await harness.call('createNode', { connectionId: b, path: '/restored/app/session', data: '', mode: 'ephemeral', createParents: false })
    const text = JSON.stringify({
      format: 'zookeeper-console-export',
      version: 1,
      source: { root: '/app' },
      nodes: [
        { rel: '', text: '' },
        { rel: '/db', text: 'from the file' },
        { rel: '/empty', text: 'back' },
        { rel: '/empty/child', text: 'below' },
        { rel: '/bin', base64: binary.toString('base64') },
        { rel: '/session', text: 'clash' },
        { rel: '/fresh', text: 'new' },
      ],
      summary: { nodes: 7 },
    })
    const params = { operationId: 'i4', connectionId: b, targetPath: '/restored/app', source: { kind: 'inline' as const, text }, format: 'json' as const, includeEphemeral: false, acl: 'default' as const }
    const skip = await harness.call('planImport', { ...params, existing: 'skip' })
    expect(skip.counts).toEqual({ create: 3, update: 0, unchanged: 2, conflict: 2 })
    await harness.call('discardImport', { planId: skip.planId })
    const plan = await harness.call('planImport', { ...params, existing: 'update' })
    expect(plan.counts).toEqual({ create: 3, update: 1, unchanged: 2, conflict: 1 })
    expect(plan.items[0]).toMatchObject({ path: '/restored/app/session', action: 'conflict' })
    expect(plan.items.find((i) => i.path === '/restored/app/db')).toMatchObject({ action: 'update', currentVersion: 1, dataChanged: true })
    // Between the dry run and the apply, someone else edits a node to update and creates a node to create.
    await runKazoo(staging.connectString, "zk.set('/restored/app/db', b'edited again'); zk.create('/restored/app/empty', b'theirs'); result = True")
    const report = await harness.call('applyImport', { operationId: 'i5', planId: plan.planId })
    expect(report.outcome).toBe('partial')
    expect(report).toMatchObject({ total: 4, succeeded: 1, failed: 2, skipped: 1 })
    const issues = new Map(report.issues.map((i) => [i.path, i]))
    expect(issues.get('/restored/app/db')).toMatchObject({ code: 'BAD_VERSION', status: 'failed' })
    expect(issues.get('/restored/app/db')?.message).toMatch(/dry run/)
    expect(issues.get('/restored/app/empty')).toMatchObject({ code: 'NODE_EXISTS', status: 'failed' })
    expect(issues.get('/restored/app/empty/child')).toMatchObject({ status: 'skipped' })
    expect(report.message).toMatch(/1 conflict/)
    const db = await kazooGet(staging.connectString, '/restored/app/db')
    expect(db.ok && db.node.data.toString()).toBe('edited again')
    const empty = await kazooGet(staging.connectString, '/restored/app/empty')
    expect(empty.ok && empty.node.data.toString()).toBe('theirs')
    const fresh = await kazooGet(staging.connectString, '/restored/app/fresh')
    expect(fresh.ok && fresh.node.data.toString()).toBe('new')
  })

  it('imports zkui properties, creating missing parents', async () => {
    const text = '# dump\n/props/svc=timeout=30\n/props/svc/deep=name=a\\nb\n-/props/old\n'
    const plan = await harness.call('planImport', {
      operationId: 'i6',
      connectionId: b,
      targetPath: '/',
      source: { kind: 'inline', text },
      format: 'properties',
      includeEphemeral: false,
      existing: 'update',
      acl: 'default',
    })
    expect(plan.counts).toEqual({ create: 5, update: 0, unchanged: 0, conflict: 0 })
    expect(plan.parseIssues).toHaveLength(1)
    await harness.call('applyImport', { operationId: 'i7', planId: plan.planId })
    const name = await kazooGet(staging.connectString, '/props/svc/deep/name')
    expect(name.ok && name.node.data.toString()).toBe('a\nb')
    expect((await kazooChildren(staging.connectString, '/props/svc')).sort()).toEqual(['deep', 'timeout'])
  })

  it('refuses a file that is not an export', async () => {
    const bad = await harness
      .call('planImport', { operationId: 'i8', connectionId: b, targetPath: '/x', source: { kind: 'inline', text: '{"nodes": [' }, format: 'json', includeEphemeral: false, existing: 'update', acl: 'default' })
      .catch((e: ZkError) => e)
    expect(bad).toMatchObject({ code: 'INVALID_PARAMS' })
  })
})

describe('diffTrees', () => {
  it('compares subtrees across ensembles: added, removed, changed data and ACL, with data to show, and exports the diff', async () => {
    await runKazoo(
      staging.connectString,
      `
from kazoo.security import make_acl
zk.create('/cmp', b'')
zk.create('/cmp/db', b'{"url": "jdbc:y"}\\nline2')
zk.create('/cmp/db/gbk', bytes.fromhex('b5a5b6a9b7fecef1'))
zk.create('/cmp/bin', bytes([0, 1, 2, 0xff, 0xfe, 0x1f, 0x8b, 0x00]), acl=[make_acl('world', 'anyone', read=True)])
zk.create('/cmp/extra', b'only on staging')
result = True
`,
    )
    const file = join(dir, 'diff.json')
    const diff = await harness.call('diffTrees', {
      operationId: 'f1',
      left: { connectionId: a, path: '/app' },
      right: { connectionId: b, path: '/cmp' },
      compareAcl: true,
      includeEphemeral: false,
      maxNodes: 10_000,
      maxEntries: 100,
      destination: { kind: 'file', path: file, overwrite: false },
    })
    expect(diff.counts).toEqual({ added: 1, removed: 2, changed: 2, unchanged: 2 })
    const byRel = new Map(diff.entries.map((e) => [e.rel, e]))
    expect(byRel.get('/extra')).toMatchObject({ kind: 'added' })
    expect(byRel.get('/secure')).toMatchObject({ kind: 'removed' })
    expect(byRel.get('/empty')).toMatchObject({ kind: 'removed' })
    expect(byRel.get('/db')).toMatchObject({ kind: 'changed', dataChanged: true, aclChanged: false })
    expect(byRel.get('/db')?.left?.data?.text).toBe('{"url": "jdbc:x"}\nline2')
    expect(byRel.get('/db')?.right?.data?.text).toBe('{"url": "jdbc:y"}\nline2')
    expect(byRel.get('/bin')).toMatchObject({ kind: 'changed', dataChanged: false, aclChanged: true })
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; entries: { rel: string; right?: { data?: { text?: string } } }[] }
    expect(exported.format).toBe('zookeeper-console-diff')
    expect(exported.entries).toHaveLength(5)
    expect(exported.entries.find((e) => e.rel === '/extra')?.right?.data?.text).toBe('only on staging')
    const same = await harness.call('diffTrees', {
      operationId: 'f2',
      left: { connectionId: a, path: '/app' },
      right: { connectionId: b, path: '/restored/app' },
      compareAcl: false,
      includeEphemeral: false,
      maxNodes: 10_000,
      maxEntries: 100,
    })
    expect(same.counts.changed).toBeGreaterThan(0)
  })
})
