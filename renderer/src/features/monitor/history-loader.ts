/**
 * Loading the history a time range needs into the store's rings. 24 h at
 * 5 s is 17,280 points per member; as one answer that is megabytes of
 * JSON, parsed in one task that blocks the page for 100 ms and more. So
 * each member's history comes in pages of a few thousand points (each
 * answer is parsed and appended in a task of its own), with only the fields
 * the charts draw, and the store is updated once at the end, so the charts
 * redraw once.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import type { HistoryResult, LeaderTerm, TimelineEvent } from '../../../../shared/protocol/monitor-api'
import { useMonitorStore } from '../../stores/monitor-store'
import { ringAppendSeries, ringBefore, ringCapacityFor, RING_FIELDS, type MemberRing } from './member-ring'

/** Points per page: about 250 kB of JSON, a few milliseconds to parse. */
export const PAGE_POINTS = 2_000

/** Consecutive windows [to − pageMs, to] covering [from, now], oldest first. */
export function pageEnds(from: number, now: number, pageMs: number): number[] {
  const ends: number[] = []
  for (let to = Math.min(now, from + pageMs); ; to = Math.min(now, to + pageMs)) {
    ends.push(to)
    if (to >= now) return ends
  }
}

const loading = new Map<string, Promise<void>>()

/** Makes sure the rings hold the last `rangeMs` at full resolution. */
export function ensureCoverage(api: ZkApi, monitorId: string, rangeMs: number): Promise<void> {
  const entry = useMonitorStore.getState().monitors[monitorId]
  if (!entry) return Promise.resolve()
  const now = entry.latest?.at ?? Date.now()
  if (entry.coverageFrom <= now - rangeMs + entry.settings.intervalMs) return Promise.resolve()
  const key = `${monitorId}:${rangeMs}`
  const running = loading.get(key)
  if (running) return running
  const work = loadRange(api, monitorId, now - rangeMs, now).finally(() => loading.delete(key))
  loading.set(key, work)
  return work
}

async function loadRange(api: ZkApi, monitorId: string, from: number, now: number): Promise<void> {
  const entry = useMonitorStore.getState().monitors[monitorId]
  if (!entry) return
  const intervalMs = entry.settings.intervalMs
  const pageMs = PAGE_POINTS * intervalMs
  const capacity = ringCapacityFor(intervalMs)
  const ids = [...new Set([...entry.members.map((m) => m.memberId), ...Object.keys(entry.rings)])]
  const built: Record<string, MemberRing> = {}
  const events: TimelineEvent[] = []
  const terms: LeaderTerm[] = []
  let coverage = from
  for (const memberId of ids) {
    // Points older than the range that a longer range loaded earlier stay.
    const ring = ringBefore(useMonitorStore.getState().monitors[monitorId]?.rings[memberId] ?? null, from, capacity)
    let start = from
    for (const to of pageEnds(from, now, pageMs)) {
      // Both ends are inclusive: a point on a page boundary comes twice and is appended once.
      const page = await api.getHistory({ monitorId, memberId, rangeMs: Math.max(1_000, to - start), to, fields: [...RING_FIELDS] })
      // The backend keeps 24 h: the first page may start later than asked.
      if (start === from) coverage = Math.max(coverage, page.from)
      start = to
      for (const series of page.members) ringAppendSeries(ring, series)
      events.push(...page.events)
      terms.push(...page.leaderTerms)
    }
    built[memberId] = ring
  }
  // The store update (and the redraw it starts) gets a task of its own too.
  await new Promise((resolve) => setTimeout(resolve, 0))
  const history: HistoryResult = { monitorId, from: coverage, to: now, intervalMs, members: [], events, leaderTerms: terms }
  useMonitorStore.getState().applyHistory(monitorId, history, built)
}
