/**
 * The local audit log: one NDJSON line per write the console sent (refused
 * or not), appended to `audit.ndjson` in the backend's config folder. Lines
 * are buffered and appended together, so a 100,000-node operation costs a
 * few appends, not 100,000; `flush()` is awaited at the end of every call.
 * Past `maxBytes` the file is rotated (audit-files.ts) and the oldest files
 * beyond `keep` are deleted; listing and export read across the files.
 */
import { appendFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { AuditEntry, AuditPage, AuditQuery } from '../../../shared/protocol/edit-api'
import { isWithin } from '../../../shared/zk/path'
import { AUDIT_FILE, auditFiles, fileSize, rotate, type AuditFile } from './audit-files'
import { readLinesBackward } from './audit-reader'


export interface AuditLimits {
  /** The current file is rotated before an append would take it past this. */
  maxBytes: number
  /** Rotated files kept besides the current one. */
  keep: number
}

const DEFAULT_LIMITS: AuditLimits = { maxBytes: 10 * 1024 * 1024, keep: 4 }

/**
 * A listing cursor: the file's number and a byte offset in it, packed into
 * one number (offsets stay far below 2^32: files rotate at `maxBytes`).
 */
const FILE_STRIDE = 2 ** 32

export class AuditLog {
  readonly file: string
  private buffer: string[] = []
  private chain: Promise<void> = Promise.resolve()
  private scheduled = false
  private dirReady: Promise<unknown> | null = null
  /** Bytes in the current file, known after the first append. */
  private size: number | null = null
  /** Listings and exports under way: no rotation renames a file under them (the file just grows a little past the limit). */
  private readers = 0

  constructor(
    readonly dir: string,
    private readonly limits: AuditLimits = DEFAULT_LIMITS,
  ) {
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
        const bytes = Buffer.byteLength(text)
        this.size ??= await fileSize(this.file)
        if (this.readers === 0 && this.size > 0 && this.size + bytes > this.limits.maxBytes) {
          await rotate(this.dir, this.limits.keep)
          this.size = 0
        }
        await appendFile(this.file, text, { encoding: 'utf8', mode: 0o600 })
        this.size += bytes
      } catch (error) {
        // The writes themselves already happened; losing their record must be loud but must not fail them.
        console.error(`could not append to the audit log ${this.file}`, error)
        // Unknown after a failure: measured again before the next append.
        this.size = null
      }
    })
    return this.chain
  }

  /** Runs `read` over every file of the log, oldest first, with rotation held off until it is done. */
  async reading<T>(read: (files: AuditFile[]) => Promise<T>): Promise<T> {
    await this.flush()
    this.readers += 1
    try {
      return await read(await auditFiles(this.dir))
    } finally {
      this.readers -= 1
    }
  }

  /** Newest first, across rotated files; `cursor` continues with older entries. */
  list(query: AuditQuery): Promise<AuditPage> {
    return this.reading((oldestFirst) => listPage([...oldestFirst].reverse(), query))
  }
}

/** One page of entries from `files` (newest first), starting before the cursor's place. */
async function listPage(files: AuditFile[], query: AuditQuery): Promise<AuditPage> {
  const fromSeq = query.cursor === undefined ? Infinity : Math.floor(query.cursor / FILE_STRIDE)
  const entries: AuditEntry[] = []
  for (const [i, { seq, file }] of files.entries()) {
    if (seq > fromSeq) continue
    const end = seq === fromSeq && query.cursor !== undefined ? query.cursor % FILE_STRIDE : undefined
    let stoppedAt: number | undefined
    await readLinesBackward(file, end, (line, offset) => {
      const entry = parseEntry(line)
      if (!entry || !matches(entry, query)) return 'continue'
      entries.push(entry)
      if (entries.length < query.limit) return 'continue'
      stoppedAt = offset
      return 'stop'
    })
    if (stoppedAt === undefined) continue
    // Older entries remain before the stop, or in an older file.
    const more = stoppedAt > 0 || i < files.length - 1
    return more ? { entries, nextCursor: seq * FILE_STRIDE + stoppedAt } : { entries }
  }
  return { entries }
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
