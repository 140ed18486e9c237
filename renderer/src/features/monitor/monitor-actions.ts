/**
 * Talking to the monitor backend on behalf of a dashboard: start or open a
 * monitor, export its history as a download (history-loader.ts loads it for
 * the charts).
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import type { StartMonitorParams } from '../../../../shared/protocol/monitor-api'
import { formatHostPort, parseConnectString } from '../../../../shared/zk/connect-string'
import { useMonitorStore } from '../../stores/monitor-store'

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
