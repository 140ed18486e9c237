/**
 * The local audit log: one NDJSON line per write the console sent (refused
 * or not), appended to `audit.ndjson` in the backend's config folder. Lines
 * are buffered and appended together, so a 100,000-node operation costs a
 * few appends, not 100,000; `flush()` is awaited at the end of every call.
 */
import { appendFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { AuditEntry, AuditPage, AuditQuery } from '../../../shared/protocol/edit-api'
import { isWithin } from '../../../shared/zk/path'
import { readLinesBackward } from './audit-reader'

export const AUDIT_FILE = 'audit.ndjson'

export class AuditLog {
  readonly file: string
  private buffer: string[] = []
  private chain: Promise<void> = Promise.resolve()
  private scheduled = false
  private dirReady: Promise<unknown> | null = null

  constructor(readonly dir: string) {
    this.file = join(dir, AUDIT_FILE)
  }

  record(entry: AuditEntry): void {
    this.buffer.push(`${JSON.stringify(entry)}\n`)
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => void this.flush())
  }

  /** Resolves once every line recorded so far is in the file. */
  flush(): Promise<void> {
    this.scheduled = false
    if (this.buffer.length === 0) return this.chain
    const text = this.buffer.join('')
    this.buffer = []
    this.dirReady ??= mkdir(this.dir, { recursive: true })
    const dirReady = this.dirReady
    this.chain = this.chain.then(async () => {
      try {
        await dirReady
        await appendFile(this.file, text, { encoding: 'utf8', mode: 0o600 })
      } catch (error) {
        // The writes themselves already happened; losing their record must be loud but must not fail them.
        console.error(`could not append to the audit log ${this.file}`, error)
      }
    })
    return this.chain
  }

  /** Newest first; `cursor` continues with older entries. */
  async list(query: AuditQuery): Promise<AuditPage> {
    await this.flush()
    const entries: AuditEntry[] = []
    let nextCursor: number | undefined
    await readLinesBackward(this.file, query.cursor, (line, offset) => {
      const entry = parseEntry(line)
      if (!entry || !matches(entry, query)) return 'continue'
      entries.push(entry)
      if (entries.length < query.limit) return 'continue'
      nextCursor = offset
      return 'stop'
    })
    return nextCursor === undefined || nextCursor === 0 ? { entries } : { entries, nextCursor }
  }
}

function parseEntry(line: string): AuditEntry | undefined {
  try {
    const value = JSON.parse(line) as AuditEntry
    return typeof value === 'object' && value !== null && typeof value.path === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

export function matches(entry: AuditEntry, query: Pick<AuditQuery, 'connectionId' | 'operationId' | 'path'>): boolean {
  if (query.connectionId !== undefined && entry.connectionId !== query.connectionId) return false
  if (query.operationId !== undefined && entry.operationId !== query.operationId) return false
  if (query.path !== undefined && !isWithin(entry.path, query.path)) return false
  return true
}
