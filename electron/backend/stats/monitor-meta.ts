/**
 * A monitor's settings, alert rules and the user's member corrections, kept
 * next to its history so they come back with it. TLS material is never
 * written: it stays in memory for the session.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { AlertRule } from '../../../shared/monitor/alert-rules'
import type { MemberSpec, MonitorSettings } from '../../../shared/protocol/monitor-api'

export interface MonitorMeta {
  version: 1
  monitorId: string
  name: string
  connectString: string
  settings: MonitorSettings
  alertRules: AlertRule[]
  /** Members the user added or corrected (without TLS). */
  members: MemberSpec[]
  /** Member ids the user removed, so discovery does not bring them back. */
  removed: string[]
  /** Who each member turned out to be, so a restarted console names them at once. */
  identities?: MemberIdentity[]
}

export interface MemberIdentity {
  memberId: string
  serverId: number
  learnerType: 'participant' | 'observer' | null
}

export function metaFile(dir: string, monitorId: string): string {
  return path.join(dir, `${monitorId}.json`)
}

export async function readMeta(dir: string, monitorId: string): Promise<MonitorMeta | null> {
  try {
    const parsed = JSON.parse(await readFile(metaFile(dir, monitorId), 'utf8')) as Partial<MonitorMeta>
    return parsed.version === 1 && parsed.monitorId === monitorId ? (parsed as MonitorMeta) : null
  } catch {
    return null
  }
}

export async function writeMeta(dir: string, meta: MonitorMeta): Promise<void> {
  await mkdir(dir, { recursive: true })
  const file = metaFile(dir, meta.monitorId)
  const safe: MonitorMeta = { ...meta, members: meta.members.map(({ tls: _tls, ...rest }) => rest) }
  // A temp name of its own per save: two saves at once must not rename each other's file.
  const temp = `${file}.${randomUUID()}.tmp`
  await writeFile(temp, JSON.stringify(safe, null, 1))
  await rename(temp, file)
}

export async function deleteMeta(dir: string, monitorId: string): Promise<void> {
  await rm(metaFile(dir, monitorId), { force: true })
}
