/** The audit log, optionally one connection's lines only, copied to a file or returned inline, oldest first across its rotated files. */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { AuditEntry, Destination } from '../../../shared/protocol/edit-api'
import type { AuditLog } from './audit-log'
import { openDestination } from './destination'

export async function exportAudit(
  audit: AuditLog,
  p: { destination: Destination; connectionId?: string },
  fileAccess: boolean,
): Promise<{ entries: number; bytes: number; filePath?: string; text?: string }> {
  return audit.reading(async (files) => {
    const out = await openDestination(p.destination, fileAccess)
    let entries = 0
    try {
      for (const { file } of files) {
        for await (const line of existingLines(file)) {
          if (line.trim() === '' || !wanted(line, p.connectionId)) continue
          await out.write(`${line}\n`)
          entries += 1
        }
      }
      const written = await out.finish()
      return { entries, ...written }
    } catch (error) {
      await out.abort()
      throw error
    }
  })
}

function wanted(line: string, connectionId: string | undefined): boolean {
  if (connectionId === undefined) return true
  try {
    return (JSON.parse(line) as AuditEntry).connectionId === connectionId
  } catch {
    return false
  }
}

/** A file's lines; none when it does not exist (the current file before the first write, or one rotated away meanwhile). */
async function* existingLines(file: string): AsyncGenerator<string> {
  const stream = createReadStream(file, { encoding: 'utf8' })
  const missing = new Promise<boolean>((resolve) => {
    stream.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT'))
    stream.once('open', () => resolve(false))
  })
  if (await missing) return
  yield* createInterface({ input: stream, crlfDelay: Infinity })
}
