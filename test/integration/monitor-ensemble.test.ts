/**
 * The monitor against REAL 3-member ensembles (test/helpers/ensemble.ts):
 * leader failover and its election in the timeline, a member going down and
 * coming back, and an ensemble with only `srvr` whitelisted monitored
 * through the AdminServer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { EnsembleSample } from '../../shared/protocol/monitor-api'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { monitorHarness } from './monitor-harness'

const INTERVAL = 1_000

function memberOf(sample: EnsembleSample, port: number) {
  return sample.members.find((m) => m.memberId.endsWith(`:${port}`))
}

describe('monitoring a real 3-member ensemble', () => {
  let zk: TestEnsemble
  const h = monitorHarness()
  beforeAll(async () => {
    zk = await startEnsemble({ size: 3, tickTime: 500 })
  })
  afterAll(() => zk.stop())
  afterEach(() => h.stop())

  it('sees a healthy quorum with one leader, voters and serving members', async () => {
    const service = await h.start()
    const { monitorId } = await service.handlers.startMonitor({ connectString: zk.connectString, intervalMs: INTERVAL })
    const sample = await h.waitForSample((s) => s.health.level === 'healthy', 15_000)
    expect(sample.health.leaderCount).toBe(1)
    expect(sample.health.quorum).toMatchObject({ voters: 3, majority: 2, votersInSync: 3, canLose: 1 })
    expect(sample.health.sentence).toMatch(/^Healthy: server \d \(127\.0\.0\.1:\d+\) leads, 3 of 3 voters in sync, can lose 1 more voter\.$/)
    const state = await service.handlers.getMonitorState({ monitorId })
    expect(state.members.map((m) => m.serverId).sort()).toEqual([1, 2, 3])
    expect(state.members.every((m) => m.learnerType === 'participant' && m.confirmed)).toBe(true)
    // The poller never sends srst/crst/stmk on its own, and its own connections are not "clients".
    const clients = await service.handlers.getMonitorClients({ monitorId, refresh: true })
    expect(clients.clients).toEqual([])
  })

  it('a stopped member shows as down within two intervals and comes back', async () => {
    const service = await h.start()
    await service.handlers.startMonitor({ connectString: zk.connectString, intervalMs: INTERVAL })
    await h.waitForSample((s) => s.health.level === 'healthy', 15_000)
    const leader = await zk.leader()
    const victim = zk.members.find((m) => m !== leader) ?? zk.member(3)
    await victim.stop()
    const stoppedAt = Date.now()
    const down = await h.waitForSample((s) => memberOf(s, victim.clientPort)?.status === 'down', 2 * INTERVAL + 1_000)
    expect(down.at - stoppedAt).toBeLessThanOrEqual(2 * INTERVAL)
    // Refused once it is gone; reset when the poll caught it dying mid-answer.
    expect(['refused', 'reset']).toContain(memberOf(down, victim.clientPort)?.failure)
    const degraded = await h.waitForSample((s) => s.health.quorum.votersInSync === 2, 10_000)
    expect(degraded.health.sentence).toMatch(/cannot lose another voter/)
    expect(degraded.health.sentence).toMatch(new RegExp(`server ${victim.id} \\(127\\.0\\.0\\.1:${victim.clientPort}\\) is down`))
    await h.waitForSample((s) => h.of('monitor.alert').some((a) => a.ruleId === 'member-down' && a.kind === 'fire') && s !== undefined, 5_000)

    await victim.start()
    const back = await h.waitForSample((s) => memberOf(s, victim.clientPort)?.status === 'serving' && s.health.level === 'healthy', 30_000, Date.now())
    expect(memberOf(back, victim.clientPort)?.role).toBe('follower')
    expect(h.of('monitor.alert').filter((a) => a.ruleId === 'member-down').map((a) => a.kind)).toEqual(['fire', 'clear'])
  })

  it('detects the new leader after the leader is stopped and records the election', async () => {
    const service = await h.start()
    const { monitorId } = await service.handlers.startMonitor({ connectString: zk.connectString, intervalMs: INTERVAL })
    const before = await h.waitForSample((s) => s.health.level === 'healthy', 15_000)
    const oldLeaderId = before.health.leader?.serverId
    const oldEpoch = before.health.leader?.epoch ?? 0
    const leader = zk.member(oldLeaderId ?? 1)
    await leader.stop()
    const after = await h.waitForSample((s) => s.health.leader !== null && s.health.leader.serverId !== oldLeaderId, 30_000)
    expect(after.health.leader?.epoch).toBeGreaterThan(oldEpoch)
    // Usually one change; on a loaded machine the new leader can itself lose the quorum once more.
    const changes = h.of('monitor.leader')
    expect(changes.length).toBeGreaterThanOrEqual(1)
    const first = changes[0]
    expect(first?.previous?.serverId).toBe(oldLeaderId)
    expect(first?.message).toMatch(/is the new leader \(epoch \d+\) after a \d+\.\d s election/)
    // Measured by the new leader itself (zk_unavailable_time), or by the polls when that is missing.
    expect(first?.term.electionMs).toBeGreaterThan(0)
    expect(first?.term.serverId).toBe(after.health.leader?.serverId)
    expect(h.of('monitor.alert').some((a) => a.ruleId === 'leader-change' && a.kind === 'event')).toBe(true)

    const history = await service.handlers.getHistory({ monitorId, rangeMs: 600_000 })
    const terms = history.leaderTerms
    expect(terms[0]?.serverId).toBe(oldLeaderId)
    expect(terms[0]?.to).not.toBeNull()
    expect(terms.map((t) => t.serverId)).toContain(after.health.leader?.serverId)
    expect(terms.at(-1)?.to).toBeNull()
    expect(terms.slice(0, -1).every((t) => t.to !== null)).toBe(true)
    expect(history.events.some((e) => e.kind === 'leader-change')).toBe(true)
    // The history of the old leader shows it serving as leader, then down.
    const series = history.members.find((m) => m.memberId.endsWith(`:${leader.clientPort}`))
    expect(series?.role).toContain('leader')
    expect(series?.status.at(-1)).toBe('down')
    const csv = await service.handlers.exportHistory({ monitorId, format: 'csv', rangeMs: 600_000 })
    expect(csv.text).toContain(`server ${oldLeaderId} (127.0.0.1:${leader.clientPort}),down`)
    await leader.start()
    await h.waitForSample((s) => s.health.level === 'healthy', 30_000, Date.now())
  })
})

describe('an ensemble with only srvr whitelisted', () => {
  let zk: TestEnsemble
  const h = monitorHarness()
  beforeAll(async () => {
    zk = await startEnsemble({ size: 3, tickTime: 500, fourLetterWhitelist: 'srvr' })
  })
  afterAll(async () => {
    await h.stop()
    await zk.stop()
  })

  it('is still fully monitored through the AdminServer, with hints on what to whitelist', async () => {
    const service = await h.start()
    const { monitorId } = await service.handlers.startMonitor({
      connectString: zk.connectString,
      intervalMs: INTERVAL,
      detailIntervalMs: INTERVAL,
      members: zk.members.map((m) => ({ host: m.host, port: m.clientPort, adminPort: m.adminPort })),
    })
    const sample = await h.waitForSample(
      (s) => s.health.level === 'healthy' && s.members.every((m) => m.sources.metrics === 'admin' && m.metrics.uptimeMs !== null),
      20_000,
    )
    expect(sample.health.quorum).toMatchObject({ voters: 3, votersInSync: 3 })
    const leader = sample.members.find((m) => m.role === 'leader')
    expect(leader?.metrics).toMatchObject({ quorumSize: 3, syncedFollowers: 2 })
    const state = await service.handlers.getMonitorState({ monitorId })
    for (const member of state.members) {
      expect(member.adminStatus).toBe('available')
      expect(member.learnerType).toBe('participant')
      const mntr = member.capabilities.find((c) => c.command === 'mntr')
      expect(mntr).toMatchObject({ fourLetter: 'not-whitelisted', admin: 'available', source: 'admin' })
      expect(mntr?.hint).toMatch(/4lw\.commands\.whitelist=srvr, mntr/)
      expect(member.capabilities.find((c) => c.command === 'srvr')).toMatchObject({ fourLetter: 'enabled', source: 'four-letter' })
    }
    const details = await service.handlers.getMemberDetails({ monitorId, memberId: state.members[0]?.memberId ?? '' })
    expect(Object.keys(details.mntr?.numbers ?? {}).length).toBeGreaterThan(300)
    expect(details.conf?.serverId).not.toBeNull()
    // The console can still run words; the server says what is blocked.
    const word = await service.handlers.runFourLetterWord({ monitorId, memberId: state.members[0]?.memberId ?? '', command: 'mntr' })
    expect(word.outcome).toBe('not-whitelisted')
    const viaAdmin = await service.handlers.runFourLetterWord({ monitorId, memberId: state.members[0]?.memberId ?? '', command: 'leader', via: 'admin' })
    expect(viaAdmin.outcome).toBe('ok')
    expect(viaAdmin.text).toContain('leader_id')
  })
})
