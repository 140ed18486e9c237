import { describe, expect, it } from 'vitest'
import { bucketRows, gridOf, nearestRow, type SeriesSource } from '../downsample'

function source(t: number[], v: number[]): SeriesSource {
  return { size: t.length, t, v }
}

/** A day at 5 s: 17,280 points with one spike and one dip. */
function day(phase = 0): SeriesSource {
  const t: number[] = []
  const v: number[] = []
  for (let i = 0; i < 17_280; i += 1) {
    t.push(i * 5_000 + phase)
    v.push(i === 5_000 ? 900 : i === 12_000 ? -40 : 10 + (i % 7))
  }
  return source(t, v)
}

const DAY = { from: 0, to: 17_280 * 5_000, maxBuckets: 300, minBucketMs: 5_000, gapMs: 15_000 }

describe('min/max downsampling on a shared grid', () => {
  it('keeps two rows per bucket and never loses a spike or a dip', () => {
    const rows = bucketRows([day(), day(1_234)], DAY)
    expect(rows).toHaveLength(600)
    for (const line of [0, 1]) {
      const values = rows.map((r) => r.v[line] ?? 0)
      expect(Math.max(...values)).toBe(900)
      expect(Math.min(...values)).toBe(-40)
    }
    const times = rows.map((r) => r.t)
    expect([...times].sort((a, b) => a - b)).toEqual(times)
  })

  it('draws every point of a short window, members polled at slightly different times sharing rows', () => {
    const a = source([0, 5_000, 10_000, 15_000], [1, 2, 3, 4])
    const b = source([300, 5_300, 10_300, 15_300], [10, 20, 30, 40])
    const rows = bucketRows([a, b], { from: 0, to: 20_000, maxBuckets: 300, minBucketMs: 5_000, gapMs: 15_000 })
    expect(gridOf({ from: 0, to: 20_000, maxBuckets: 300, minBucketMs: 5_000, gapMs: 15_000 }).buckets).toBe(4)
    // One point per bucket: the value, then the way toward the next point; no line is broken by the jitter.
    expect(rows.map((r) => r.v[0])).toEqual([1, 1.75, 2, 2.75, 3, 3.75, 4, 4])
    expect(rows.every((r) => r.v[1] !== null)).toBe(true)
  })

  it('breaks lines where a member had no value and across holes, and joins close neighbours', () => {
    const down = source([0, 5_000, 10_000, 15_000, 20_000], [1, Number.NaN, Number.NaN, 4, 5])
    const rows = bucketRows([down], { from: 0, to: 25_000, maxBuckets: 300, minBucketMs: 5_000, gapMs: 15_000 })
    expect(rows.map((r) => r.v[0])).toEqual([1, 1, null, null, null, null, 4, 4.75, 5, 5])
    const hole = source([0, 60_000], [1, 2])
    const holeRows = bucketRows([hole], { from: 0, to: 60_000, maxBuckets: 300, minBucketMs: 5_000, gapMs: 15_000 })
    expect(holeRows.slice(2, -2).every((r) => r.v[0] === null)).toBe(true)
    const close = source([0, 10_000], [0, 10])
    expect(bucketRows([close], { from: 0, to: 10_000, maxBuckets: 300, minBucketMs: 2_500, gapMs: 15_000 })[3]?.v[0]).toBeCloseTo(4.375)
  })

  it('finds the nearest row for a hover read-out', () => {
    const rows = [
      { t: 0, v: [1] },
      { t: 10, v: [2] },
      { t: 20, v: [null] },
    ]
    expect(nearestRow(rows, 4)?.t).toBe(0)
    expect(nearestRow(rows, 6)?.t).toBe(10)
    expect(nearestRow(rows, 99)?.t).toBe(20)
    expect(nearestRow([], 5)).toBeNull()
  })
})
