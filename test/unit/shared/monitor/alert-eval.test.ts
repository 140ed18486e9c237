import { describe, expect, it } from 'vitest'
import { evaluateAlerts, initialAlertState, type AlertInput, type AlertMemberInput, type AlertState } from '../../../../shared/monitor/alert-eval'
import { DEFAULT_ALERT_RULES, mergeAlertRules, type AlertRule } from '../../../../shared/monitor/alert-rules'
import { evaluateHealth } from '../../../../shared/monitor/health'
import { emptyMetrics } from '../../../../shared/monitor/member-metrics'
import type { MemberMetrics } from '../../../../shared/monitor/model'
import { healthyTrio } from './helpers'

const health = evaluateHealth({ members: healthyTrio(), now: 0, noLeaderSince: null, leaderSince: 0 }).health

function m(over: Partial<AlertMemberInput> = {}, metrics: Partial<MemberMetrics> = {}): AlertMemberInput {
  return {
    memberId: 'zk1:2181',
    name: 'server 1 (zk1:2181)',
    status: 'serving',
    statusSince: 0,
    consecutiveFailures: 0,
    detail: null,
    hasMntr: true,
    ...over,
    metrics: { ...emptyMetrics(), ...metrics },
  }
}

function run(rules: readonly AlertRule[], state: AlertState, now: number, members: AlertMemberInput[], extra: Partial<AlertInput> = {}) {
  return evaluateAlerts(rules, state, { monitorId: 'mon-1', now, members, health, leaderChange: null, ...extra })
}

