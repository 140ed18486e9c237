import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportAudit } from '../../../../electron/backend/edit/audit-export'
import { AuditLog } from '../../../../electron/backend/edit/audit-log'
import { readLinesBackward } from '../../../../electron/backend/edit/audit-reader'
import type { AuditEntry } from '../../../../shared/protocol/edit-api'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-test-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const entry = (i: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  time: new Date(1_700_000_000_000 + i).toISOString(),
  connectionId: i % 2 ? 'odd' : 'even',
  connection: 'c',
  connectString: '127.0.0.1:2181',
  environment: 'test',
  operation: 'setData',
  path: `/n/${i}`,
  ok: true,
  ...extra,
})

describe('readLinesBackward', () => {
  it('reads lines last first across chunk boundaries, with their offsets', async () => {
    const dir = tempDir()
    const file = join(dir, 'lines')
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(i % 97)}`)
    writeFileSync(file, `${lines.join('\n')}\n`)
    const seen: string[] = []
    const offsets: number[] = []
    await readLinesBackward(file, undefined, (line, offset) => {
      seen.push(line)
      offsets.push(offset)
      return 'continue'
    })
    expect(seen).toEqual([...lines].reverse())
    // Reading up to an offset continues exactly before that line.
    const rest: string[] = []
    await readLinesBackward(file, offsets[10], (line) => {
      rest.push(line)
      return 'continue'
    })
    expect(rest).toEqual([...lines].reverse().slice(11))
  })

  it('treats a missing file as empty', async () => {
    let calls = 0
    await readLinesBackward(join(tempDir(), 'none'), undefined, () => {
      calls += 1
      return 'continue'
    })
    expect(calls).toBe(0)
  })
})

describe('AuditLog', () => {
  it('appends buffered lines and lists them newest first, filtered and paged', async () => {
    const log = new AuditLog(join(tempDir(), 'nested'))
    for (let i = 0; i < 250; i++) log.record(entry(i, i === 7 ? { path: '/other/x', operationId: 'op7' } : {}))
    await log.flush()
    const first = await log.list({ limit: 100 })
    expect(first.entries).toHaveLength(100)
    expect(first.entries[0]?.path).toBe('/n/249')
    const second = await log.list({ limit: 100, cursor: first.nextCursor as number })
    const third = await log.list({ limit: 100, cursor: second.nextCursor as number })
    expect(third.entries).toHaveLength(50)
    expect(third.nextCursor).toBeUndefined()
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.path)).toHaveLength(250)
    expect((await log.list({ limit: 1000, connectionId: 'odd' })).entries).toHaveLength(125)
    expect((await log.list({ limit: 1000, operationId: 'op7' })).entries.map((e) => e.path)).toEqual(['/other/x'])
    expect((await log.list({ limit: 1000, path: '/other' })).entries).toHaveLength(1)
  })

  it('skips lines it cannot parse', async () => {
    const dir = tempDir()
    const log = new AuditLog(dir)
    writeFileSync(log.file, `${JSON.stringify(entry(1))}\nnot json\n${JSON.stringify(entry(2))}\n`)
    expect((await log.list({ limit: 10 })).entries.map((e) => e.path)).toEqual(['/n/2', '/n/1'])
  })
})

describe('AuditLog rotation', () => {
  /** Records one entry per flush, so each append is its own decision to rotate. */
  async function fill(log: AuditLog, from: number, count: number): Promise<void> {
    for (let i = from; i < from + count; i++) {
      log.record(entry(i))
      await log.flush()
    }
  }
  const lineBytes = Buffer.byteLength(`${JSON.stringify(entry(100))}\n`)

  it('rotates the file by size and keeps only the newest old files', async () => {
    const dir = tempDir()
    // Ten lines per file (entries 100–199 serialise to within a byte of each other).
    const log = new AuditLog(dir, { maxBytes: lineBytes * 10, keep: 2 })
    await fill(log, 100, 45)
    expect(readdirSync(dir).sort()).toEqual(['audit.3.ndjson', 'audit.4.ndjson', 'audit.ndjson'])
    for (const name of ['audit.3.ndjson', 'audit.4.ndjson']) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(lineBytes * 10)
    // 100–119 went with the deleted files 1 and 2.
    const all = await log.list({ limit: 1000 })
    expect(all.entries.map((e) => e.path)).toEqual(Array.from({ length: 25 }, (_, i) => `/n/${144 - i}`))
    expect(all.nextCursor).toBeUndefined()
  })

  it('pages across files, and a cursor stays valid when the log rotates between pages', async () => {
    const dir = tempDir()
    const log = new AuditLog(dir, { maxBytes: lineBytes * 10, keep: 5 })
    await fill(log, 100, 25)
    const first = await log.list({ limit: 7 })
    expect(first.entries.map((e) => e.path)).toEqual(['/n/124', '/n/123', '/n/122', '/n/121', '/n/120', '/n/119', '/n/118'])
    // The current file (120–124) fills and is rotated away before the next page is asked for.
    await fill(log, 125, 10)
    const seen = [...first.entries]
    let cursor = first.nextCursor
    while (cursor !== undefined) {
      const page = await log.list({ limit: 7, cursor })
      seen.push(...page.entries)
      cursor = page.nextCursor
    }
    expect(seen.map((e) => e.path)).toEqual(Array.from({ length: 25 }, (_, i) => `/n/${124 - i}`))
    // Filters apply across files too.
    expect((await log.list({ limit: 100, connectionId: 'odd' })).entries).toHaveLength(17)
  })

  it('exports every file, oldest first, as one NDJSON stream', async () => {
    const dir = tempDir()
    const log = new AuditLog(dir, { maxBytes: lineBytes * 10, keep: 5 })
    await fill(log, 100, 32)
    const all = await exportAudit(log, { destination: { kind: 'inline', maxBytes: 1 << 20 } }, false)
    expect(all.entries).toBe(32)
    const paths = (all.text ?? '').trim().split('\n').map((line) => (JSON.parse(line) as AuditEntry).path)
    expect(paths).toEqual(Array.from({ length: 32 }, (_, i) => `/n/${100 + i}`))
    const odd = await exportAudit(log, { destination: { kind: 'inline', maxBytes: 1 << 20 }, connectionId: 'odd' }, false)
    expect(odd.entries).toBe(16)
  })
})
