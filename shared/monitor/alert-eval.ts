/**
 * Alert evaluation, pure: rules + the previous state + this round's facts →
 * the new state, fire/clear events and the active alerts. A condition must
 * hold for the rule's `forMs` before it fires; it clears as soon as it stops.
 */
import { ALERT_RULE_INFO, type ActiveAlert, type AlertEvent, type AlertRule, type AlertRuleId } from './alert-rules'
import type { EnsembleHealth, MemberMetrics, MemberStatus } from './model'

export interface AlertMemberInput {
  memberId: string
  /** How the member is named in messages, e.g. `server 2 (10.0.0.2:2181)`. */
  name: string
  status: MemberStatus
  statusSince: number
  consecutiveFailures: number
  detail: string | null
  metrics: MemberMetrics
  /** Whether interval latencies can exist (mntr or monitor answered). */
  hasMntr: boolean
}

export interface AlertInput {
  monitorId: string
  now: number
  /** Confirmed members only. */
  members: AlertMemberInput[]
  health: EnsembleHealth
  /** Set in the round where a new leader was seen after another one (or after an election). */
  leaderChange: { message: string } | null
}

interface Condition {
  since: number
  firing: boolean
  ruleId: AlertRuleId
  memberId: string | null
  message: string
  value: number | null
}

export interface AlertState {
  conditions: Record<string, Condition>
  seq: number
}

export function initialAlertState(): AlertState {
  return { conditions: {}, seq: 0 }
}

interface Hit {
  key: string
  memberId: string | null
  message: string
  value: number | null
  /** When the condition started, if known better than "now" (e.g. status since). */
  since?: number
}

function memberHits(rule: AlertRule, members: AlertMemberInput[]): Hit[] {
  const hits: Hit[] = []
  const t = rule.threshold
  for (const m of members) {
    const key = `${rule.id}:${m.memberId}`
    const x = m.metrics
    const hit = (value: number | null, message: string, since?: number) => hits.push({ key, memberId: m.memberId, value, message, since })
    switch (rule.id) {
      case 'member-down':
        if (m.status === 'down' && m.consecutiveFailures >= Math.max(1, t)) hit(m.consecutiveFailures, `${m.name} is down: ${m.detail ?? 'no answer'}`, m.statusSince)
        break
      case 'member-not-serving':
        if (m.status === 'not-serving') hit(null, `${m.name} is not serving (election, sync or shutdown)`, m.statusSince)
        break
      case 'outstanding-requests':
        if (x.outstandingRequests !== null && x.outstandingRequests > t) hit(x.outstandingRequests, `${m.name} has ${x.outstandingRequests} outstanding requests (> ${t})`)
        break
      case 'avg-latency': {
        // With mntr, the interval mean; the cumulative srvr average only when that is all there is.
        const latency = m.hasMntr ? x.requestLatencyMs : x.latencyAvgMs
        if (latency !== null && latency > t) hit(latency, `${m.name} average latency ${latency.toFixed(1)} ms (> ${t} ms)`)
        break
      }
      case 'fd-usage':
        if (x.openFds !== null && x.maxFds !== null && x.maxFds > 0) {
          const pct = (x.openFds / x.maxFds) * 100
          if (pct > t) hit(pct, `${m.name} uses ${pct.toFixed(0)} % of its file descriptors (${x.openFds} of ${x.maxFds})`)
        }
        break
      case 'digest-mismatch':
        if (x.digestMismatches !== null && x.digestMismatches > t) hit(x.digestMismatches, `${m.name} reports ${x.digestMismatches} data-tree digest mismatches: possible inconsistency`)
        break
      case 'unrecoverable-error':
        if (x.unrecoverableErrors !== null && x.unrecoverableErrors > t) hit(x.unrecoverableErrors, `${m.name} reports ${x.unrecoverableErrors} unrecoverable errors (a critical thread died)`)
        break
      default:
        break
    }
  }
  return hits
}

function ensembleHits(rule: AlertRule, input: AlertInput): Hit[] {
  const h = input.health
  const key = `${rule.id}:ensemble`
  if (rule.id === 'leader-count' && h.mode === 'quorum' && h.leaderCount !== 1 && input.members.length > 0) {
    const message = h.leaderCount === 0 ? 'no leader: the ensemble is not serving writes' : `${h.leaderCount} members claim to be leader`
    return [{ key, memberId: null, message, value: h.leaderCount, since: h.noLeaderSince ?? undefined }]
  }
  if (rule.id === 'quorum-sync' && h.leader && h.quorum.syncedFollowers !== null && h.quorum.votersInSync !== null) {
    const synced = h.quorum.votersInSync - 1
    const wanted = h.quorum.voters - 1
    if (synced < wanted - rule.threshold) {
      return [{ key, memberId: null, value: synced, message: `${synced} synced voting followers, ${wanted} expected (quorum size ${h.quorum.voters})` }]
    }
  }
  return []
}

export function evaluateAlerts(
  rules: readonly AlertRule[],
  previous: AlertState,
  input: AlertInput,
): { state: AlertState; events: AlertEvent[]; active: ActiveAlert[] } {
  const { now, monitorId } = input
  const conditions: Record<string, Condition> = {}
  const events: AlertEvent[] = []
  let seq = previous.seq
  const event = (rule: AlertRule, kind: AlertEvent['kind'], memberId: string | null, message: string, value: number | null) => {
    seq += 1
    events.push({ id: `${monitorId}-${now}-${seq}`, monitorId, ruleId: rule.id, memberId, severity: rule.severity, kind, at: now, message, value })
  }
  const seen = new Set<string>()
  for (const rule of rules) {
    if (!rule.enabled) continue
    if (ALERT_RULE_INFO[rule.id].pointInTime) {
      if (rule.id === 'leader-change' && input.leaderChange) event(rule, 'event', null, input.leaderChange.message, null)
      continue
    }
    const hits = ALERT_RULE_INFO[rule.id].scope === 'member' ? memberHits(rule, input.members) : ensembleHits(rule, input)
    for (const hit of hits) {
      seen.add(hit.key)
      const before = previous.conditions[hit.key]
      const cond: Condition = before
        ? { ...before, message: hit.message, value: hit.value }
        : { since: Math.min(hit.since ?? now, now), firing: false, ruleId: rule.id, memberId: hit.memberId, message: hit.message, value: hit.value }
      if (!cond.firing && now - cond.since >= rule.forMs) {
        cond.firing = true
        event(rule, 'fire', hit.memberId, hit.message, hit.value)
      }
      conditions[hit.key] = cond
    }
  }
  const ruleById = new Map(rules.map((r) => [r.id, r]))
  for (const [key, cond] of Object.entries(previous.conditions)) {
    if (seen.has(key) || !cond.firing) continue
    const rule = ruleById.get(cond.ruleId)
    if (rule) event(rule, 'clear', cond.memberId, `resolved: ${cond.message}`, cond.value)
  }
  const active: ActiveAlert[] = Object.entries(conditions)
    .filter(([, c]) => c.firing)
    .map(([key, c]) => ({
      key,
      ruleId: c.ruleId,
      memberId: c.memberId,
      severity: ruleById.get(c.ruleId)?.severity ?? 'warning',
      since: c.since,
      message: c.message,
      value: c.value,
    }))
  return { state: { conditions, seq }, events, active }
}
