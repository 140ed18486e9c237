import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KnownAdminPort } from '../../../../electron/backend/stats/admin-client'
import { MonitorService } from '../../../../electron/backend/stats/monitor-service'
import type { MonitorEvents } from '../../../../shared/protocol/monitor-api'
import { ZkError } from '../../../../shared/protocol/errors'
import { FakeClock } from './fake-clock'
import { FakeZk } from './fake-zk'

type Recorded = { [E in keyof MonitorEvents]: { event: E; payload: MonitorEvents[E] } }[keyof MonitorEvents]

const CONNECT = '127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183'

function item<T>(list: readonly T[], index: number): T {
  const value = list.at(index)
  if (value === undefined) throw new Error(`no item ${index} in a list of ${list.length}`)
  return value
}

let dataDir: string
let services: MonitorService[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'zk-monitor-test-'))
})

afterEach(async () => {
  await Promise.all(services.map((s) => s.dispose()))
  services = []
  await rm(dataDir, { recursive: true, force: true })
})

function setup(clock = new FakeClock(), zk = FakeZk.trio(clock), resolve = async (host: string) => [host], knownAdminPort?: KnownAdminPort) {
  const events: Recorded[] = []
  const service = new MonitorService({
    dataDir,
    clock,
    emit: (event, payload) => events.push({ event, payload } as Recorded),
    fourLetter: zk.fourLetter,
    admin: zk.admin,
    resolve,
    historyFlushMs: 5_000,
    knownAdminPort,
  })
  services.push(service)
  const samples = () => events.flatMap((e) => (e.event === 'monitor.sample' ? [e.payload] : []))
  const of = <E extends keyof MonitorEvents>(name: E) => events.filter((e) => e.event === name).map((e) => e.payload as MonitorEvents[E])
  // Rounds start on whole seconds and answers take a few fake ms: end a bit after the last round.
  const run = async (ms: number) => {
    for (let left = ms; left > 0; left -= 1_000) {
      zk.tick(1_000)
      await clock.advance(Math.min(1_000, left))
    }
    await clock.advance(100)
  }
  return { clock, zk, service, events, samples, of, run }
}

