/** The short answers: `ruok`, `isro`, `wchs`, `envi`, `dirs`. */
import { answerLines, normaliseAnswer } from './classify'
import type { DirSizes, ReadOnlyAnswer, WatchSummary } from './types'

/** `ruok` answers `imok` (no newline) whenever the process is up, even while not serving. */
export function parseRuok(text: string): boolean {
  return normaliseAnswer(text).trim() === 'imok'
}

/** `isro`: `rw`, `ro`, or `null` when there is no server object (election). Null if none of these. */
export function parseIsro(text: string): ReadOnlyAnswer | null {
  const value = normaliseAnswer(text).trim()
  return value === 'rw' || value === 'ro' || value === 'null' ? value : null
}

/** `wchs`: `2 connections watching 2 paths` / `Total watches:3` (data watches only). */
export function parseWchs(text: string): WatchSummary | null {
  const body = normaliseAnswer(text)
  const head = /^(\d+) connections watching (\d+) paths$/m.exec(body)
  const total = /^Total watches:\s*(\d+)$/m.exec(body)
  if (!head || !total) return null
  return { connections: Number(head[1]), paths: Number(head[2]), totalWatches: Number(total[1]) }
}

/** `envi`: `Environment:` then `key=value` lines. Null when the header is missing. */
export function parseEnvi(text: string): Record<string, string> | null {
  const lines = answerLines(text)
  if (lines[0]?.trim() !== 'Environment:') return null
  const out: Record<string, string> = {}
  for (const line of lines.slice(1)) {
    const eq = line.indexOf('=')
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return out
}

/** `dirs`: byte sums of the data and log directories. */
export function parseDirs(text: string): DirSizes | null {
  const body = normaliseAnswer(text)
  const data = /^datadir_size: (\d+)$/m.exec(body)
  const log = /^logdir_size: (\d+)$/m.exec(body)
  if (!data || !log) return null
  return { dataDirSize: Number(data[1]), logDirSize: Number(log[1]) }
}
