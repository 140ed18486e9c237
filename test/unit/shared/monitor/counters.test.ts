import { describe, expect, it } from 'vitest'
import { detectReset, intervalRates, type CounterSample } from '../../../../shared/monitor/counters'
import { MemberTracker } from '../../../../shared/monitor/member-tracker'
import { emptyObservation, type MemberObservation } from '../../../../shared/monitor/observation'
import { parseMntr, parseSrvr } from '../../../../shared/zk/four-letter'

function sample(over: Partial<CounterSample>): CounterSample {
  return {
    at: 0,
    role: 'follower',
    uptimeMs: 10_000,
    lookingCount: 1,
    electionCount: 1,
    dbInitCount: 1,
    commitCount: 100,
    packetsReceived: 1_000,
    packetsSent: 999,
    read: { count: 500, sum: 250 },
    update: { count: 100, sum: 300 },
    fsync: { count: 100, sum: 50 },
    unavailable: { count: 1, sum: 600 },
    ownBefore: 0,
    ownAfter: 0,
    ...over,
  }
}

describe('counter resets (reference §4.3)', () => {
  const prev = sample({ at: 0 })

  it('sees nothing when counters grow', () => {
    expect(detectReset(prev, sample({ at: 5_000, uptimeMs: 15_000, packetsReceived: 1_100 }), false)).toBeNull()
  })

  it('process restart: uptime fell and metrics-system counters fell too', () => {
    const cur = sample({ at: 5_000, uptimeMs: 2_000, lookingCount: 0, electionCount: 0, dbInitCount: 1, commitCount: 3, packetsReceived: 10 })
    expect(detectReset(prev, cur, false)).toBe('restart')
  })

  it('role change: uptime fell and looking_count rose (a new server object in the same JVM)', () => {
    const cur = sample({ at: 5_000, role: 'leader', uptimeMs: 1_500, lookingCount: 2, electionCount: 2, packetsReceived: 5 })
    expect(detectReset(prev, cur, false)).toBe('role-change')
  })

  it('srst: counters fell while uptime kept growing', () => {
    const cur = sample({ at: 5_000, uptimeMs: 15_000, lookingCount: 0, commitCount: 0, packetsReceived: 1, read: { count: 0, sum: 0 } })
    expect(detectReset(prev, cur, false)).toBe('stats-reset')
  })

  it('without uptime (3.5 or srvr only): packets fell after being down = restart, else srst', () => {
    const noUptime = (over: Partial<CounterSample>) => sample({ uptimeMs: null, lookingCount: null, electionCount: null, dbInitCount: null, commitCount: null, read: null, update: null, fsync: null, ...over })
    expect(detectReset(noUptime({}), noUptime({ at: 5_000, packetsReceived: 3 }), true)).toBe('restart')
    expect(detectReset(noUptime({}), noUptime({ at: 5_000, packetsReceived: 3 }), false)).toBe('stats-reset')
    expect(detectReset(noUptime({}), noUptime({ at: 5_000, packetsReceived: 3, role: 'leader' }), false)).toBe('role-change')
  })
})

