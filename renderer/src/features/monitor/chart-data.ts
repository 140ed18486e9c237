/**
 * Which charts the dashboard draws and their data: one line per member and
 * field, in the member's colour, all lines of a chart on one downsampled
 * time grid (recharts then gets one data array per chart instead of one per
 * line, which is what keeps panning cheap).
 */
import { bucketRows, type ChartRow, type SeriesSource } from './downsample'
import { MEMBER_STATUSES } from '../../../../shared/protocol/monitor-api'
import { fieldIndex, RING_FIELDS, ringLowerBound, type MemberRing, type RingField } from './member-ring'

const SERVING = MEMBER_STATUSES.indexOf('serving')

/**
 * One field of a ring around [from, to], as the chart should see it. A
 * serving member without a value had nothing new to say that round (its poll
 * was still running, or no request completed in the interval): that point
 * is left out, so the line runs on from the previous value. A member that
 * was down, not serving or unreadable keeps its empty point: the line breaks.
 */
export function fieldSource(ring: MemberRing, field: number, from: number, to: number, margin: number): SeriesSource {
  const first = Math.max(0, ringLowerBound(ring, from - margin) - 1)
  const t = new Float64Array(Math.max(0, ring.size - first))
  const v = new Float32Array(t.length)
  const { capacity, start, status, values } = ring
  const fields = RING_FIELDS.length
  let size = 0
  // Straight on the typed arrays: a 24 h chart reads 170,000 points per draw.
  for (let i = first; i < ring.size; i += 1) {
    const slot = (start + i) % capacity
    const at = ring.t[slot] ?? Number.NaN
    const value = values[slot * fields + field] ?? Number.NaN
    const past = at > to + margin
    if (!past && status[slot] === SERVING && Number.isNaN(value)) continue
    t[size] = at
    v[size] = value
    size += 1
    if (past) break
  }
  return { size, t, v }
}

export const CHART_IDS = ['latency', 'outstanding', 'packets', 'connections', 'znodes', 'watches', 'fsync'] as const
export type ChartId = (typeof CHART_IDS)[number]

export interface ChartSpec {
  id: ChartId
  /** Solid first; a dashed second field shares the chart (max latency, packets sent). */
  fields: Array<{ field: RingField; dashed: boolean }>
  unit: 'ms' | 'count' | 'rate'
}

export const CHART_SPECS: readonly ChartSpec[] = [
  { id: 'latency', unit: 'ms', fields: [{ field: 'requestLatencyMs', dashed: false }, { field: 'latencyMaxMs', dashed: true }] },
  { id: 'outstanding', unit: 'count', fields: [{ field: 'outstandingRequests', dashed: false }] },
  { id: 'packets', unit: 'rate', fields: [{ field: 'packetsReceivedPerSec', dashed: false }, { field: 'packetsSentPerSec', dashed: true }] },
  { id: 'connections', unit: 'count', fields: [{ field: 'connections', dashed: false }] },
  { id: 'znodes', unit: 'count', fields: [{ field: 'znodeCount', dashed: false }] },
  { id: 'watches', unit: 'count', fields: [{ field: 'watchCount', dashed: false }] },
  { id: 'fsync', unit: 'ms', fields: [{ field: 'fsyncMs', dashed: false }] },
]

export interface ChartLine {
  /** Index into each row's values. */
  index: number
  key: string
  memberId: string
  field: RingField
  color: string
  dashed: boolean
}

export interface ChartData {
  lines: ChartLine[]
  rows: ChartRow[]
  /** Whether any line has a value in the window. */
  hasData: boolean
  /** The largest value drawn (the y axis is scaled to it), 0 without data. */
  max: number
}

export interface DataOptions {
  from: number
  to: number
  /** Pixel buckets across the plot; each keeps its minimum and maximum. */
  buckets: number
  intervalMs: number
  /** A hole longer than this (the monitor was not running) breaks the line. */
  gapMs: number
  /** One bucket per interval, however wide the window (the benchmark's reference: every point drawn). */
  raw: boolean
}

export function chartData(
  spec: ChartSpec,
  rings: Readonly<Record<string, MemberRing>>,
  memberIds: readonly string[],
  colors: Readonly<Record<string, string>>,
  opts: DataOptions,
): ChartData {
  const lines: ChartLine[] = []
  const sources: SeriesSource[] = []
  for (const { field, dashed } of spec.fields) {
    const f = fieldIndex(field)
    for (const memberId of memberIds) {
      const ring = rings[memberId]
      if (!ring) continue
      sources.push(fieldSource(ring, f, opts.from, opts.to, opts.gapMs))
      lines.push({ index: lines.length, key: `${memberId}|${field}`, memberId, field, color: colors[memberId] ?? '#7d8796', dashed })
    }
  }
  const rows = bucketRows(sources, {
    from: opts.from,
    to: opts.to,
    maxBuckets: opts.raw ? Number.POSITIVE_INFINITY : opts.buckets,
    minBucketMs: opts.intervalMs,
    gapMs: opts.gapMs,
  })
  let max = Number.NEGATIVE_INFINITY
  for (const row of rows) for (const v of row.v) if (v !== null && v > max) max = v
  return { lines, rows, hasData: max > Number.NEGATIVE_INFINITY, max: Math.max(0, max) }
}
