/**
 * Ensemble monitors this window shows: per monitor the members, the last
 * round, alerts, the leader timeline and, per member, a bounded ring of
 * charted points (24 h at the monitor's interval, never more). Rings are
 * updated in place with `ringsRev` bumped, like the tree's Stat cache: a
 * sample must not copy 24 h of points. Every list here is capped.
 */
import { create } from 'zustand'
import type {
  ActiveAlert,
  AlertEvent,
  AlertRule,
  EnsembleSample,
  HistoryResult,
  LeaderChangeEvent,
  LeaderTerm,
  MemberInfo,
  MonitorSettings,
  MonitorState,
  MonitorSummary,
  TimelineEvent,
} from '../../../shared/protocol/monitor-api'
import {
  createRing,
  ringCapacityFor,
  ringFromSeries,
  ringLastTime,
  ringPush,
  ringResize,
  ringTime,
  ringTopUp,
  type MemberRing,
} from '../features/monitor/member-ring'
import { DEFAULT_RANGE, type ViewWindow } from '../features/monitor/time-window'

export const ALERT_HISTORY_MAX = 500
export const EVENTS_MAX = 500
export const TERMS_MAX = 200

export interface MonitorEntry {
  monitorId: string
  name: string
  connectString: string
  startedAt: number
  settings: MonitorSettings
  members: MemberInfo[]
  latest: EnsembleSample | null
  alertRules: AlertRule[]
  activeAlerts: ActiveAlert[]
  /** Fire / clear / point-in-time events, oldest first. */
  alertHistory: AlertEvent[]
  leaderTerms: LeaderTerm[]
  events: TimelineEvent[]
  /** The rings are mutated in place; the record is replaced (and `ringsRev` bumped) whenever they change. */
  rings: Record<string, MemberRing>
  ringsRev: number
  /**
   * Bumped when the rings change other than by a new point at the end (history
   * loaded, resized, a member's first point): views that show a window of
   * the past redraw for this, not for every sample.
   */
  ringsEpoch: number
  /** The rings hold every recorded point from this time on. */
  coverageFrom: number
  view: ViewWindow
  stopped: boolean
  /** Bumped by every alert event, so a dashboard can re-read the active list. */
  alertSeq: number
}

export interface MonitorStoreState {
  monitors: Readonly<Record<string, MonitorEntry>>
  /** Every running monitor (listMonitors), for the start screen. */
  summaries: MonitorSummary[]
  /** Bumped when a monitor starts or stops anywhere. */
  lifecycleSeq: number
  adoptState(state: MonitorState): void
  /** `built`: rings already made from this history (off the store, one member at a time), by member id. */
  applyHistory(monitorId: string, history: HistoryResult, built?: Readonly<Record<string, MemberRing>>): void
  applySamples(samples: readonly EnsembleSample[]): void
  applyAlerts(events: readonly AlertEvent[]): void
  applyLeaderChanges(events: readonly LeaderChangeEvent[]): void
  setMembers(monitorId: string, members: MemberInfo[]): void
  applyLifecycle(events: ReadonlyArray<{ monitorId: string; state: 'started' | 'stopped' }>): void
  setSummaries(summaries: MonitorSummary[]): void
  setAlerts(monitorId: string, active: ActiveAlert[], history?: AlertEvent[]): void
  setRules(monitorId: string, rules: AlertRule[]): void
  setSettings(monitorId: string, settings: MonitorSettings): void
  setView(monitorId: string, view: ViewWindow): void
}

function capped<T>(list: T[], max: number): T[] {
  return list.length > max ? list.slice(list.length - max) : list
}

function alertKey(ruleId: string, memberId: string | null): string {
  return `${ruleId}:${memberId ?? 'ensemble'}`
}

