/**
 * Turns the members' latest state into the round's one sample: leader
 * timeline, health (with follower lag), alerts, and one history point per
 * member. Members whose data did not change this round are recorded as
 * status-only points, so charts show gaps rather than repeated values.
 */
import type { AlertMemberInput } from '../../../shared/monitor/alert-eval'
import type { HealthMember } from '../../../shared/monitor/health'
import { evaluateHealth } from '../../../shared/monitor/health'
import type { LeaderObservation, LeaderTimeline } from '../../../shared/monitor/leader-timeline'
import type { EnsembleSample } from '../../../shared/monitor/model'
import type { AlertEngine } from './alert-engine'
import type { MonitorEmit } from './ensemble-monitor'
import type { HistoryStore } from './history-store'
import type { MemberRegistry } from './member-registry'

export interface RoundInput {
  monitorId: string
  round: number
  at: number
  now: number
  registry: MemberRegistry
  timeline: LeaderTimeline
  alerts: AlertEngine
  store: HistoryStore
  emit: MonitorEmit
}

export function assembleRound(input: RoundInput): EnsembleSample {
  const { registry, timeline, store, at, monitorId } = input
  for (const merged of registry.dedupe()) {
    store.recordEvent({ at, kind: 'membership', memberId: merged.memberId, message: `${merged.memberId} is the same server as another member; polled once` })
  }
  const records = registry.list()
  const members: HealthMember[] = records.map((r) => {
    const info = registry.info(r)
    const snapshot = r.tracker.snapshot(!r.fresh)
    if (!r.fresh && r.poller && r.poller.backoffUntil > at && snapshot.detail) {
      snapshot.detail = `${snapshot.detail}; next probe in ${Math.ceil((r.poller.backoffUntil - at) / 1000)} s`
    }
    return { snapshot, label: info.label, learnerType: info.learnerType, confirmed: info.confirmed }
  })

  const leaders = members.filter((m) => m.confirmed && m.snapshot.status === 'serving' && m.snapshot.role === 'leader')
  const standalone = members.some((m) => m.snapshot.role === 'standalone')
  let change = null
  if (!standalone || leaders.length > 0) {
    const only = leaders.length === 1 ? leaders[0] : undefined
    const leader: LeaderObservation | null = only
      ? {
          memberId: only.snapshot.memberId,
          serverId: only.snapshot.serverId,
          epoch: only.snapshot.epoch,
          name: only.snapshot.serverId !== null ? `server ${only.snapshot.serverId} (${only.label})` : only.label,
          outageMs: only.snapshot.metrics.electionOutageMs,
        }
      : null
    const update = timeline.update(at, leader)
    for (const event of update.events) store.recordEvent(event)
    for (const term of update.touched) store.recordTerm(term)
    change = update.change
    if (change) input.emit('monitor.leader', { monitorId, at, message: change.message, term: change.term, previous: change.previous })
  }

  const { health, lags } = evaluateHealth({ members, now: at, noLeaderSince: timeline.noLeaderSince, leaderSince: timeline.leaderSince })
  for (const m of members) m.snapshot.lag = lags[m.snapshot.memberId] ?? null

  const alertMembers: AlertMemberInput[] = members
    .filter((m) => m.confirmed)
    .map((m) => ({
      memberId: m.snapshot.memberId,
      name: m.snapshot.serverId !== null ? `server ${m.snapshot.serverId} (${m.label})` : m.label,
      status: m.snapshot.status,
      statusSince: m.snapshot.statusSince,
      consecutiveFailures: m.snapshot.consecutiveFailures,
      detail: m.snapshot.detail,
      metrics: m.snapshot.metrics,
      hasMntr: m.snapshot.sources.metrics !== null && m.snapshot.metrics.uptimeMs !== null,
    }))
  input.alerts.evaluate({ monitorId, now: at, members: alertMembers, health, leaderChange: change ? { message: change.message } : null })

  records.forEach((r, i) => {
    const s = members[i]?.snapshot
    if (!s) return
    const fresh = r.fresh && s.polledAt !== null
    const pointAt = Math.max(fresh ? (s.polledAt ?? at) : at, r.lastRecordedAt)
    store.record(r.memberId, {
      at: pointAt,
      status: s.status,
      role: s.role,
      zxid: fresh ? s.zxid : null,
      metrics: fresh && s.status === 'serving' ? s.metrics : null,
    })
    r.lastRecordedAt = pointAt
    r.fresh = false
  })

  return {
    monitorId,
    round: input.round,
    at,
    durationMs: input.now - at,
    members: members.map((m) => m.snapshot),
    health,
    activeAlerts: input.alerts.active.length,
  }
}
