import { beforeEach, describe, expect, it } from 'vitest'
import { emptyMetrics } from '../../../../../shared/monitor/member-metrics'
import type { AlertEvent, EnsembleSample, MemberSnapshot, MonitorState } from '../../../../../shared/protocol/monitor-api'
import { ALERT_HISTORY_MAX, useMonitorStore } from '../../../stores/monitor-store'
import { fieldIndex, ringTime, ringValue } from '../member-ring'

const health = (leader: string | null) =>
  ({ level: 'healthy', mode: 'quorum', leader: leader ? { memberId: leader, serverId: 1, epoch: 1, since: 0 } : null }) as EnsembleSample['health']

function snap(memberId: string, over: Partial<MemberSnapshot> = {}): MemberSnapshot {
  return {
    memberId, serverId: 1, status: 'serving', role: 'leader', statusSince: 0, detail: null, failure: null, consecutiveFailures: 0, polledAt: null,
    stale: false, version: null, fullVersion: null, zxid: null, epoch: null, zxidCounter: null, lag: null, configVersion: null, readOnly: false,
    reset: null, sources: { state: null, metrics: null }, metrics: { ...emptyMetrics(), connections: 3 }, ...over,
  }
}

function sample(at: number, leader: string | null, over: Partial<MemberSnapshot> = {}): EnsembleSample {
  return { monitorId: 'm', round: at, at, durationMs: 1, members: [snap('a', { polledAt: at, ...over })], health: health(leader), activeAlerts: 0 }
}

const state = {
  monitorId: 'm', name: 'M', connectString: 'a:2181', startedAt: 0,
  settings: { intervalMs: 5_000, detailIntervalMs: 30_000, commands: ['srvr'], timeouts: { connectMs: 1, firstByteMs: 1, totalMs: 1 }, transport: 'auto', defaultAdminPort: null, retentionMs: 86_400_000 },
  members: [], latest: null, alertRules: [], activeAlerts: [], recentAlerts: [], leaderTerms: [], events: [],
  history: { monitorId: 'm', from: 0, to: 0, intervalMs: 5_000, members: [], events: [], leaderTerms: [] },
} as MonitorState

describe('the monitor store', () => {
  beforeEach(() => useMonitorStore.setState({ monitors: {}, summaries: [] }))

  it('records a point per member and round, as the backend does, and ignores old rounds', () => {
    const store = useMonitorStore.getState()
    store.adoptState(state)
    store.applySamples([sample(1_000, 'a'), sample(2_000, 'a', { stale: true }), sample(1_500, 'a')])
    const entry = useMonitorStore.getState().monitors.m
    const ring = entry?.rings.a
    if (!entry || !ring) throw new Error('no ring')
    expect(ring.size).toBe(2)
    expect([ringTime(ring, 0), ringTime(ring, 1)]).toEqual([1_000, 2_000])
    expect(ringValue(ring, 0, fieldIndex('connections'))).toBe(3)
    // A stale round repeats old data: it is recorded without values, so no flat line is invented.
    expect(Number.isNaN(ringValue(ring, 1, fieldIndex('connections')))).toBe(true)
    expect(entry.leaderTerms).toEqual([{ memberId: 'a', serverId: 1, epoch: 1, from: 0, to: null, electionMs: null }])
  })

  it('closes the leader term when the leader is lost, and keeps alerts bounded', () => {
    const store = useMonitorStore.getState()
    store.adoptState(state)
    store.applySamples([sample(1_000, 'a'), sample(2_000, null, { status: 'down', role: null })])
    const entry = useMonitorStore.getState().monitors.m
    expect(entry?.leaderTerms[0]?.to).toBe(2_000)
    expect(entry?.events.map((e) => e.kind)).toEqual(['election'])
    const alerts: AlertEvent[] = []
    for (let i = 0; i < ALERT_HISTORY_MAX + 20; i += 1) {
      alerts.push({ id: `x${i}`, monitorId: 'm', ruleId: 'member-down', memberId: 'a', severity: 'critical', kind: i % 2 ? 'clear' : 'fire', at: i, message: '', value: 2 })
    }
    store.applyAlerts(alerts)
    const after = useMonitorStore.getState().monitors.m
    expect(after?.alertHistory).toHaveLength(ALERT_HISTORY_MAX)
    expect(after?.activeAlerts).toEqual([])
  })
})
