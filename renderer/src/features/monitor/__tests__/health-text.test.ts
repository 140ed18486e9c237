/**
 * The translated health sentence must say what the backend's does: in
 * English, word for word, for the states the backend words (except the
 * failure's raw socket message, which has no code).
 */
import { describe, expect, it } from 'vitest'
import { evaluateHealth, type HealthMember } from '../../../../../shared/monitor/health'
import { emptyMetrics } from '../../../../../shared/monitor/member-metrics'
import type { EnsembleSample, MemberInfo, MemberMetrics, MemberSnapshot } from '../../../../../shared/protocol/monitor-api'
import { createI18n } from '../../../i18n/i18n'
import { healthText } from '../health-text'

const now = 1_000_000
const en = createI18n('en').t
const zh = createI18n('zh-CN').t

function member(over: Partial<MemberSnapshot> & { memberId: string }, metrics: Partial<MemberMetrics> = {}, observer = false): HealthMember {
  const snapshot: MemberSnapshot = {
    serverId: null, status: 'serving', role: 'follower', statusSince: 0, detail: null, failure: null, consecutiveFailures: 0,
    polledAt: 1, stale: false, version: '3.8.0', fullVersion: '3.8.0', zxid: '0x200000010', epoch: 2, zxidCounter: 16, lag: null,
    configVersion: null, readOnly: false, reset: null, sources: { state: 'four-letter', metrics: 'four-letter' },
    ...over, metrics: { ...emptyMetrics(), ...metrics },
  }
  return { snapshot, label: over.memberId, learnerType: observer ? 'observer' : 'participant', confirmed: true }
}

function trio(): HealthMember[] {
  return [
    member({ memberId: 'zk1:2181', serverId: 1, role: 'leader' }, { quorumSize: 3, syncedFollowers: 2, syncedNonVotingFollowers: 0 }),
    member({ memberId: 'zk2:2181', serverId: 2 }),
    member({ memberId: 'zk3:2181', serverId: 3 }),
  ]
}

function both(members: HealthMember[], noLeaderSince: number | null = null): { backend: string; en: string; zh: string } {
  const { health } = evaluateHealth({ members, now, noLeaderSince, leaderSince: 0 })
  const sample: EnsembleSample = { monitorId: 'm', round: 1, at: now, durationMs: 1, members: members.map((m) => m.snapshot), health, activeAlerts: 0 }
  const infos = members.map((m) => ({ memberId: m.snapshot.memberId, label: m.label, serverId: m.snapshot.serverId }) as MemberInfo)
  return { backend: health.sentence, en: healthText(en, sample, infos).sentence, zh: healthText(zh, sample, infos).sentence }
}

describe('the health sentence in the user’s language', () => {
  it('matches the backend for a healthy quorum, with observers', () => {
    const s = both([...trio(), member({ memberId: 'zk4:2181', serverId: 4, role: 'observer' }, {}, true)])
    expect(s.en).toBe(s.backend)
    expect(s.zh).toBe('健康：服务器 1（zk1:2181） 为 Leader，3 个投票成员中 3 个已同步，还可失去 1 个投票成员，1 个 Observer。')
  })

  it('matches the backend for an election, several leaders, drift and integrity', () => {
    const electing = trio().map((m) => ({ ...m, snapshot: { ...m.snapshot, status: 'not-serving' as const, role: null, statusSince: now - 12_000 } }))
    const cases = [both(electing, now - 12_000)]
    const two = trio()
    two[1] = member({ memberId: 'zk2:2181', serverId: 2, role: 'leader' })
    cases.push(both(two))
    const drift = trio()
    drift[1] = member({ memberId: 'zk2:2181', serverId: 2, version: '3.9.3', configVersion: '100000001' }, { digestMismatches: 1 })
    drift[2] = member({ memberId: 'zk3:2181', serverId: 3, configVersion: '100000000' })
    cases.push(both(drift))
    for (const c of cases) expect(c.en).toBe(c.backend)
    expect(cases[0]?.zh).toBe('不健康：没有 Leader：选举已进行 12 秒（3 个成员中 3 个未在服务）。')
  })

  it('words a member that is down from its failure code', () => {
    const members = trio()
    members[0] = member({ memberId: 'zk1:2181', serverId: 1, role: 'leader' }, { quorumSize: 3, syncedFollowers: 1 })
    members[2] = member({ memberId: 'zk3:2181', serverId: 3, status: 'down', role: null, failure: 'refused', detail: 'connection refused: not listening (down, still starting, or wrong port)' })
    const s = both(members)
    expect(s.en).toBe(s.backend)
    expect(s.zh).toContain('服务器 3（zk3:2181） 已宕机（连接被拒绝')
  })
})
