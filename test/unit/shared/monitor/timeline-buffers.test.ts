import { describe, expect, it } from 'vitest'
import { historyToCsv, historyToJson } from '../../../../shared/monitor/history-export'
import { LeaderTimeline } from '../../../../shared/monitor/leader-timeline'
import { emptyMetrics } from '../../../../shared/monitor/member-metrics'
import { discoveredFromConfig, planDiscovery } from '../../../../shared/monitor/membership'
import type { HistoryResult } from '../../../../shared/monitor/model'
import { SeriesBuffer } from '../../../../shared/monitor/series-buffer'
import { RingBuffer } from '../../../../shared/util/ring-buffer'
import { parseEnsembleConfig } from '../../../../shared/zk/four-letter'

describe('ring buffer', () => {
  it('keeps the newest entries and evicts the oldest', () => {
    const ring = new RingBuffer<number>(3)
    for (let i = 1; i <= 5; i += 1) ring.push(i)
    expect(ring.toArray()).toEqual([3, 4, 5])
    expect(ring.at(0)).toBe(3)
    expect(ring.last()).toBe(5)
    ring.resize(2)
    expect(ring.toArray()).toEqual([4, 5])
    expect(ring.filter((n) => n > 4)).toEqual([5])
  })
})

describe('series buffer', () => {
  const metrics = { ...emptyMetrics(), latencyAvgMs: 1.1727, znodeCount: 62 }

  it('stores points in columns and reads them back (float32 noise trimmed)', () => {
    const buf = new SeriesBuffer(4)
    buf.push({ at: 1_000, status: 'serving', role: 'leader', zxid: '0x10000003f', metrics })
    buf.push({ at: 2_000, status: 'down', role: null, zxid: null, metrics: null })
    expect(buf.at(0)).toMatchObject({ at: 1_000, status: 'serving', role: 'leader', zxid: '0x10000003f' })
    expect(buf.at(0)?.metrics).toMatchObject({ latencyAvgMs: 1.1727, znodeCount: 62, openFds: null })
    expect(buf.at(1)).toEqual({ at: 2_000, status: 'down', role: null, zxid: null, metrics: null })
  })

  it('wraps at capacity, finds ranges by time and downsamples', () => {
    const buf = new SeriesBuffer(100)
    for (let i = 0; i < 150; i += 1) buf.push({ at: i * 1_000, status: 'serving', role: 'follower', zxid: null, metrics: { ...metrics, znodeCount: i } })
    expect(buf.size).toBe(100)
    expect(buf.points(120_000).map((p) => p.at)).toEqual(Array.from({ length: 30 }, (_, i) => (120 + i) * 1_000))
    const series = buf.series('m', 0, Number.POSITIVE_INFINITY, 10)
    expect(series.t).toHaveLength(10)
    expect(series.values.znodeCount?.[0]).toBe(54.5) // mean of 50..59
    expect(buf.resize(5).size).toBe(5)
  })

  it('sends only the fields asked for, with the same values as a full read', () => {
    const buf = new SeriesBuffer(10)
    buf.push({ at: 1_000, status: 'serving', role: 'leader', zxid: '0x10000003f', metrics })
    buf.push({ at: 2_000, status: 'down', role: null, zxid: null, metrics: null })
    buf.push({ at: 3_000, status: 'serving', role: 'leader', zxid: '0x100000040', metrics: { ...metrics, znodeCount: 63 } })
    const some = buf.series('m', 0, 2_500, 0, ['latencyAvgMs', 'znodeCount'])
    expect(Object.keys(some.values).sort()).toEqual(['latencyAvgMs', 'znodeCount'])
    expect(some).toMatchObject({ t: [1_000, 2_000], status: ['serving', 'down'], role: ['leader', null], zxid: ['0x10000003f', null] })
    expect(some.values).toEqual({ latencyAvgMs: [1.1727, null], znodeCount: [62, null] })
    const all = buf.series('m', 0)
    expect(all.values.znodeCount).toEqual([62, null, 63])
    expect(all.values.openFds).toEqual([null, null, null])
    expect(Object.keys(all.values)).toHaveLength(Object.keys(emptyMetrics()).length)
  })

  it('a day at one-second resolution fits in a few MB per member', () => {
    const buf = new SeriesBuffer(86_400)
    for (let i = 0; i < 86_400; i += 1) buf.push({ at: i * 1_000, status: 'serving', role: 'follower', zxid: '0x100000001', metrics })
    expect(buf.series('m', 86_399_000).t).toEqual([86_399_000])
  })
})