describe('alert rules', () => {
  it('fires "outstanding requests > 10" only after it held for 1 min, and clears when it stops', () => {
    const rules = DEFAULT_ALERT_RULES
    let r = run(rules, initialAlertState(), 0, [m({}, { outstandingRequests: 25 })])
    expect(r.events).toEqual([])
    r = run(rules, r.state, 30_000, [m({}, { outstandingRequests: 30 })])
    expect(r.events).toEqual([])
    r = run(rules, r.state, 60_000, [m({}, { outstandingRequests: 12 })])
    expect(r.events).toMatchObject([{ kind: 'fire', ruleId: 'outstanding-requests', memberId: 'zk1:2181', severity: 'warning', value: 12 }])
    expect(r.active).toHaveLength(1)
    r = run(rules, r.state, 65_000, [m({}, { outstandingRequests: 3 })])
    expect(r.events).toMatchObject([{ kind: 'clear', ruleId: 'outstanding-requests' }])
    expect(r.active).toEqual([])
  })

  it('a short blip never fires', () => {
    let r = run(DEFAULT_ALERT_RULES, initialAlertState(), 0, [m({}, { outstandingRequests: 50 })])
    r = run(DEFAULT_ALERT_RULES, r.state, 10_000, [m({}, { outstandingRequests: 0 })])
    r = run(DEFAULT_ALERT_RULES, r.state, 70_000, [m({}, { outstandingRequests: 50 })])
    expect(r.events).toEqual([])
  })

  it('member down after 2 consecutive failed polls; not serving measured from when it started', () => {
    const down = m({ status: 'down', consecutiveFailures: 1, detail: 'connection refused' })
    let r = run(DEFAULT_ALERT_RULES, initialAlertState(), 1_000, [down])
    expect(r.events).toEqual([])
    r = run(DEFAULT_ALERT_RULES, r.state, 2_000, [{ ...down, consecutiveFailures: 2 }])
    expect(r.events).toMatchObject([{ kind: 'fire', ruleId: 'member-down', severity: 'critical' }])
    expect(r.events[0]?.message).toContain('connection refused')
    const notServing = m({ status: 'not-serving', statusSince: 0 })
    const r2 = run(DEFAULT_ALERT_RULES, initialAlertState(), 31_000, [notServing])
    expect(r2.events).toMatchObject([{ kind: 'fire', ruleId: 'member-not-serving' }])
  })

  it('fires on any digest mismatch, high fd usage and latency (interval mean with mntr)', () => {
    const rules = mergeAlertRules(DEFAULT_ALERT_RULES, [{ id: 'fd-usage', forMs: 0 }, { id: 'avg-latency', forMs: 0 }])
    const r = run(rules, initialAlertState(), 0, [m({}, { digestMismatches: 1, openFds: 900, maxFds: 1000, requestLatencyMs: 150, latencyAvgMs: 1 })])
    expect(r.events.map((e) => e.ruleId).sort()).toEqual(['avg-latency', 'digest-mismatch', 'fd-usage'])
    // Without mntr only the cumulative srvr average exists.
    const r2 = run(rules, initialAlertState(), 0, [m({ hasMntr: false }, { latencyAvgMs: 120, requestLatencyMs: null })])
    expect(r2.events.map((e) => e.ruleId)).toEqual(['avg-latency'])
  })

  it('no leader / several leaders, and synced followers below quorum − 1', () => {
    const rules = mergeAlertRules(DEFAULT_ALERT_RULES, [{ id: 'leader-count', forMs: 0 }, { id: 'quorum-sync', forMs: 0 }])
    const noLeader = { ...health, leaderCount: 0, leader: null }
    const r = evaluateAlerts(rules, initialAlertState(), { monitorId: 'mon-1', now: 0, members: [m()], health: noLeader, leaderChange: null })
    expect(r.events).toMatchObject([{ kind: 'fire', ruleId: 'leader-count', memberId: null }])
    const lagging = { ...health, quorum: { ...health.quorum, votersInSync: 2, syncedFollowers: 1 } }
    const r2 = evaluateAlerts(rules, initialAlertState(), { monitorId: 'mon-1', now: 0, members: [m()], health: lagging, leaderChange: null })
    expect(r2.events).toMatchObject([{ kind: 'fire', ruleId: 'quorum-sync', value: 1 }])
  })

  it('records a leader change as a point-in-time event', () => {
    const r = run(DEFAULT_ALERT_RULES, initialAlertState(), 0, [m()], { leaderChange: { message: 'server 2 is the new leader' } })
    expect(r.events).toMatchObject([{ kind: 'event', ruleId: 'leader-change', severity: 'info', message: 'server 2 is the new leader' }])
    expect(r.active).toEqual([])
  })

  it('clears an alert when its rule is disabled or its member goes away', () => {
    let r = run(DEFAULT_ALERT_RULES, initialAlertState(), 0, [m({}, { digestMismatches: 2 })])
    expect(r.active).toHaveLength(1)
    const disabled = mergeAlertRules(DEFAULT_ALERT_RULES, [{ id: 'digest-mismatch', enabled: false }])
    r = run(disabled, r.state, 1_000, [m({}, { digestMismatches: 2 })])
    expect(r.events).toMatchObject([{ kind: 'clear', ruleId: 'digest-mismatch' }])
    let r3 = run(DEFAULT_ALERT_RULES, initialAlertState(), 0, [m({}, { unrecoverableErrors: 1 })])
    r3 = run(DEFAULT_ALERT_RULES, r3.state, 1_000, [])
    expect(r3.events).toMatchObject([{ kind: 'clear', ruleId: 'unrecoverable-error' }])
  })

  it('editable thresholds', () => {
    const rules = mergeAlertRules(DEFAULT_ALERT_RULES, [{ id: 'outstanding-requests', threshold: 100, forMs: 0 }])
    expect(run(rules, initialAlertState(), 0, [m({}, { outstandingRequests: 50 })]).events).toEqual([])
    expect(run(rules, initialAlertState(), 0, [m({}, { outstandingRequests: 150 })]).events).toHaveLength(1)
    expect(rules.find((x) => x.id === 'outstanding-requests')).toMatchObject({ threshold: 100, forMs: 0, severity: 'warning' })
  })
})
