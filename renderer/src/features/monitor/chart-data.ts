/**
 * Which charts the dashboard draws and their data: one line per member and
 * field, in the member's colour, all lines of a chart on one downsampled
 * time grid (recharts then gets one data array per chart instead of one per
 * line, which is what keeps panning cheap).
 */
import { bucketRows, type ChartRow } from './downsample'
import { fieldIndex, ringTime, ringValue, type MemberRing, type RingField } from './member-ring'

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
  const sources = []
  for (const { field, dashed } of spec.fields) {
    const f = fieldIndex(field)
    for (const memberId of memberIds) {
      const ring = rings[memberId]
      if (!ring) continue
      sources.push({ size: ring.size, time: (i: number) => ringTime(ring, i), value: (i: number) => ringValue(ring, i, f) })
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
