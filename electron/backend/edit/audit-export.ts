/** The audit log, optionally one connection's lines only, copied to a file or returned inline, oldest first as in the file. */
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
  await audit.flush()
  const out = await openDestination(p.destination, fileAccess)
  let entries = 0
  try {
    const stream = createReadStream(audit.file, { encoding: 'utf8' })
    const missing = new Promise<boolean>((resolve) => {
      stream.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT'))
      stream.once('open', () => resolve(false))
    })
    if (!(await missing)) {
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        if (line.trim() === '') continue
        if (p.connectionId !== undefined) {
          try {
            if ((JSON.parse(line) as AuditEntry).connectionId !== p.connectionId) continue
          } catch {
            continue
          }
        }
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
}
