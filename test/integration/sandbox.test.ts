import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxInfo } from '../../shared/protocol/types'
import { trackedPids } from '../../electron/backend/sandbox/process-reaper'
import { Sandbox } from '../../electron/backend/sandbox/sandbox'
import { startBackendServer } from '../helpers/backend-server'
import { runKazoo } from '../helpers/kazoo'

interface NodeRead {
  data?: string
  owner?: string
  numChildren?: number
  dataLength?: number
  error?: string
}
interface Survey {
  nodes: Record<string, NodeRead>
  children: Record<string, string[]>
  writes: Record<string, string>
}

// One Python process reads everything a check needs: starting kazoo costs about half a second.
const SURVEY = `
def read(p):
    try:
        d, s = zk.get(p)
        return {'data': b64(d) or '', 'owner': str(s.ephemeralOwner), 'numChildren': s.numChildren, 'dataLength': s.dataLength}
    except kx.KazooException as e:
        return {'error': type(e).__name__}
def write(p):
    try:
        zk.set(p, b'changed by test')
        return 'ok'
    except kx.KazooException as e:
        return type(e).__name__
result = {'nodes': {p: read(p) for p in args['paths']}, 'children': {p: sorted(zk.get_children(p)) for p in args['lists']}, 'writes': {p: write(p) for p in args['writes']}}
`

const survey = (hosts: string, input: { paths?: string[]; lists?: string[]; writes?: string[] }, auth: string[] = []): Promise<Survey> =>
  runKazoo<Survey>(hosts, SURVEY, { paths: [], lists: [], writes: [], ...input }, { auth })