describe('interval rates', () => {
  it('computes per-second rates and interval means (Δsum / Δcnt), leaving out the console\'s own packets', () => {
    const rates = intervalRates(
      sample({ at: 0, ownAfter: 3 }),
      sample({ at: 5_000, packetsReceived: 1_105, packetsSent: 1_049, read: { count: 600, sum: 350 }, update: { count: 110, sum: 340 }, fsync: { count: 110, sum: 70 }, ownBefore: 2 }),
      null,
    )
    expect(rates.packetsReceivedPerSec).toBe(20) // (105 − 5 own) / 5 s
    expect(rates.packetsSentPerSec).toBe(10)
    expect(rates.readLatencyMs).toBe(1)
    expect(rates.updateLatencyMs).toBe(4)
    expect(rates.requestLatencyMs).toBeCloseTo(140 / 110)
    expect(rates.fsyncMs).toBe(2)
  })

  it('measures the election that caused a role change from the server\'s own unavailable_time', () => {
    const rates = intervalRates(sample({ at: 0 }), sample({ at: 5_000, role: 'leader', uptimeMs: 100, lookingCount: 2, packetsReceived: 3, unavailable: { count: 2, sum: 1_450 } }), 'role-change')
    expect(rates.electionOutageMs).toBe(850)
    expect(rates.packetsReceivedPerSec).toBeNull()
  })

  it('never draws a fake drop or spike across a reset', () => {
    const rates = intervalRates(sample({ at: 0 }), sample({ at: 5_000, packetsReceived: 10 }), 'stats-reset')
    expect(Object.values(rates).every((v) => v === null)).toBe(true) // a stats reset also zeroes unavailable_time
    // A counter that fell without a detected reset still gives no negative rate.
    expect(intervalRates(sample({ at: 0 }), sample({ at: 5_000, packetsReceived: 10 }), null).packetsReceivedPerSec).toBeNull()
  })

  it('gives no interval latency when nothing happened', () => {
    expect(intervalRates(sample({ at: 0 }), sample({ at: 5_000 }), null).readLatencyMs).toBeNull()
  })
})

const SRVR = (mode: string, received: number) =>
  `Zookeeper version: 3.8.0-x, built on 2024-12-29 17:54 UTC\nLatency min/avg/max: 0/1.0/5\nReceived: ${received}\nSent: ${received}\nConnections: 1\nOutstanding: 0\nZxid: 0x100000001\nMode: ${mode}\nNode count: 5\n`
// packets_* are ServerStats (reset at every role change); the rest are metrics-system counters (they survive it).
const MNTR = (state: string, uptime: number, looking: number, reads: number, packets: number) =>
  `zk_version\t3.8.0-x\nzk_server_state\t${state}\nzk_uptime\t${uptime}\nzk_looking_count\t${looking}\nzk_packets_received\t${packets}\nzk_packets_sent\t${packets}\nzk_cnt_readlatency\t${reads}\nzk_sum_readlatency\t${reads}\nzk_cnt_election_time\t${looking}\nzk_sum_election_time\t100\n`

function serving(at: number, mode: string, uptime: number, looking: number, reads: number, packets = reads * 2): MemberObservation {
  return { ...emptyObservation(at, 'serving'), role: mode as 'leader', srvr: parseSrvr(SRVR(mode, packets)), mntr: parseMntr(MNTR(mode, uptime, looking, reads, packets)) }
}

describe('member tracker', () => {
  it('annotates a role change and keeps rates non-negative', () => {
    const t = new MemberTracker('m', 0)
    t.apply(serving(0, 'follower', 10_000, 1, 100))
    t.apply(serving(5_000, 'follower', 15_000, 1, 150))
    expect(t.snapshot(false).metrics.readLatencyMs).toBe(1)
    const r = t.apply(serving(10_000, 'leader', 1_000, 2, 160, 4))
    expect(r.reset?.kind).toBe('role-change')
    const snap = t.snapshot(false)
    expect(snap.reset?.kind).toBe('role-change')
    expect(snap.metrics.packetsReceivedPerSec).toBeNull()
    expect(snap.role).toBe('leader')
    expect(snap.statusSince).toBe(10_000)
  })

  it('counts consecutive failures and sees a restart after being down', () => {
    const t = new MemberTracker('m', 0)
    t.apply(serving(0, 'follower', 10_000, 1, 100))
    t.apply({ ...emptyObservation(5_000, 'down'), failure: 'refused' })
    t.apply({ ...emptyObservation(10_000, 'down'), failure: 'refused' })
    expect(t.snapshot(false)).toMatchObject({ status: 'down', consecutiveFailures: 2, statusSince: 5_000 })
    expect(t.snapshot(false).metrics.znodeCount).toBeNull()
    const r = t.apply(serving(15_000, 'follower', 1_000, 0, 2, 4))
    expect(r.reset?.kind).toBe('restart')
    expect(t.consecutiveFailures).toBe(0)
  })
})
