/** Read-only views of a running monitor: state, history, export, member details, clients. */
import { historyToCsv, historyToJson } from '../../../shared/monitor/history-export'
import type { HistoryResult, MetricField } from '../../../shared/monitor/model'
import type {
  ClientsResult,
  HistoryExport,
  MemberDetails,
  MonitorClient,
  MonitorState,
  MonitorSummary,
} from '../../../shared/protocol/monitor-api'
import { ZkError } from '../../../shared/protocol/errors'
import { isFourLetterConnection, parseMntr } from '../../../shared/zk/four-letter'
import type { EnsembleMonitor } from './ensemble-monitor'
import type { MemberRecord } from './member-registry'

export const DEFAULT_STATE_HISTORY_MS = 10 * 60_000

export function memberOf(monitor: EnsembleMonitor, memberId: string): MemberRecord {
  const record = monitor.registry.get(memberId)
  if (!record) throw new ZkError('INVALID_PARAMS', `monitor ${monitor.monitorId} has no member "${memberId}"`)
  return record
}

export interface HistoryWindow {
  /** End of the window (default now); the window never reaches before `now − retentionMs`. */
  to?: number
  maxPoints?: number
  /** Only these metrics (default all). */
  fields?: readonly MetricField[]
}

export function historyOf(monitor: EnsembleMonitor, now: number, rangeMs: number, memberId?: string, window: HistoryWindow = {}): HistoryResult {
  const to = Math.min(now, window.to ?? now)
  const from = Math.max(now - monitor.settings.retentionMs, to - rangeMs)
  let ids: string[]
  if (memberId !== undefined) {
    if (!monitor.registry.get(memberId) && !monitor.store.memberIds().includes(memberId)) memberOf(monitor, memberId)
    ids = [memberId]
  } else {
    ids = [...new Set([...monitor.registry.list().map((r) => r.memberId), ...monitor.store.memberIds()])]
  }
  return {
    monitorId: monitor.monitorId,
    from,
    to,
    intervalMs: monitor.settings.intervalMs,
    members: ids.map((id) => monitor.store.seriesOf(id).series(id, from, to, window.maxPoints ?? 0, window.fields)),
    events: monitor.store.events.filter((e) => e.at >= from && e.at <= to && (memberId === undefined || e.memberId === null || e.memberId === memberId)),
    leaderTerms: monitor.timeline.list().filter((t) => (t.to ?? Number.POSITIVE_INFINITY) >= from && t.from <= to),
  }
}

export function stateOf(monitor: EnsembleMonitor, now: number, historyMs = DEFAULT_STATE_HISTORY_MS): MonitorState {
  return {
    monitorId: monitor.monitorId,
    name: monitor.name,
    connectString: monitor.connectString,
    startedAt: monitor.startedAt,
    settings: { ...monitor.settings, commands: [...monitor.settings.commands], timeouts: { ...monitor.settings.timeouts } },
    members: monitor.memberInfos(),
    latest: monitor.latest,
    alertRules: monitor.alerts.currentRules,
    activeAlerts: monitor.alerts.active,
    recentAlerts: monitor.alerts.recent(100),
    leaderTerms: monitor.timeline.list(),
    events: monitor.store.events.toArray().slice(-200),
    history: historyOf(monitor, now, Math.max(1_000, historyMs), undefined, { maxPoints: 600 }),
  }
}

export function summaryOf(monitor: EnsembleMonitor): MonitorSummary {
  const health = monitor.latest?.health
  return {
    monitorId: monitor.monitorId,
    name: monitor.name,
    connectString: monitor.connectString,
    startedAt: monitor.startedAt,
    members: monitor.registry.size,
    health: health ? { level: health.level, sentence: health.sentence } : null,
  }
}

function labels(monitor: EnsembleMonitor): Record<string, string> {
  const out: Record<string, string> = {}
  for (const info of monitor.memberInfos()) out[info.memberId] = info.serverId !== null ? `server ${info.serverId} (${info.label})` : info.label
  return out
}

export function exportOf(monitor: EnsembleMonitor, now: number, format: 'csv' | 'json', rangeMs: number, memberId?: string): HistoryExport {
  const history = historyOf(monitor, now, rangeMs, memberId)
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-')
  const base = `zookeeper-history-${monitor.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)}-${stamp}`
  return format === 'csv'
    ? { filename: `${base}.csv`, mimeType: 'text/csv', text: historyToCsv(history, labels(monitor)) }
    : { filename: `${base}.json`, mimeType: 'application/json', text: historyToJson(history, labels(monitor)) }
}

export function detailsOf(monitor: EnsembleMonitor, memberId: string): MemberDetails {
  const record = memberOf(monitor, memberId)
  const t = record.tracker
  return {
    member: monitor.registry.info(record),
    snapshot: monitor.latest?.members.find((m) => m.memberId === memberId) ?? null,
    mntr: t.mntrText !== null ? parseMntr(t.mntrText) : t.mntr,
    conf: t.conf,
    environment: t.envi,
    dirs: t.dirs,
    watches: t.wchs,
    isro: t.lastObservation?.isro ?? null,
    ruok: t.lastObservation?.ruok ?? null,
  }
}

/** Client connections from each member's last `cons`; `refresh` reads them now, in parallel. */
export async function clientsOf(monitor: EnsembleMonitor, memberId: string | undefined, refresh: boolean): Promise<ClientsResult> {
  const records = memberId !== undefined ? [memberOf(monitor, memberId)] : monitor.registry.list()
  const missing: ClientsResult['missing'] = []
  const reasons = new Map<string, string>()
  if (refresh) {
    await Promise.all(
      records.map(async (r) => {
        if (!r.poller) return
        const obs = await r.poller.fetchOne('cons')
        if (obs.cons) {
          r.tracker.cons = obs.cons
          r.tracker.consAt = obs.at
        } else reasons.set(r.memberId, obs.detail ?? 'no answer')
      }),
    )
  }
  const clients: MonitorClient[] = []
  for (const r of records) {
    const list = r.tracker.cons
    if (!list || r.tracker.consAt === null) {
      missing.push({ memberId: r.memberId, reason: reasons.get(r.memberId) ?? 'connections not read yet (cons runs at the detail interval)' })
      continue
    }
    for (const c of list) if (!isFourLetterConnection(c)) clients.push({ ...c, memberId: r.memberId, polledAt: r.tracker.consAt })
  }
  return { monitorId: monitor.monitorId, clients, missing }
}
