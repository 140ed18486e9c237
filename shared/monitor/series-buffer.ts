/**
 * One member's history as a columnar ring buffer of typed arrays: 24 h at a
 * 1 s interval is 86 400 points, which as objects would cost ~100 MB per
 * member, and as columns costs ~14 MB. Metric values are float32 (about 7
 * significant digits, plenty for charts); time and zxid parts are float64.
 */
import { SERVER_MODES } from '../zk/four-letter'
import { zxidFromParts, zxidParts } from '../zk/four-letter'
import { MEMBER_STATUSES, METRIC_FIELDS, type MemberMetrics, type MemberSeries, type MemberStatus, type MetricField, type ServingRole } from './model'

export interface HistoryPoint {
  at: number
  status: MemberStatus
  role: ServingRole | null
  zxid: string | null
  /** null for every metric when the point only records a status (member down, stale data). */
  metrics: MemberMetrics | null
}

const FIELD_COUNT = METRIC_FIELDS.length

/** float32 noise trimmed, so 1.1727 does not come back as 1.1727000474929810. */
function readValue(raw: number): number | null {
  return Number.isNaN(raw) ? null : Number(raw.toPrecision(7))
}

export class SeriesBuffer {
  private t: Float64Array
  private status: Uint8Array
  private role: Uint8Array
  private epoch: Float64Array
  private counter: Float64Array
  private values: Float32Array
  private start = 0
  private count = 0

  constructor(capacity: number) {
    this.t = new Float64Array(capacity)
    this.status = new Uint8Array(capacity)
    this.role = new Uint8Array(capacity)
    this.epoch = new Float64Array(capacity)
    this.counter = new Float64Array(capacity)
    this.values = new Float32Array(capacity * FIELD_COUNT)
  }

  get capacity(): number {
    return this.t.length
  }

  get size(): number {
    return this.count
  }

  push(point: HistoryPoint): void {
    const cap = this.t.length
    let slot: number
    if (this.count < cap) {
      slot = (this.start + this.count) % cap
      this.count += 1
    } else {
      slot = this.start
      this.start = (this.start + 1) % cap
    }
    this.t[slot] = point.at
    this.status[slot] = MEMBER_STATUSES.indexOf(point.status)
    this.role[slot] = point.role === null ? 0 : SERVER_MODES.indexOf(point.role) + 1
    const parts = point.zxid ? zxidParts(point.zxid) : null
    this.epoch[slot] = parts ? parts.epoch : Number.NaN
    this.counter[slot] = parts ? parts.counter : Number.NaN
    const base = slot * FIELD_COUNT
    for (let i = 0; i < FIELD_COUNT; i += 1) {
      const value = point.metrics ? point.metrics[METRIC_FIELDS[i] as (typeof METRIC_FIELDS)[number]] : null
      this.values[base + i] = value === null || !Number.isFinite(value) ? Number.NaN : value
    }
  }

  private slot(index: number): number {
    return (this.start + index) % this.t.length
  }

  /** The time of the newest point, or null when empty. */
  lastAt(): number | null {
    return this.count === 0 ? null : (this.t[this.slot(this.count - 1)] ?? null)
  }

  /** The i-th point, oldest first. */
  at(index: number): HistoryPoint | null {
    if (index < 0 || index >= this.count) return null
    const s = this.slot(index)
    const metrics = {} as MemberMetrics
    let any = false
    for (let i = 0; i < FIELD_COUNT; i += 1) {
      const value = readValue(this.values[s * FIELD_COUNT + i] ?? Number.NaN)
      if (value !== null) any = true
      metrics[METRIC_FIELDS[i] as (typeof METRIC_FIELDS)[number]] = value
    }
    const epoch = this.epoch[s] ?? Number.NaN
    const roleIndex = this.role[s] ?? 0
    return {
      at: this.t[s] ?? 0,
      status: MEMBER_STATUSES[this.status[s] ?? 0] ?? 'unknown',
      role: roleIndex === 0 ? null : (SERVER_MODES[roleIndex - 1] ?? null),
      zxid: Number.isNaN(epoch) ? null : zxidFromParts(epoch, this.counter[s] ?? 0),
      metrics: any ? metrics : null,
    }
  }

  /** Index of the first point at or after `from` (binary search: times only grow). */
  private firstIndexFrom(from: number): number {
    let lo = 0
    let hi = this.count
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.t[this.slot(mid)] ?? 0) < from) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Points in [from, to], oldest first. */
  points(from: number, to = Number.POSITIVE_INFINITY): HistoryPoint[] {
    const out: HistoryPoint[] = []
    for (let i = this.firstIndexFrom(from); i < this.count; i += 1) {
      const p = this.at(i)
      if (!p || p.at > to) break
      out.push(p)
    }
    return out
  }

  /**
   * Points in [from, to] as columns, straight from the typed arrays (no
   * object per point: 24 h at 1 s is 86,400 of them). `fields` limits the
   * metrics sent (a chart page needs 9 of the 15). With `maxPoints`,
   * consecutive points are merged per bucket (mean of each metric, last
   * status, role and zxid).
   */
  series(
    memberId: string,
    from: number,
    to = Number.POSITIVE_INFINITY,
    maxPoints = 0,
    fields: readonly MetricField[] = METRIC_FIELDS,
  ): MemberSeries {
    const first = this.firstIndexFrom(from)
    let end = first
    while (end < this.count && (this.t[this.slot(end)] ?? 0) <= to) end += 1
    const n = end - first
    const per = maxPoints > 0 && n > maxPoints ? Math.ceil(n / maxPoints) : 1
    const out: MemberSeries = { memberId, t: [], status: [], role: [], zxid: [], values: {} }
    const columns = fields.map((field) => {
      const column: (number | null)[] = []
      out.values[field] = column
      return { offset: METRIC_FIELDS.indexOf(field), column }
    })
    for (let i = first; i < end; i += per) {
      const stop = Math.min(end, i + per)
      const last = this.slot(stop - 1)
      const epoch = this.epoch[last] ?? Number.NaN
      const roleIndex = this.role[last] ?? 0
      out.t.push(this.t[last] ?? 0)
      out.status.push(MEMBER_STATUSES[this.status[last] ?? 0] ?? 'unknown')
      out.role.push(roleIndex === 0 ? null : (SERVER_MODES[roleIndex - 1] ?? null))
      out.zxid.push(Number.isNaN(epoch) ? null : zxidFromParts(epoch, this.counter[last] ?? 0))
      for (const { offset, column } of columns) {
        let sum = 0
        let count = 0
        for (let j = i; j < stop; j += 1) {
          const raw = this.values[this.slot(j) * FIELD_COUNT + offset] ?? Number.NaN
          if (!Number.isNaN(raw)) {
            sum += readValue(raw) ?? 0
            count += 1
          }
        }
        column.push(count === 0 ? null : per === 1 ? sum : Number((sum / count).toPrecision(7)))
      }
    }
    return out
  }

  /** Changes the capacity, keeping the newest points. */
  resize(capacity: number): SeriesBuffer {
    const next = new SeriesBuffer(capacity)
    const from = Math.max(0, this.count - capacity)
    for (let i = from; i < this.count; i += 1) {
      const p = this.at(i)
      if (p) next.push(p)
    }
    return next
  }
}
