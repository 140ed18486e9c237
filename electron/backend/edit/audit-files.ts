/**
 * The audit log's files: `audit.ndjson` being written, and older ones
 * rotated away by size as `audit.<n>.ndjson`, n growing with each rotation.
 * A file keeps its number for life (the current one's is the next n), so a
 * reader's place, (n, byte offset), stays valid while the log rotates.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

export const AUDIT_FILE = 'audit.ndjson'
const ROTATED = /^audit\.(\d+)\.ndjson$/

export interface AuditFile {
  seq: number
  file: string
}

async function rotatedFiles(dir: string): Promise<AuditFile[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const files: AuditFile[] = []
  for (const name of names) {
    const match = ROTATED.exec(name)
    if (match?.[1]) files.push({ seq: Number(match[1]), file: join(dir, name) })
  }
  return files.sort((a, b) => a.seq - b.seq)
}

/** Every file of the log, oldest first; the last is the one being written (which may not exist yet). */
export async function auditFiles(dir: string): Promise<AuditFile[]> {
  const rotated = await rotatedFiles(dir)
  const next = (rotated.at(-1)?.seq ?? 0) + 1
  return [...rotated, { seq: next, file: join(dir, AUDIT_FILE) }]
}

export async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
}

/** Moves the current file aside under its number and deletes all but the `keep` newest old files. */
export async function rotate(dir: string, keep: number): Promise<void> {
  const files = await auditFiles(dir)
  const current = files.at(-1)
  if (!current) return
  await rename(current.file, join(dir, `audit.${current.seq}.ndjson`))
  const old = await rotatedFiles(dir)
  await Promise.all(old.slice(0, Math.max(0, old.length - keep)).map((f) => rm(f.file, { force: true })))
}
