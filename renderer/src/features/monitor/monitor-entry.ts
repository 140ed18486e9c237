/**
 * How a monitor's entry in the store changes: a state loaded, history
 * merged in, a round folded in. Pure functions over plain data (the rings
 * are mutated in place, as the store documents), kept apart from the store
 * so each stays small. Every list is capped here.
 */
import type { EnsembleSample, HistoryResult, LeaderTerm, MonitorState, TimelineEvent } from '../../../../shared/protocol/monitor-api'
import type { MonitorEntry } from '../../stores/monitor-store'
import { createRing, ringCapacityFor, ringFromSeries, ringLastTime, ringPush, ringTime, ringTopUp, type MemberRing } from './member-ring'
import { DEFAULT_RANGE } from './time-window'

export const ALERT_HISTORY_MAX = 500
export const EVENTS_MAX = 500
export const TERMS_MAX = 200

export function capped<T>(list: T[], max: number): T[] {
  return list.length > max ? list.slice(list.length - max) : list
}

export function alertKey(ruleId: string, memberId: string | null): string {
  return `${ruleId}:${memberId ?? 'ensemble'}`
}

export function mergeTerms(existing: readonly LeaderTerm[], incoming: readonly LeaderTerm[]): LeaderTerm[] {
  const byKey = new Map<string, LeaderTerm>()
  for (const term of [...existing, ...incoming]) {
    const key = `${term.memberId}@${term.from}`
    const before = byKey.get(key)
    // A closed term stays closed: an older copy may still say "open".
    byKey.set(key, before && before.to !== null && term.to === null ? before : term)
  }
  return capped([...byKey.values()].sort((a, b) => a.from - b.from), TERMS_MAX)
}

export function mergeEvents(existing: readonly TimelineEvent[], incoming: readonly TimelineEvent[]): TimelineEvent[] {
  const byKey = new Map<string, TimelineEvent>()
  for (const e of [...existing, ...incoming]) byKey.set(`${e.at}|${e.kind}|${e.memberId ?? ''}`, e)
  return capped([...byKey.values()].sort((a, b) => a.at - b.at), EVENTS_MAX)
}

/**
 * History merged into an entry: `built` rings (made off the store, page by
 * page, with the samples that came meanwhile topped up here) replace the
 * members' rings; series of other members are merged into theirs.
 */
export function withHistory(entry: MonitorEntry, history: HistoryResult, built: Readonly<Record<string, MemberRing>> = {}): MonitorEntry {
  const capacity = ringCapacityFor(entry.settings.intervalMs)
  const rings = { ...entry.rings }
  let dropped = false
  for (const [memberId, ready] of Object.entries(built)) {
    // A ring built for another interval is dropped; the next load builds it again.
    if (ready.capacity !== capacity) {
      dropped = true
      continue
    }
    const ring = rings[memberId]
    if (ring) ringTopUp(ready, ring)
    rings[memberId] = ready
  }
  for (const series of history.members) {
    if (built[series.memberId]) continue
    const ring = rings[series.memberId]
    // A dashboard opened again gets the last minutes it already holds: nothing to merge.
    if (ring && ring.size > 0 && ringTime(ring, 0) <= (series.t[0] ?? 0) && (ringLastTime(ring) ?? 0) >= (series.t.at(-1) ?? 0)) continue
    rings[series.memberId] = ringFromSeries(series, capacity, ring ?? null)
  }
  return {
    ...entry,
    rings,
    ringsRev: entry.ringsRev + 1,
    ringsEpoch: entry.ringsEpoch + 1,
    coverageFrom: dropped ? entry.coverageFrom : Math.min(entry.coverageFrom, history.from),
    events: mergeEvents(entry.events, history.events),
    leaderTerms: mergeTerms(entry.leaderTerms, history.leaderTerms),
  }
}

/** Folds one round into an entry: a point per member (as the backend records it) and the leader terms. */
export function withSample(entry: MonitorEntry, sample: EnsembleSample): MonitorEntry {
  const capacity = ringCapacityFor(entry.settings.intervalMs)
  let ringsEpoch = entry.ringsEpoch
  for (const snap of sample.members) {
    let ring = entry.rings[snap.memberId]
    if (!ring) {
      ring = entry.rings[snap.memberId] = createRing(capacity)
      ringsEpoch += 1
    }
    // Same rule as the backend's round assembler, so live points match reloaded history.
    const fresh = !snap.stale && snap.polledAt !== null
    const at = Math.max(fresh ? (snap.polledAt ?? sample.at) : sample.at, ringLastTime(ring) ?? Number.NEGATIVE_INFINITY)
    ringPush(ring, { at, status: snap.status, role: snap.role, values: fresh && snap.status === 'serving' ? snap.metrics : null })
  }
  let terms = entry.leaderTerms
  let events = entry.events
  const open = terms.at(-1)
  const leader = sample.health.leader
  if (!leader && sample.health.mode !== 'standalone' && open && open.to === null) {
    terms = [...terms.slice(0, -1), { ...open, to: sample.at }]
    events = mergeEvents(events, [{ at: sample.at, kind: 'election', memberId: open.memberId, message: 'leader lost; election started' }])
  } else if (leader && !(open && open.to === null && open.memberId === leader.memberId)) {
    // Normally a monitor.leader event came first; this covers one that was missed.
    const closed = open && open.to === null ? [...terms.slice(0, -1), { ...open, to: sample.at }] : terms
    terms = mergeTerms(closed, [{ memberId: leader.memberId, serverId: leader.serverId, epoch: leader.epoch, from: leader.since, to: null, electionMs: null }])
  }
  const resets = sample.members.flatMap((m) =>
    m.reset ? [{ at: m.reset.at, kind: 'counter-reset' as const, memberId: m.memberId, message: m.reset.message }] : [],
  )
  if (resets.length > 0) events = mergeEvents(events, resets)
  return { ...entry, latest: sample, leaderTerms: terms, events, ringsEpoch }
}

export function newEntry(state: MonitorState, previous: MonitorEntry | undefined): MonitorEntry {
  return {
    monitorId: state.monitorId,
    name: state.name,
    connectString: state.connectString,
    startedAt: state.startedAt,
    settings: state.settings,
    members: state.members,
    latest: state.latest,
    alertRules: state.alertRules,
    activeAlerts: state.activeAlerts,
    alertHistory: capped(state.recentAlerts, ALERT_HISTORY_MAX),
    leaderTerms: mergeTerms(previous?.leaderTerms ?? [], state.leaderTerms),
    events: mergeEvents(previous?.events ?? [], state.events),
    rings: previous?.rings ?? {},
    ringsRev: previous?.ringsRev ?? 0,
    ringsEpoch: (previous?.ringsEpoch ?? 0) + 1,
    coverageFrom: previous?.coverageFrom ?? Number.POSITIVE_INFINITY,
    view: previous?.view ?? { range: DEFAULT_RANGE, zoom: null },
    stopped: false,
    alertSeq: (previous?.alertSeq ?? 0) + 1,
  }
}
