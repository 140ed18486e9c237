import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../../electron/backend/stats/history-store'
import { emptyMetrics } from '../../../../shared/monitor/member-metrics'
import { FakeClock } from './fake-clock'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zk-history-test-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const HOUR = 3_600_000

function store(clock: FakeClock, intervalMs = 1_000) {
  return new HistoryStore({ dir, monitorId: 'mon-x', retentionMs: 24 * HOUR, intervalMs, clock, flushMs: 10_000 })
}

describe('history store', () => {
  it('holds 24 h at the chosen interval in memory', () => {
    const clock = new FakeClock()
    expect(store(clock, 1_000).seriesOf('a').capacity).toBe(86_416)
    expect(store(clock, 5_000).seriesOf('a').capacity).toBe(17_296)
  })

  it('throttles writes: nothing until the flush timer, then one append', async () => {
    const clock = new FakeClock()
    const s = store(clock)
    for (let i = 0; i < 5; i += 1) s.record('zk1', { at: clock.now() + i * 1_000, status: 'serving', role: 'leader', zxid: '0x100000001', metrics: { ...emptyMetrics(), znodeCount: i } })
    await clock.settle()
    await expect(readFile(s.file, 'utf8')).rejects.toThrow()
    await clock.advance(10_000)
    await s.flush()
    const lines = (await readFile(s.file, 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(6) // header + 5 points
  })

  it('reloads what an earlier run wrote, skipping a line cut short by a crash and points older than 24 h', async () => {
    const clock = new FakeClock()
    const s = store(clock)
    s.record('zk1', { at: clock.now() - 25 * HOUR, status: 'serving', role: 'leader', zxid: null, metrics: null })
    s.record('zk1', { at: clock.now() - HOUR, status: 'serving', role: 'leader', zxid: '0x200000005', metrics: { ...emptyMetrics(), latencyAvgMs: 1.5 } })
    s.record('zk1', { at: clock.now() - 1_000, status: 'down', role: null, zxid: null, metrics: null })
    s.recordEvent({ at: clock.now() - 500, kind: 'leader-change', memberId: 'zk1', message: 'server 1 is the new leader' })
    s.recordTerm({ memberId: 'zk1', serverId: 1, epoch: 2, from: clock.now() - HOUR, to: null, electionMs: 400 })
    s.recordAlert({ id: 'a1', monitorId: 'mon-x', ruleId: 'member-down', memberId: 'zk1', severity: 'critical', kind: 'fire', at: clock.now() - 900, message: 'down', value: 2 })
    await s.close()
    await appendFile(s.file, '{"k":"p","m":"zk1","t":')

    const reloaded = store(clock)
    const { terms, lastAt } = await reloaded.load()
    const points = reloaded.seriesOf('zk1').points(0)
    expect(points.map((p) => p.status)).toEqual(['serving', 'down'])
    expect(points[0]).toMatchObject({ zxid: '0x200000005', metrics: { latencyAvgMs: 1.5 } })
    expect(reloaded.events.toArray()).toHaveLength(1)
    expect(reloaded.alerts.toArray()).toMatchObject([{ id: 'a1', kind: 'fire' }])
    expect(terms).toMatchObject([{ serverId: 1, epoch: 2, to: null }])
    expect(lastAt).toBe(clock.now() - 1_000)
    // Loading compacts: the old point and the broken line are gone from the file.
    const lines = (await readFile(reloaded.file, 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(1 + 2 + 1 + 1 + 1)
  })

  it('forget() deletes the file', async () => {
    const clock = new FakeClock()
    const s = store(clock)
    s.record('zk1', { at: clock.now(), status: 'serving', role: 'leader', zxid: null, metrics: null })
    await s.flush()
    await s.forget()
    await expect(readFile(s.file, 'utf8')).rejects.toThrow()
  })
})