function mergeTerms(existing: readonly LeaderTerm[], incoming: readonly LeaderTerm[]): LeaderTerm[] {
  const byKey = new Map<string, LeaderTerm>()
  for (const term of [...existing, ...incoming]) {
    const key = `${term.memberId}@${term.from}`
    const before = byKey.get(key)
    // A closed term stays closed: an older copy may still say "open".
    byKey.set(key, before && before.to !== null && term.to === null ? before : term)
  }
  return capped([...byKey.values()].sort((a, b) => a.from - b.from), TERMS_MAX)
}

function mergeEvents(existing: readonly TimelineEvent[], incoming: readonly TimelineEvent[]): TimelineEvent[] {
  const byKey = new Map<string, TimelineEvent>()
  for (const e of [...existing, ...incoming]) byKey.set(`${e.at}|${e.kind}|${e.memberId ?? ''}`, e)
  return capped([...byKey.values()].sort((a, b) => a.at - b.at), EVENTS_MAX)
}

function withHistory(entry: MonitorEntry, history: HistoryResult, built: Readonly<Record<string, MemberRing>> = {}): MonitorEntry {
  const capacity = ringCapacityFor(entry.settings.intervalMs)
  const rings = { ...entry.rings }
  for (const series of history.members) {
    const ring = rings[series.memberId]
    const ready = built[series.memberId]
    if (ready && ready.capacity === capacity) {
      if (ring) ringTopUp(ready, ring)
      rings[series.memberId] = ready
      continue
    }
    // A dashboard opened again gets the last minutes it already holds: nothing to merge.
    if (ring && ring.size > 0 && ringTime(ring, 0) <= (series.t[0] ?? 0) && (ringLastTime(ring) ?? 0) >= (series.t.at(-1) ?? 0)) continue
    rings[series.memberId] = ringFromSeries(series, capacity, ring ?? null)
  }
  return {
    ...entry,
    rings,
    ringsRev: entry.ringsRev + 1,
    ringsEpoch: entry.ringsEpoch + 1,
    coverageFrom: Math.min(entry.coverageFrom, history.from),
    events: mergeEvents(entry.events, history.events),
    leaderTerms: mergeTerms(entry.leaderTerms, history.leaderTerms),
  }
}

