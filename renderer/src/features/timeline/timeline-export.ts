/**
 * The timeline as a file: JSON (the entries as they are, with ISO times) or
 * CSV (one row per entry, RFC 4180 quoting), downloaded through a Blob link so
 * nothing leaves the machine.
 */
import type { TimelineEntry } from '../../stores/timeline-store'

interface Exported extends Omit<TimelineEntry, 'id' | 'expiresAt'> {
  time: string
  expiresAt?: string
}

function exported(entry: TimelineEntry): Exported {
  const { id: _id, expiresAt, ...rest } = entry
  return { time: new Date(entry.at).toISOString(), ...rest, ...(expiresAt !== undefined ? { expiresAt: new Date(expiresAt).toISOString() } : {}) }
}

export function toJson(entries: readonly TimelineEntry[]): string {
  return `${JSON.stringify(entries.map(exported), null, 2)}\n`
}

const COLUMNS = [
  'time',
  'kind',
  'path',
  'fromVersion',
  'toVersion',
  'size',
  'added',
  'removed',
  'count',
  'changes',
  'resync',
  'state',
  'sessionId',
  'server',
  'expiresAt',
  'message',
  'lost',
] as const

function cell(value: unknown): string {
  if (value === undefined || value === null) return ''
  const text = Array.isArray(value) ? value.join(' ') : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(entries: readonly TimelineEntry[]): string {
  const lines = [COLUMNS.join(',')]
  for (const entry of entries) {
    const row = exported(entry)
    lines.push(COLUMNS.map((column) => cell(row[column])).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

/** A file name safe on every OS: the connection's name and the time. */
export function exportName(connectionName: string, extension: 'json' | 'csv', now = new Date()): string {
  const safe = connectionName.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'connection'
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  return `zk-events-${safe}-${stamp}.${extension}`
}

export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by the next task; the URL is then no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
