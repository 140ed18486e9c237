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
import { ringCapacityFor, ringLastTime, ringResize, type MemberRing } from '../features/monitor/member-ring'
import { ALERT_HISTORY_MAX, alertKey, capped, mergeEvents, mergeTerms, newEntry, withHistory, withSample } from '../features/monitor/monitor-entry'
import type { ViewWindow } from '../features/monitor/time-window'

export { ALERT_HISTORY_MAX, EVENTS_MAX, TERMS_MAX } from '../features/monitor/monitor-entry'

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
