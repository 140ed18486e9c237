import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
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