/** Folds one round into an entry: a point per member (as the backend records it) and the leader terms. */
function withSample(entry: MonitorEntry, sample: EnsembleSample): MonitorEntry {
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

function newEntry(state: MonitorState, previous: MonitorEntry | undefined): MonitorEntry {
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

export const useMonitorStore = create<MonitorStoreState>()((set) => {
  const update = (monitorId: string, change: (entry: MonitorEntry) => MonitorEntry) =>
    set((s) => {
      const entry = s.monitors[monitorId]
      return entry ? { monitors: { ...s.monitors, [monitorId]: change(entry) } } : s
    })
  return {
    monitors: {},
    summaries: [],
    lifecycleSeq: 0,
    adoptState: (state) =>
      set((s) => ({ monitors: { ...s.monitors, [state.monitorId]: withHistory(newEntry(state, s.monitors[state.monitorId]), state.history) } })),
    applyHistory: (monitorId, history, built) => update(monitorId, (entry) => withHistory(entry, history, built)),
    applySamples: (samples) =>
      set((s) => {
        const monitors = { ...s.monitors }
        const touched = new Set<string>()
        for (const sample of samples) {
          const entry = monitors[sample.monitorId]
          if (!entry || (entry.latest && sample.at <= entry.latest.at)) continue
          monitors[sample.monitorId] = withSample(entry, sample)
          touched.add(sample.monitorId)
        }
        for (const id of touched) {
          const entry = monitors[id]
          // A new record (same rings inside) tells memoized views that the rings changed.
          if (entry) monitors[id] = { ...entry, rings: { ...entry.rings }, ringsRev: entry.ringsRev + 1 }
        }
        const last = new Map(samples.map((sample) => [sample.monitorId, sample]))
        const summaries = s.summaries.map((summary) => {
          const sample = last.get(summary.monitorId)
          return sample ? { ...summary, health: { level: sample.health.level, sentence: sample.health.sentence } } : summary
        })
        return { monitors, summaries }
      }),
    applyAlerts: (events) =>
      set((s) => {
        const monitors = { ...s.monitors }
        for (const event of events) {
          const entry = monitors[event.monitorId]
          if (!entry || entry.alertHistory.some((a) => a.id === event.id)) continue
          const key = alertKey(event.ruleId, event.memberId)
          let active = entry.activeAlerts.filter((a) => a.key !== key)
          if (event.kind === 'fire') {
            const alert: ActiveAlert = { key, ruleId: event.ruleId, memberId: event.memberId, severity: event.severity, since: event.at, message: event.message, value: event.value }
            active = [...active, alert]
          } else if (event.kind === 'event') active = entry.activeAlerts
          monitors[event.monitorId] = {
            ...entry,
            activeAlerts: active,
            alertHistory: capped([...entry.alertHistory, event], ALERT_HISTORY_MAX),
            alertSeq: entry.alertSeq + 1,
          }
        }
        return { monitors }
      }),
    applyLeaderChanges: (changes) =>
      set((s) => {
        const monitors = { ...s.monitors }
        for (const change of changes) {
          const entry = monitors[change.monitorId]
          if (!entry) continue
          const terms = entry.leaderTerms.map((t) => (t.to === null ? { ...t, to: change.term.from } : t))
          monitors[change.monitorId] = {
            ...entry,
            leaderTerms: mergeTerms(terms, change.previous ? [change.previous, change.term] : [change.term]),
            events: mergeEvents(entry.events, [{ at: change.at, kind: 'leader-change', memberId: change.term.memberId, message: change.message }]),
          }
        }
        return { monitors }
      }),
    setMembers: (monitorId, members) => update(monitorId, (entry) => ({ ...entry, members })),
    applyLifecycle: (events) =>
      set((s) => {
        const monitors = { ...s.monitors }
        for (const e of events) {
          const entry = monitors[e.monitorId]
          if (entry) monitors[e.monitorId] = { ...entry, stopped: e.state === 'stopped' }
        }
        const stopped = new Set(events.filter((e) => e.state === 'stopped').map((e) => e.monitorId))
        return { monitors, summaries: s.summaries.filter((m) => !stopped.has(m.monitorId)), lifecycleSeq: s.lifecycleSeq + 1 }
      }),
    setSummaries: (summaries) => set({ summaries }),
    setAlerts: (monitorId, active, history) =>
      update(monitorId, (entry) => ({ ...entry, activeAlerts: active, ...(history ? { alertHistory: capped(history, ALERT_HISTORY_MAX) } : {}) })),
    setRules: (monitorId, rules) => update(monitorId, (entry) => ({ ...entry, alertRules: rules })),
    setSettings: (monitorId, settings) =>
      update(monitorId, (entry) => {
        const capacity = ringCapacityFor(settings.intervalMs)
        if (capacity === ringCapacityFor(entry.settings.intervalMs)) return { ...entry, settings }
        const rings: Record<string, MemberRing> = {}
        for (const [id, ring] of Object.entries(entry.rings)) rings[id] = ringResize(ring, capacity)
        return { ...entry, settings, rings, ringsRev: entry.ringsRev + 1, ringsEpoch: entry.ringsEpoch + 1 }
      }),
    setView: (monitorId, view) => update(monitorId, (entry) => ({ ...entry, view })),
  }
})

export const selectMonitor =
  (monitorId: string | null) =>
  (s: MonitorStoreState): MonitorEntry | undefined =>
    monitorId === null ? undefined : s.monitors[monitorId]

/** A member's configuration by id (members removed since may still have history). */
export function memberById(entry: MonitorEntry, memberId: string | null): MemberInfo | undefined {
  return memberId === null ? undefined : entry.members.find((m) => m.memberId === memberId)
}

/** The newest time the dashboard has data for; the live window ends here. */
export function latestTime(entry: MonitorEntry): number {
  let newest = entry.latest?.at ?? 0
  for (const ring of Object.values(entry.rings)) newest = Math.max(newest, ringLastTime(ring) ?? 0)
  return newest || entry.startedAt
}
