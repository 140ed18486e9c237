/** History as CSV (one row per member and point) or JSON (the columns plus events). */
import { METRIC_FIELDS, type HistoryResult } from './model'

function csvCell(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** `labels` names each member (e.g. `server 1 (10.0.0.1:2181)`); ids are used when absent. */
export function historyToCsv(history: HistoryResult, labels: Record<string, string> = {}): string {
  const header = ['time', 'epoch_ms', 'member', 'status', 'role', 'zxid', ...METRIC_FIELDS]
  const rows: string[] = [header.join(',')]
  for (const series of history.members) {
    const member = labels[series.memberId] ?? series.memberId
    for (let i = 0; i < series.t.length; i += 1) {
      const at = series.t[i] ?? 0
      const cells: Array<string | number | null> = [
        new Date(at).toISOString(),
        at,
        member,
        series.status[i] ?? null,
        series.role[i] ?? null,
        series.zxid[i] ?? null,
        ...METRIC_FIELDS.map((field) => series.values[field]?.[i] ?? null),
      ]
      rows.push(cells.map(csvCell).join(','))
    }
  }
  return `${rows.join('\n')}\n`
}

export function historyToJson(history: HistoryResult, labels: Record<string, string> = {}): string {
  return JSON.stringify({ format: 'zookeeper-console-history', version: 1, labels, ...history }, null, 1)
}