const text = (read: NodeRead | undefined): string => Buffer.from(read?.data ?? '', 'base64').toString('utf8')
const bytes = (read: NodeRead | undefined): Buffer => Buffer.from(read?.data ?? '', 'base64')

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('Sandbox on a real 3-member ensemble', () => {
  const baseDir = mkdtempSync(path.join(tmpdir(), 'sandbox-it-'))
  const states: SandboxInfo['state'][] = []
  const sandbox = new Sandbox({ baseDir, onState: (info) => states.push(info.state) })
  let info: SandboxInfo

  beforeAll(async () => {
    const started = Date.now()
    info = await sandbox.start()
    const seed = sandbox.seedStats()
    console.log(`[measure] sandbox start (3 members + seed) ${Date.now() - started} ms; seed ${seed?.persistent} persistent + ${seed?.ephemeral} ephemeral znodes in ${seed?.ms} ms`)
  })
  afterAll(async () => {
    await sandbox.dispose()
    rmSync(baseDir, { recursive: true, force: true })
  })

  it('reports running with members, credentials and the protected path', async () => {
    expect(info.message).toBeUndefined()
    expect(info.state).toBe('running')
    expect(states).toEqual(['starting', 'running'])
    expect(info.members).toHaveLength(3)
    for (const member of info.members) expect(member.pid !== undefined && isAlive(member.pid)).toBe(true)
    expect(info.connectString).toBe(info.members.map((m) => `127.0.0.1:${m.clientPort}`).join(','))
    expect(info.credentials).toEqual(['admin:sandbox-secret', 'viewer:sandbox-viewer'])
    expect(info.protectedPath).toBe('/secure')
    // Idempotent while running: the same ensemble, no new processes.
    const again = await sandbox.start()
    expect(again.members.map((m) => m.pid)).toEqual(info.members.map((m) => m.pid))
  })

  it('seeded data that an independent client (kazoo) reads back', async () => {
    const result = await survey(info.connectString ?? '', {
      paths: ['/demo/wide', '/config/app/application.json', '/config/app/application.yaml', '/config/legacy/gbk-message', '/demo/binary/logo.png', '/demo/binary/settings.json.gz', '/demo/empty', '/demo/large/app-log-1mb.txt', '/demo/deep/a/b/c/d/e/f/g/h/i/j/k/l/leaf.json', '/brokers/ids/1', '/brokers/ids/2', '/controller', '/cluster/id'],
      lists: ['/locks/orders', '/election/scheduler', '/dubbo/com.example.order.api.OrderService/providers', '/services/demo-provider', '/members/billing-workers'],
    })
    const n = result.nodes
    expect(n['/demo/wide']?.numChildren).toBe(20_000)
    expect(JSON.parse(text(n['/config/app/application.json']))).toMatchObject({ app: { name: 'order-service' } })
    expect(text(n['/config/app/application.yaml'])).toContain('订单中心')
    expect(new TextDecoder('gbk').decode(bytes(n['/config/legacy/gbk-message']))).toContain('订单服务')
    expect(bytes(n['/demo/binary/logo.png']).subarray(1, 4).toString()).toBe('PNG')
    expect(JSON.parse(gunzipSync(bytes(n['/demo/binary/settings.json.gz'])).toString())).toHaveProperty('theme', 'dark')
    expect(n['/demo/empty']?.dataLength).toBe(0)
    expect(n['/demo/large/app-log-1mb.txt']?.dataLength).toBe(1_000_000)
    expect(JSON.parse(text(n['/demo/deep/a/b/c/d/e/f/g/h/i/j/k/l/leaf.json']))).toHaveProperty('reachedDepth', 13)
    expect(JSON.parse(text(n['/cluster/id']))).toHaveProperty('version', '1')

    // Ephemeral nodes are owned by live demo sessions; broker 1 also holds the controller node.
    const broker1 = BigInt(n['/brokers/ids/1']?.owner ?? '0')
    expect(broker1).not.toBe(0n)
    expect(BigInt(n['/brokers/ids/2']?.owner ?? '0')).not.toBe(0n)
    expect(BigInt(n['/brokers/ids/2']?.owner ?? '0')).not.toBe(broker1)
    expect(BigInt(n['/controller']?.owner ?? '0')).toBe(broker1)
    expect(JSON.parse(text(n['/controller']))).toMatchObject({ brokerid: 1 })

    const c = result.children
    expect(c['/locks/orders']).toHaveLength(3)
    for (const name of c['/locks/orders'] ?? []) expect(name).toMatch(/^_c_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-lock-\d{10}$/)
    // Names start with a random UUID, so compare the recipe suffixes in sequence order.
    expect((c['/election/scheduler'] ?? []).map((name) => name.slice(-16)).sort()).toEqual(['latch-0000000000', 'latch-0000000001', 'latch-0000000002'])
    expect(c['/dubbo/com.example.order.api.OrderService/providers']).toHaveLength(3)
    for (const name of c['/dubbo/com.example.order.api.OrderService/providers'] ?? []) {
      expect(decodeURIComponent(name.replace(/\+/g, ' '))).toMatch(/^dubbo:\/\/10\.0\.1\.1\d:20880\/com\.example\.order\.api\.OrderService\?anyhost=true&application=order-service&/)
    }
    expect(c['/services/demo-provider']).toEqual(['10.0.1.11:20880', '10.0.1.12:20880'])
    expect(c['/members/billing-workers']).toEqual(['worker-1', 'worker-2', 'worker-3'])

    const owners = await survey(info.connectString ?? '', { paths: (c['/locks/orders'] ?? []).map((name) => `/locks/orders/${name}`) })
    const lockOwners = Object.values(owners.nodes).map((r) => BigInt(r.owner ?? '0'))
    expect(lockOwners.every((o) => o !== 0n)).toBe(true)
    expect(new Set(lockOwners).size).toBe(3)
  })

  it('protects /secure with digest ACLs and keeps the notice read-only for everyone else', async () => {
    const hosts = info.connectString ?? ''
    const paths = ['/secure', '/secure/db/primary-password', '/config/readonly/notice.txt']
    const anonymous = await survey(hosts, { paths, writes: ['/config/readonly/notice.txt'] })
    expect(anonymous.nodes['/secure']?.error).toBe('NoAuthError')
    expect(anonymous.nodes['/secure/db/primary-password']?.error).toBe('NoAuthError')
    expect(text(anonymous.nodes['/config/readonly/notice.txt'])).toMatch(/^Maintenance window/)
    expect(anonymous.writes['/config/readonly/notice.txt']).toBe('NoAuthError')

    const viewer = await survey(hosts, { paths, lists: ['/secure'], writes: ['/secure/db/primary-password'] }, ['viewer:sandbox-viewer'])
    expect(text(viewer.nodes['/secure/db/primary-password'])).toBe('Pr1mary-DB-demo-only!')
    expect(viewer.children['/secure']).toEqual(['api-keys', 'db'])
    expect(viewer.writes['/secure/db/primary-password']).toBe('NoAuthError')

    const admin = await survey(hosts, { writes: ['/secure/db/primary-password'] }, ['admin:sandbox-secret'])
    expect(admin.writes['/secure/db/primary-password']).toBe('ok')
  })

  it('is readable by the Java CLI too', async () => {
    const first = info.members[0]
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        'java',
        ['-cp', '/usr/share/java/zookeeper.jar', 'org.apache.zookeeper.ZooKeeperMain', '-server', `127.0.0.1:${first?.clientPort}`, 'get', '/config/app/application.json'],
        { timeout: 30_000 },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      )
    })
    expect(output).toContain('"name": "order-service"')
    expect(output).toContain('"maxPoolSize": 32')
  })

  it("is monitored through its members' AdminServers without being told their ports", async () => {
    // The real backend wiring; the sandbox is this test's, so the backend must not stop it.
    const server = await startBackendServer({
      serveRenderer: false,
      createSandbox: () => ({ info: () => sandbox.info(), start: () => sandbox.start(), stop: () => sandbox.stop(), dispose: async () => undefined }),
    })
    try {
      const monitor = server.backend.monitor.handlers
      const { monitorId, state } = await monitor.startMonitor({ connectString: info.connectString ?? '', intervalMs: 1_000, transport: 'admin' })
      expect(state.members.map((m) => m.admin?.port)).toEqual(info.members.map((m) => m.adminPort))
      // AdminServer only: every member serving proves each port is that member's.
      const readings = async () => (await monitor.getMonitorState({ monitorId })).latest?.members.map((m) => `${m.status} via ${m.sources.metrics}`)
      await expect.poll(readings, { timeout: 20_000 }).toEqual(info.members.map(() => 'serving via admin'))
      expect((await monitor.getMonitorState({ monitorId })).members.map((m) => m.adminStatus)).toEqual(['available', 'available', 'available'])
    } finally {
      await server.dispose()
    }
  })

  it('stop() leaves no process of ours and no folder behind', async () => {
    const pids = info.members.map((m) => m.pid as number)
    const stopped = await sandbox.stop()
    expect(stopped).toEqual({ state: 'stopped', members: [], credentials: [] })
    expect(states.slice(-2)).toEqual(['stopping', 'stopped'])
    expect(pids.filter(isAlive)).toEqual([])
    expect(trackedPids()).toEqual([])
    expect(existsSync(sandbox.dir)).toBe(false)
    const leftovers = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(sandbox.dir))
    expect(leftovers).toEqual([])
  })
})
