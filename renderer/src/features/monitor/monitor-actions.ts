/**
 * Talking to the monitor backend on behalf of a dashboard: start or open a
 * monitor, load the history a time range needs, export it as a download.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import type { HistoryResult, StartMonitorParams } from '../../../../shared/protocol/monitor-api'
import { formatHostPort, parseConnectString } from '../../../../shared/zk/connect-string'
import { useMonitorStore } from '../../stores/monitor-store'
import { ringCapacityFor, ringFromSeries, type MemberRing } from './member-ring'

/** The connect string without its chroot: the monitor polls servers, not a subtree. */
export function hostsOnly(connectString: string): string {
  const parsed = parseConnectString(connectString)
  return parsed.ok ? parsed.value.hosts.map(formatHostPort).join(',') : connectString
}

/** Starts monitoring (or joins the running monitor of the same hosts) and loads its state. */
export async function attachMonitor(api: ZkApi, params: StartMonitorParams): Promise<string> {
  const { monitorId, state } = await api.startMonitor(params)
  useMonitorStore.getState().adoptState(state)
  return monitorId
}

/** Loads a running monitor's state into the store (the start screen's list opens monitors this way). */
export async function openMonitor(api: ZkApi, monitorId: string): Promise<void> {
  const state = await api.getMonitorState({ monitorId })
  useMonitorStore.getState().adoptState(state)
}

const loading = new Map<string, Promise<void>>()

/**
 * Makes sure the rings hold the last `rangeMs` at full resolution. History
 * is read one member at a time, so no single answer (about 3 MB of JSON per
 * member for 24 h at 5 s) blocks the page for long, and applied once, so the
 * charts redraw once.
 */
export function ensureCoverage(api: ZkApi, monitorId: string, rangeMs: number): Promise<void> {
  const entry = useMonitorStore.getState().monitors[monitorId]
  if (!entry) return Promise.resolve()
  const now = entry.latest?.at ?? Date.now()
  if (entry.coverageFrom <= now - rangeMs + entry.settings.intervalMs) return Promise.resolve()
  const key = `${monitorId}:${rangeMs}`
  const running = loading.get(key)
  if (running) return running
  const work = (async () => {
    const ids = [...new Set([...entry.members.map((m) => m.memberId), ...Object.keys(entry.rings)])]
    const parts: HistoryResult[] = []
    const built: Record<string, MemberRing> = {}
    for (const memberId of ids) {
      const part = await api.getHistory({ monitorId, memberId, rangeMs })
      parts.push(part)
      // Each member's ring is built in the task its answer arrived in, not all at the end.
      const capacity = ringCapacityFor(useMonitorStore.getState().monitors[monitorId]?.settings.intervalMs ?? entry.settings.intervalMs)
      for (const series of part.members) built[series.memberId] = ringFromSeries(series, capacity, useMonitorStore.getState().monitors[monitorId]?.rings[series.memberId] ?? null)
    }
    const first = parts[0]
    if (!first) return
    // The store update (and the redraw it starts) gets a task of its own too.
    await new Promise((resolve) => setTimeout(resolve, 0))
    useMonitorStore.getState().applyHistory(
      monitorId,
      {
        ...first,
        from: Math.max(...parts.map((p) => p.from)),
        members: parts.flatMap((p) => p.members),
        events: parts.flatMap((p) => p.events),
        leaderTerms: parts.flatMap((p) => p.leaderTerms),
      },
      built,
    )
  })().finally(() => loading.delete(key))
  loading.set(key, work)
  return work
}

/** Exports history through the backend and hands it to the browser as a file download. */
export async function downloadHistory(api: ZkApi, monitorId: string, format: 'csv' | 'json', rangeMs: number): Promise<string> {
  const file = await api.exportHistory({ monitorId, format, rangeMs })
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by then; the URL only keeps the text alive.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
  return file.filename
}
