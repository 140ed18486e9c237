import { describe, expect, it } from 'vitest'
import { evaluateHealth } from '../../../../shared/monitor/health'
import { healthyTrio, member } from './helpers'

const now = 1_000_000

describe('ensemble health', () => {
  it('says a healthy quorum is healthy, with quorum figures and follower lag', () => {
    const { health, lags } = evaluateHealth({ members: healthyTrio(), now, noLeaderSince: null, leaderSince: 500 })
    expect(health.level).toBe('healthy')
    expect(health.sentence).toBe('Healthy: server 1 (zk1:2181) leads, 3 of 3 voters in sync, can lose 1 more voter.')
    expect(health.leader).toMatchObject({ memberId: 'zk1:2181', serverId: 1, epoch: 2, since: 500 })
    expect(health.quorum).toMatchObject({ voters: 3, majority: 2, votersInSync: 3, canLose: 1 })
    expect(lags).toEqual({ 'zk1:2181': 0, 'zk2:2181': 2, 'zk3:2181': 0 })
  })

  it('counts observers apart from voters', () => {
    const members = [...healthyTrio(), member({ memberId: 'zk4:2181', serverId: 4, role: 'observer' }, {}, { learnerType: 'observer' })]
    const { health } = evaluateHealth({ members, now, noLeaderSince: null, leaderSince: 0 })
    expect(health.quorum.observers).toBe(1)
    expect(health.sentence).toContain('1 observer')
  })

  it('explains an election in progress, with its duration', () => {
    const members = healthyTrio().map((m) => ({ ...m, snapshot: { ...m.snapshot, status: 'not-serving' as const, role: null, statusSince: now - 12_000 } }))
    const { health } = evaluateHealth({ members, now, noLeaderSince: now - 12_000, leaderSince: null })
    expect(health.level).toBe('critical')
    expect(health.leaderCount).toBe(0)
    expect(health.sentence).toBe('Not healthy: no leader: election in progress for 12 s (3 of 3 members not serving).')
  })

  it('flags more than one leader', () => {
    const members = healthyTrio()
    members[1] = member({ memberId: 'zk2:2181', serverId: 2, role: 'leader' })
    const { health } = evaluateHealth({ members, now, noLeaderSince: null, leaderSince: null })
    expect(health.problems[0]?.code).toBe('several-leaders')
    expect(health.sentence).toMatch(/^Not healthy: 2 members claim to lead/)
  })

  it('says how many more voters can be lost when one is down', () => {
    const members = healthyTrio()
    members[0] = member({ memberId: 'zk1:2181', serverId: 1, role: 'leader', zxid: '0x200000010' }, { quorumSize: 3, syncedFollowers: 1 })
    members[2] = member({ memberId: 'zk3:2181', serverId: 3, status: 'down', role: null, failure: 'refused', detail: 'connection refused' })
    const { health } = evaluateHealth({ members, now, noLeaderSince: null, leaderSince: 0 })
    expect(health.level).toBe('warning')
    expect(health.quorum).toMatchObject({ votersInSync: 2, canLose: 0 })
    expect(health.sentence).toBe(
      'Not healthy: 2 of 3 voters in sync; the ensemble cannot lose another voter; server 3 (zk3:2181) is down (connection refused).',
    )
  })

  it('reports version and config drift and data-integrity counters', () => {
    const members = healthyTrio()
    members[1] = member({ memberId: 'zk2:2181', serverId: 2, version: '3.9.3', configVersion: '100000001' }, { digestMismatches: 1 })
    members[2] = member({ memberId: 'zk3:2181', serverId: 3, configVersion: '100000000' })
    const { health } = evaluateHealth({ members, now, noLeaderSince: null, leaderSince: 0 })
    const codes = health.problems.map((p) => p.code)
    expect(codes).toEqual(expect.arrayContaining(['version-drift', 'config-drift', 'data-integrity']))
    expect(health.level).toBe('critical')
    expect(health.integrity).toMatchObject({ digestMismatches: 1, memberIds: ['zk2:2181'] })
    expect(health.sentence).toMatch(/^Not healthy: data integrity: 1 digest mismatch/)
  })

  it('handles a standalone server', () => {
    const ok = evaluateHealth({ members: [member({ memberId: 'zk:2181', role: 'standalone' }, {}, { learnerType: null })], now, noLeaderSince: null, leaderSince: null })
    expect(ok.health).toMatchObject({ mode: 'standalone', level: 'healthy', sentence: 'Healthy: standalone server zk:2181 is serving.' })
  })

  it('does not count unconfirmed addresses (e.g. ::1 of localhost) and waits for first answers', () => {
    const members = [...healthyTrio(), member({ memberId: '[::1]:2181', status: 'down', role: null, failure: 'refused' }, {}, { confirmed: false, learnerType: null })]
    expect(evaluateHealth({ members, now, noLeaderSince: null, leaderSince: 0 }).health.level).toBe('healthy')
    const fresh = healthyTrio().map((m) => ({ ...m, snapshot: { ...m.snapshot, status: 'unknown' as const, role: null, polledAt: null } }))
    expect(evaluateHealth({ members: fresh, now, noLeaderSince: null, leaderSince: null }).health).toMatchObject({
      level: 'unknown',
      sentence: 'Waiting for the first answers from the members.',
    })
  })

  it('names a read-only member cut off from the quorum', () => {
    const members = [member({ memberId: 'zk1:2181', serverId: 1, role: 'read-only' }), member({ memberId: 'zk2:2181', status: 'down', role: null, failure: 'refused' })]
    const { health } = evaluateHealth({ members, now, noLeaderSince: now - 1000, leaderSince: null })
    expect(health.sentence).toMatch(/no quorum: server 1 \(zk1:2181\) is read-only/)
  })
})