describe('leader timeline', () => {
  const leader = (id: number, epoch: number) => ({ memberId: `zk${id}:2181`, serverId: id, epoch, name: `server ${id}` })

  it('records terms and the election between them', () => {
    const tl = new LeaderTimeline()
    expect(tl.update(0, leader(1, 1)).change).toBeNull() // first sight: not a change
    expect(tl.update(5_000, leader(1, 1)).change).toBeNull()
    const lost = tl.update(10_000, null)
    expect(lost.events[0]).toMatchObject({ kind: 'election', message: 'leader server 1 lost; election started' })
    expect(tl.noLeaderSince).toBe(10_000)
    const next = tl.update(12_500, leader(2, 2))
    expect(next.change?.message).toBe('server 2 is the new leader (epoch 2) after a 2.5 s election; was server 1')
    expect(next.change?.previous).toMatchObject({ serverId: 1, to: 10_000 })
    expect(tl.list()).toMatchObject([
      { memberId: 'zk1:2181', from: 0, to: 10_000, electionMs: null },
      { memberId: 'zk2:2181', from: 12_500, to: null, electionMs: 2_500, epoch: 2 },
    ])
  })

  it('sees a re-election of the same server by its new epoch', () => {
    const tl = new LeaderTimeline()
    tl.update(0, leader(1, 1))
    const again = tl.update(5_000, leader(1, 2))
    expect(again.change?.message).toContain('server 1 is the new leader (epoch 2)')
  })

  it('closes a term restored from disk at the last time it was seen', () => {
    const tl = new LeaderTimeline()
    tl.restore([{ memberId: 'a', serverId: 1, epoch: 1, from: 0, to: null, electionMs: null }], 9_000)
    expect(tl.list()[0]?.to).toBe(9_000)
  })
})

describe('membership discovery', () => {
  it('adds members the config lists, guessing the client port of static lines', () => {
    const { members } = parseEnsembleConfig('server.1=10.0.0.1:2888:3888:participant\nserver.2=10.0.0.2:2888:3888:participant\nserver.3=10.0.0.3:2888:3888:observer;10.0.0.3:2181\nversion=0')
    const discovered = discoveredFromConfig(members, 2181)
    expect(discovered.map((d) => [d.serverId, d.host, d.port, d.learnerType, d.guessed])).toEqual([
      [1, '10.0.0.1', 2181, 'participant', true],
      [2, '10.0.0.2', 2181, 'participant', true],
      [3, '10.0.0.3', 2181, 'observer', false],
    ])
    const plan = planDiscovery([{ memberId: 'zk1', serverId: 1, endpoints: ['10.0.0.1:2181'], addressGuessed: false }], discovered)
    expect(plan.learnerTypes).toEqual([{ memberId: 'zk1', learnerType: 'participant' }])
    expect(plan.add.map((d) => d.serverId)).toEqual([2, 3])
  })

  it('marks the address unknown when the guess hits another server (loopback ensembles)', () => {
    const { members } = parseEnsembleConfig('server.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2889:3889')
    const plan = planDiscovery([{ memberId: 'a', serverId: 1, endpoints: ['127.0.0.1:2181'], addressGuessed: false }], discoveredFromConfig(members, 2181))
    expect(plan.add).toMatchObject([{ serverId: 2, addressUnknown: true }])
  })
})

describe('history export', () => {
  const history: HistoryResult = {
    monitorId: 'mon-1',
    from: 0,
    to: 2_000,
    intervalMs: 1_000,
    members: [
      {
        memberId: 'zk1:2181',
        t: [0, 1_000],
        status: ['serving', 'down'],
        role: ['leader', null],
        zxid: ['0x100000001', null],
        values: Object.fromEntries(Object.keys(emptyMetrics()).map((k) => [k, [k === 'znodeCount' ? 5 : null, null]])) as HistoryResult['members'][number]['values'],
      },
    ],
    events: [{ at: 500, kind: 'election', memberId: null, message: 'leader lost, "quoted"' }],
    leaderTerms: [],
  }

  it('writes one CSV row per member and point, with a header', () => {
    const csv = historyToCsv(history, { 'zk1:2181': 'server 1 (zk1:2181)' }).trim().split('\n')
    expect(csv).toHaveLength(3)
    expect(csv[0]?.startsWith('time,epoch_ms,member,status,role,zxid,latencyAvgMs')).toBe(true)
    expect(csv[1]).toContain('1970-01-01T00:00:00.000Z,0,server 1 (zk1:2181),serving,leader,0x100000001')
    expect(csv[2]).toContain(',down,,,')
  })

  it('writes JSON with the columns and events', () => {
    const parsed = JSON.parse(historyToJson(history)) as { format: string; events: unknown[]; members: unknown[] }
    expect(parsed.format).toBe('zookeeper-console-history')
    expect(parsed.events).toHaveLength(1)
    expect(parsed.members).toHaveLength(1)
  })
})
