import { describe, expect, it } from 'vitest'
import type { MemberSeries, MetricField } from '../../../../../shared/protocol/monitor-api'
import { METRIC_FIELDS } from '../../../../../shared/protocol/monitor-api'
import {
  MAX_RING_CAPACITY,
  createRing,
  fieldIndex,
  ringCapacityFor,
  ringAppendSeries,
  ringBefore,
  ringFromSeries,
  ringLowerBound,
  ringPush,
  ringResize,
  ringRole,
  ringStatus,
  ringTopUp,
  ringTime,
  ringValue,
} from '../member-ring'
import { electionMarks, stateSegments } from '../timeline-segments'
import { fieldSource } from '../chart-data'

function series(t: number[], connections: (number | null)[]): MemberSeries {
  const values = Object.fromEntries(METRIC_FIELDS.map((f) => [f, t.map(() => null)])) as Record<MetricField, (number | null)[]>
  values.connections = connections
  return { memberId: 'a', t, status: t.map(() => 'serving'), role: t.map(() => 'follower'), zxid: t.map(() => null), values }
}

describe('member rings', () => {
  it('hold 24 h at the interval, capped at 24 h of 1 s points', () => {
    expect(ringCapacityFor(5_000)).toBe(17_296)
    expect(ringCapacityFor(100)).toBe(MAX_RING_CAPACITY)
  })

  it('overwrite the oldest point when full and read back in order', () => {
    const ring = createRing(3)
    for (let i = 0; i < 5; i += 1) ringPush(ring, { at: i, status: 'serving', role: 'leader', values: { connections: i * 10 } })
    expect(ring.size).toBe(3)
    expect([0, 1, 2].map((i) => ringTime(ring, i))).toEqual([2, 3, 4])
    expect(ringValue(ring, 2, fieldIndex('connections'))).toBe(40)
    expect(Number.isNaN(ringValue(ring, 2, fieldIndex('fsyncMs')))).toBe(true)
    expect(ringRole(ring, 0)).toBe('leader')
    expect(ringLowerBound(ring, 3)).toBe(1)
    expect(ringResize(ring, 2).size).toBe(2)
  })

  it('load history and keep live points that came after it', () => {
    const live = createRing(10)
    for (const at of [25, 30, 35]) ringPush(live, { at, status: 'down', role: null, values: null })
    const ring = ringFromSeries(series([10, 20, 30], [1, null, 3]), 10, live)
    expect([0, 1, 2, 3].map((i) => ringTime(ring, i))).toEqual([10, 20, 30, 35])
    expect(ringStatus(ring, 3)).toBe('down')
    expect(Number.isNaN(ringValue(ring, 1, fieldIndex('connections')))).toBe(true)
    // A shorter history later (the state of a reopened dashboard) keeps the longer past.
    const again = ringFromSeries(series([30], [3]), 10, ring)
    expect(Array.from({ length: again.size }, (_, i) => ringTime(again, i))).toEqual([10, 20, 30, 35])
  })

  it('become role segments, with holes where the monitor was not running', () => {
    const ring = createRing(10)
    const push = (at: number, role: 'leader' | 'follower' | null, status: 'serving' | 'down' = 'serving') =>
      ringPush(ring, { at, status, role, values: null })
    push(0, 'follower')
    push(1_000, 'follower')
    push(2_000, 'leader')
    push(3_000, null, 'down')
    push(60_000, 'follower')
    const segments = stateSegments(ring, 0, 61_000, 1_000, 15_000)
    expect(segments.map((s) => [s.from, s.to, s.status, s.role])).toEqual([
      [0, 2_000, 'serving', 'follower'],
      [2_000, 3_000, 'serving', 'leader'],
      [3_000, 4_000, 'down', null],
      [60_000, 61_000, 'serving', 'follower'],
    ])
  })

  it('leave out rounds without a new value, but keep the holes of a member that was down', () => {
    const ring = createRing(10)
    ringPush(ring, { at: 0, status: 'serving', role: 'leader', values: { connections: 1 } })
    ringPush(ring, { at: 1, status: 'serving', role: 'leader', values: null })
    ringPush(ring, { at: 2, status: 'down', role: null, values: null })
    ringPush(ring, { at: 3, status: 'serving', role: 'leader', values: { connections: 3 } })
    const src = fieldSource(ring, fieldIndex('connections'), 0, 3, 0)
    expect(Array.from({ length: src.size }, (_, i) => [src.t[i], src.v[i]])).toEqual([
      [0, 1],
      [2, Number.NaN],
      [3, 3],
    ])
  })

  it('append pages of history once, a shared boundary point only once, behind older points kept', () => {
    const live = createRing(10)
    ringPush(live, { at: 5, status: 'serving', role: 'leader', values: { connections: 5 } })
    ringPush(live, { at: 50, status: 'serving', role: 'leader', values: { connections: 50 } })
    const ring = ringBefore(live, 10, 10)
    ringAppendSeries(ring, series([10, 20, 30], [1, null, 3]))
    ringAppendSeries(ring, series([30, 40], [3, 4]))
    ringTopUp(ring, live)
    const times = Array.from({ length: ring.size }, (_, i) => ringTime(ring, i))
    expect(times).toEqual([5, 10, 20, 30, 40, 50])
    expect(Array.from({ length: ring.size }, (_, i) => ringValue(ring, i, fieldIndex('connections')))).toEqual([5, 1, Number.NaN, 3, 4, 50])
  })

  it('mark elections between leader terms with their duration', () => {
    const terms = [
      { memberId: 'a', serverId: 1, epoch: 1, from: 0, to: 10_000, electionMs: null },
      { memberId: 'b', serverId: 2, epoch: 2, from: 12_000, to: null, electionMs: 450 },
    ]
    expect(electionMarks(terms, 0, 20_000)).toEqual([{ from: 10_000, to: 12_000, durationMs: 450, leaderId: 'b' }])
  })
})