describe('monitor service on a fake clock', () => {
  it('emits one sample per round for the whole ensemble, and rounds never overlap', async () => {
    const { service, samples, run, zk } = setup()
    zk.must(2183).behaviour = 'hang' // a frozen member must not stall the others
    const { monitorId, state } = await service.handlers.startMonitor({ connectString: CONNECT, intervalMs: 1_000 })
    expect(state.members.map((m) => m.memberId)).toEqual(['127.0.0.1:2181', '127.0.0.1:2182', '127.0.0.1:2183'])
    await run(10_000)
    const all = samples()
    expect(all.length).toBeGreaterThanOrEqual(9)
    expect(all.map((s) => s.round)).toEqual(all.map((_, i) => i + 1))
    for (let i = 1; i < all.length; i += 1) expect(item(all, i).at).toBeGreaterThanOrEqual(item(all, i - 1).at + item(all, i - 1).durationMs)
    expect(all.every((s) => s.members.length === 3 && s.monitorId === monitorId)).toBe(true)
    // Each member has at most one connection open at any time.
    expect(Math.max(...zk.maxActive.values())).toBe(1)
    const last = item(all, -1)
    expect(last.members.find((m) => m.memberId === '127.0.0.1:2181')).toMatchObject({ status: 'serving', role: 'leader', serverId: 1 })
    expect(last.members.find((m) => m.memberId === '127.0.0.1:2183')).toMatchObject({ status: 'down', failure: 'timeout-first-byte' })
    expect(last.health.sentence).toMatch(/^Not healthy: 2 of 3 voters in sync; .*127\.0\.0\.1:2183 is down \(connected but no answer in time: frozen JVM/)
  })

  it('polls now on request, and a second request while that round runs joins it instead of starting another', async () => {
    const { service, samples, run, zk } = setup()
    const { monitorId } = await service.handlers.startMonitor({ connectString: CONNECT, intervalMs: 60_000 })
    await run(2_000)
    expect(samples()).toHaveLength(1)
    const asked = service.handlers.pollMonitorNow({ monitorId })
    const again = service.handlers.pollMonitorNow({ monitorId })
    await run(1_000)
    const [first, second] = await Promise.all([asked, again])
    expect(first).toMatchObject({ joined: false, sample: { round: 2 } })
    expect(second).toMatchObject({ joined: true, sample: { round: 2 } })
    expect(samples().map((s) => s.round)).toEqual([1, 2])
    expect(Math.max(...zk.maxActive.values())).toBe(1)
    // The scheduled round was replaced: the next one follows a whole interval after the one polled now.
    await run(55_000)
    expect(samples()).toHaveLength(2)
    await run(6_000)
    expect(samples().map((s) => s.round)).toEqual([1, 2, 3])
    expect(item(samples(), 2).at - item(samples(), 1).at).toBeGreaterThanOrEqual(60_000)
  })

  it('detects a leader change, records the election and fires the leader-change alert', async () => {
    const { service, run, zk, of } = setup()
    const { monitorId } = await service.handlers.startMonitor({ connectString: CONNECT, intervalMs: 1_000 })
    await run(3_000)
    const [s1, s2, s3] = [zk.must(2181), zk.must(2182), zk.must(2183)]
    s1.behaviour = 'refused'
    s2.mode = 'looking'
    s3.mode = 'looking'
    await run(2_000)
    const during = item(of('monitor.sample'), -1)
    expect(during.health.leaderCount).toBe(0)
    expect(during.health.sentence).toMatch(/no leader: election in progress/)
    s2.mode = 'leader'
    s2.epoch = 2
    s2.uptimeMs = 100
    s2.lookingCount += 1
    s3.mode = 'follower'
    s3.epoch = 2
    await run(2_000)
    const leader = of('monitor.leader')
    expect(leader).toHaveLength(1)
    expect(item(leader, 0).message).toMatch(/^server 2 \(127\.0\.0\.1:2182\) is the new leader \(epoch 2\) after a \d\.\d s election; was server 1/)
    expect(of('monitor.alert').some((a) => a.kind === 'event' && a.ruleId === 'leader-change')).toBe(true)
    const history = await service.handlers.getHistory({ monitorId, rangeMs: 3_600_000 })
    expect(history.leaderTerms.map((t) => [t.serverId, t.epoch, t.to === null])).toEqual([
      [1, 1, false],
      [2, 2, true],
    ])
    expect(history.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['election', 'leader-change', 'member-status', 'counter-reset']))
    expect(history.events.find((e) => e.kind === 'counter-reset')?.message).toMatch(/server 2: role change/)
  })

  it('fires "member down" after two failed polls and clears it when the member is back', async () => {
    const { service, run, zk, of } = setup()
    await service.handlers.startMonitor({ connectString: CONNECT, intervalMs: 1_000 })
    await run(2_000)
    zk.must(2182).behaviour = 'refused'
    await run(2_000)
    const fired = of('monitor.alert').filter((a) => a.ruleId === 'member-down')
    expect(fired).toMatchObject([{ kind: 'fire', memberId: '127.0.0.1:2182', severity: 'critical' }])
    zk.must(2182).behaviour = 'ok'
    zk.must(2182).uptimeMs = 10
    await run(2_000)
    expect(of('monitor.alert').filter((a) => a.ruleId === 'member-down').map((a) => a.kind)).toEqual(['fire', 'clear'])
    expect(item(of('monitor.sample'), -1).members.find((m) => m.memberId === '127.0.0.1:2182')).toMatchObject({ status: 'serving', reset: null })
  })

  it('keeps history across restarts of the console and exports it', async () => {
    const clock = new FakeClock()
    const zk = FakeZk.trio(clock)
    const first = setup(clock, zk)
    const { monitorId } = await first.service.handlers.startMonitor({ connectString: CONNECT, intervalMs: 1_000, name: 'prod' })
    await first.service.handlers.setAlertRules({ monitorId, rules: [{ id: 'avg-latency', threshold: 250 }] })
    await first.run(5_000)
    await first.service.dispose()
    expect(clock.pendingTimers).toBe(0)
    const files = await readdir(path.join(dataDir, 'monitor'))
    expect(files.sort()).toEqual([`${monitorId}.json`, `${monitorId}.ndjson`])
    const persisted = (await readFile(path.join(dataDir, 'monitor', `${monitorId}.ndjson`), 'utf8')).trim().split('\n')
    expect(persisted.length).toBeGreaterThan(12)

    const second = setup(clock, zk)
    const again = await second.service.handlers.startMonitor({ connectString: '127.0.0.1:2183,127.0.0.1:2181,127.0.0.1:2182' })
    expect(again.monitorId).toBe(monitorId) // same hosts, same id
    expect(again.state.name).toBe('prod')
    expect(again.state.settings.intervalMs).toBe(1_000)
    expect(again.state.alertRules.find((r) => r.id === 'avg-latency')?.threshold).toBe(250)
    const history = await second.service.handlers.getHistory({ monitorId, memberId: '127.0.0.1:2181', rangeMs: 3_600_000 })
    expect(item(history.members, 0).t.length).toBeGreaterThanOrEqual(4)
    expect(item(history.members, 0).status.every((s) => s === 'serving')).toBe(true)
    const csv = await second.service.handlers.exportHistory({ monitorId, format: 'csv' })
    expect(csv.mimeType).toBe('text/csv')
    // The restarted console already knows who is who (identities are persisted with the settings).
    expect(csv.text).toMatch(/,server 1 \(127\.0\.0\.1:2181\),serving,leader,0x1/)
    const json = await second.service.handlers.exportHistory({ monitorId, format: 'json', rangeMs: 60_000 })
    expect(JSON.parse(json.text)).toMatchObject({ monitorId, format: 'zookeeper-console-history' })
  })

  it('serves history in pages: a window ending at `to`, only the fields asked for, the same points as one read', async () => {
    const { service, run, clock } = setup()
    const { monitorId } = await service.handlers.startMonitor({ connectString: CONNECT, intervalMs: 1_000 })
    await run(10_000)
    const memberId = '127.0.0.1:2181'
    const whole = item((await service.handlers.getHistory({ monitorId, memberId, rangeMs: 3_600_000 })).members, 0)
    expect(whole.t.length).toBeGreaterThanOrEqual(9)
    const mid = whole.t[4] ?? 0
    const older = await service.handlers.getHistory({ monitorId, memberId, rangeMs: 3_600_000, to: mid, fields: ['connections', 'znodeCount'] })
    const newer = await service.handlers.getHistory({ monitorId, memberId, rangeMs: clock.now() - mid, fields: ['connections', 'znodeCount'] })
    expect(older.to).toBe(mid)
    const [a, b] = [item(older.members, 0), item(newer.members, 0)]
    expect(Object.keys(a.values).sort()).toEqual(['connections', 'znodeCount'])
    expect(a.t.at(-1)).toBe(mid)
    // Both ends are inclusive: the boundary point is in both pages.
    expect([...a.t, ...b.t.slice(1)]).toEqual(whole.t)
    expect([...(a.values.connections ?? []), ...(b.values.connections ?? []).slice(1)]).toEqual(whole.values.connections)
    expect([...a.zxid, ...b.zxid.slice(1)]).toEqual(whole.zxid)
  })

  it('reuses a running monitor for the same hosts and stops everything on dispose', async () => {
    const { service, clock, run } = setup()
    const a = await service.handlers.startMonitor({ connectString: CONNECT })
    const b = await service.handlers.startMonitor({ connectString: `${CONNECT}/chroot`, intervalMs: 2_000 })
    expect(b).toMatchObject({ monitorId: a.monitorId, reused: true })
    expect(b.state.settings.intervalMs).toBe(2_000)
    expect(await service.handlers.listMonitors({})).toHaveLength(1)
    await run(3_000)
    await service.dispose()
    expect(clock.pendingTimers).toBe(0)
  })

  it('serves clients, member details and the word console (mutating words need confirm)', async () => {
    const { service, run, clock } = setup()
    const { monitorId } = await service.handlers.startMonitor({ connectString: CONNECT, intervalMs: 1_000 })
    await run(2_000)
    const clients = await service.handlers.getMonitorClients({ monitorId })
    expect(clients.clients).toHaveLength(3) // the 4lw poller's own connection is left out
    expect(clients.clients[0]).toMatchObject({ memberId: '127.0.0.1:2181', sessionId: '0x1000001a2b0000' })
    const details = await service.handlers.getMemberDetails({ monitorId, memberId: '127.0.0.1:2182' })
    expect(details.mntr?.strings.server_state).toBe('follower')
    expect(details.member).toMatchObject({ serverId: 2, learnerType: 'participant' })
    const pending = service.handlers.runFourLetterWord({ monitorId, memberId: '127.0.0.1:2181', command: 'ruok' })
    await clock.advance(100)
    const ruok = await pending
    expect(ruok).toMatchObject({ outcome: 'ok', text: 'imok', target: '127.0.0.1:2181' })
    const error = await service.handlers.runFourLetterWord({ host: '127.0.0.1', port: 2181, command: 'srst' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ZkError)
    expect((error as ZkError).code).toBe('INVALID_PARAMS')
  })

  it('monitors through the AdminServer when only srvr is whitelisted', async () => {
    const clock = new FakeClock()
    const zk = FakeZk.trio(clock, { whitelist: [] })
    const { service, run } = setup(clock, zk)
    const { monitorId } = await service.handlers.startMonitor({
      connectString: CONNECT,
      intervalMs: 1_000,
      members: zk.servers.map((s) => ({ host: '127.0.0.1', port: s.port, adminPort: s.adminPort ?? null })),
    })
    await run(3_000)
    const state = await service.handlers.getMonitorState({ monitorId })
    expect(state.latest?.health.level).toBe('healthy')
    expect(state.latest?.members.every((m) => m.sources.metrics === 'admin' && m.metrics.uptimeMs !== null)).toBe(true)
    expect(state.members.every((m) => m.adminStatus === 'available' && m.learnerType === 'participant')).toBe(true)
  })

  it('finds the AdminServers the backend knows of (the sandbox) without being told their ports', async () => {
    const clock = new FakeClock()
    const zk = FakeZk.trio(clock, { whitelist: [] })
    const asked: string[] = []
    const known: KnownAdminPort = (host, clientPort) => {
      asked.push(`${host}:${clientPort}`)
      return zk.servers.find((s) => s.port === clientPort)?.adminPort ?? null
    }
    const { service, run } = setup(clock, zk, async (host) => [host], known)
    const { monitorId, state } = await service.handlers.startMonitor({ connectString: CONNECT, intervalMs: 1_000 })
    expect(asked).toEqual(['127.0.0.1:2181', '127.0.0.1:2182', '127.0.0.1:2183'])
    expect(state.members.map((m) => m.admin?.port)).toEqual(zk.servers.map((s) => s.adminPort))
    await run(3_000)
    // Only srvr is whitelisted: the rest can only have come from those AdminServers.
    const after = await service.handlers.getMonitorState({ monitorId })
    expect(after.latest?.health.level).toBe('healthy')
    expect(after.latest?.members.every((m) => m.sources.metrics === 'admin' && m.metrics.uptimeMs !== null)).toBe(true)
    expect(after.members.every((m) => m.adminStatus === 'available')).toBe(true)
  })

  it('adds members found in the ensemble config and lets the user correct addresses', async () => {
    const clock = new FakeClock()
    const zk = FakeZk.trio(clock)
    zk.add({ serverId: 4, port: 2184, mode: 'observer' })
    const { service, run } = setup(clock, zk)
    const { monitorId } = await service.handlers.startMonitor({ connectString: '127.0.0.1:2181', intervalMs: 1_000 })
    await run(2_000)
    const state = await service.handlers.getMonitorState({ monitorId })
    expect(state.members.map((m) => [m.memberId, m.serverId, m.origin, m.learnerType])).toEqual([
      ['127.0.0.1:2181', 1, 'connect-string', 'participant'],
      ['127.0.0.1:2182', 2, 'config', 'participant'],
      ['127.0.0.1:2183', 3, 'config', 'participant'],
      ['127.0.0.1:2184', 4, 'config', 'observer'],
    ])
    expect(state.latest?.health.quorum).toMatchObject({ voters: 3, observers: 1 })
    const members = await service.handlers.updateMembers({ monitorId, remove: ['127.0.0.1:2184'], upsert: [{ memberId: '127.0.0.1:2183', host: '127.0.0.1', port: 2183, adminPort: 8083 }] })
    expect(members.map((m) => m.memberId)).not.toContain('127.0.0.1:2184')
    expect(members.find((m) => m.memberId === '127.0.0.1:2183')?.admin).toMatchObject({ port: 8083, origin: 'user' })
    await run(2_000)
    expect((await service.handlers.getMonitorState({ monitorId })).members).toHaveLength(3)
  })

  it('polls every address of a name, and merges addresses that reach the same server', async () => {
    const clock = new FakeClock()
    const zk = new FakeZk(clock)
    zk.add({ serverId: 0, port: 2181, mode: 'standalone' })
    // localhost: both addresses reach the same server (the fake answers by port).
    const { service, run } = setup(clock, zk, async (host) => (host === 'localhost' ? ['127.0.0.1', '::1'] : [host]))
    const { monitorId, state } = await service.handlers.startMonitor({ connectString: 'localhost:2181', intervalMs: 1_000 })
    expect(state.members.map((m) => [m.memberId, m.origin, m.confirmed, m.label])).toEqual([
      ['127.0.0.1:2181', 'dns', false, 'localhost:2181 (127.0.0.1)'],
      ['[::1]:2181', 'dns', false, 'localhost:2181 (::1)'],
    ])
    await run(2_000)
    const after = await service.handlers.getMonitorState({ monitorId })
    expect(after.members).toMatchObject([{ memberId: '127.0.0.1:2181', serverId: 0, confirmed: true, aliases: ['[::1]:2181'] }])
    expect(after.latest?.health.sentence).toBe('Healthy: standalone server localhost:2181 (127.0.0.1) is serving.')
  })
})
