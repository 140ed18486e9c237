/**
 * One member's charted history in the renderer: a fixed-capacity columnar
 * ring (typed arrays), sized for 24 h at the monitor's interval. It is
 * mutated in place and the store bumps a revision number, because copying
 * 17,280 points on every 5 s sample would be wasted work. NaN marks "no
 * value" (member down, counter reset, nothing happened in the interval).
 */
import { MEMBER_STATUSES, type MemberSeries, type MemberStatus, type MetricField, type ServingRole } from '../../../../shared/protocol/monitor-api'
import { SERVER_MODES } from '../../../../shared/zk/four-letter'

/** The metrics the dashboard charts; the rest stay in the backend. */
export const RING_FIELDS = [
  'requestLatencyMs',
  'latencyMaxMs',
  'outstandingRequests',
  'packetsReceivedPerSec',
  'packetsSentPerSec',
  'connections',
  'znodeCount',
  'watchCount',
  'fsyncMs',
] as const satisfies readonly MetricField[]
export type RingField = (typeof RING_FIELDS)[number]

const FIELD_COUNT = RING_FIELDS.length
const DAY_MS = 24 * 3_600_000
/** 24 h at the 1 s minimum interval, plus the backend's slack. */
export const MAX_RING_CAPACITY = DAY_MS / 1_000 + 16

export interface MemberRing {
  capacity: number
  /** Physical slot of the oldest point. */
  start: number
  size: number
  t: Float64Array
  /** Index into MEMBER_STATUSES. */
  status: Uint8Array
  /** 0 = no role, else SERVER_MODES index + 1. */
  role: Uint8Array
  /** capacity × RING_FIELDS.length, row-major per point. */
  values: Float32Array
}

export interface RingPoint {
  at: number
  status: MemberStatus
  role: ServingRole | null
  /** null for a status-only point; missing fields are NaN. */
  values: Partial<Record<RingField, number | null>> | null
}

/** Points 24 h hold at this interval, never more than MAX_RING_CAPACITY. */
export function ringCapacityFor(intervalMs: number): number {
  return Math.min(MAX_RING_CAPACITY, Math.ceil(DAY_MS / Math.max(1_000, intervalMs)) + 16)
}

export function createRing(capacity: number): MemberRing {
  return {
    capacity,
    start: 0,
    size: 0,
    t: new Float64Array(capacity),
    status: new Uint8Array(capacity),
    role: new Uint8Array(capacity),
    values: new Float32Array(capacity * FIELD_COUNT).fill(Number.NaN),
  }
}

function slotOf(ring: MemberRing, index: number): number {
  return (ring.start + index) % ring.capacity
}

export function ringPush(ring: MemberRing, point: RingPoint): void {
  let slot: number
  if (ring.size < ring.capacity) {
    slot = slotOf(ring, ring.size)
    ring.size += 1
  } else {
    slot = ring.start
    ring.start = (ring.start + 1) % ring.capacity
  }
  ring.t[slot] = point.at
  ring.status[slot] = Math.max(0, MEMBER_STATUSES.indexOf(point.status))
  ring.role[slot] = point.role === null ? 0 : SERVER_MODES.indexOf(point.role) + 1
  const base = slot * FIELD_COUNT
  for (let f = 0; f < FIELD_COUNT; f += 1) {
    const value = point.values?.[RING_FIELDS[f] as RingField]
    ring.values[base + f] = value === null || value === undefined || !Number.isFinite(value) ? Number.NaN : value
  }
}

export function ringTime(ring: MemberRing, index: number): number {
  return ring.t[slotOf(ring, index)] ?? Number.NaN
}

export function ringValue(ring: MemberRing, index: number, field: number): number {
  return ring.values[slotOf(ring, index) * FIELD_COUNT + field] ?? Number.NaN
}

export function ringStatus(ring: MemberRing, index: number): MemberStatus {
  return MEMBER_STATUSES[ring.status[slotOf(ring, index)] ?? 0] ?? 'unknown'
}

export function ringRole(ring: MemberRing, index: number): ServingRole | null {
  const code = ring.role[slotOf(ring, index)] ?? 0
  return code === 0 ? null : (SERVER_MODES[code - 1] ?? null)
}

export function ringLastTime(ring: MemberRing): number | null {
  return ring.size === 0 ? null : ringTime(ring, ring.size - 1)
}

/** Index of the first point at or after `at` (times only grow). */
export function ringLowerBound(ring: MemberRing, at: number): number {
  let lo = 0
  let hi = ring.size
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ringTime(ring, mid) < at) lo = mid + 1
    else hi = mid
  }
  return lo
}

function copyPoint(from: MemberRing, index: number, to: MemberRing): void {
  const src = slotOf(from, index)
  let slot: number
  if (to.size < to.capacity) {
    slot = slotOf(to, to.size)
    to.size += 1
  } else {
    slot = to.start
    to.start = (to.start + 1) % to.capacity
  }
  to.t[slot] = from.t[src] ?? 0
  to.status[slot] = from.status[src] ?? 0
  to.role[slot] = from.role[src] ?? 0
  to.values.set(from.values.subarray(src * FIELD_COUNT, (src + 1) * FIELD_COUNT), slot * FIELD_COUNT)
}

/** A ring of another capacity with the newest points of `ring`. */
export function ringResize(ring: MemberRing, capacity: number): MemberRing {
  const next = createRing(capacity)
  for (let i = Math.max(0, ring.size - capacity); i < ring.size; i += 1) copyPoint(ring, i, next)
  return next
}

/**
 * Appends a page of history (oldest first) after what the ring holds;
 * points not newer than its last one are skipped, so pages that share a
 * boundary point do not repeat it. Straight into the columns: 24 h of a
 * member is 17,280 points, no object per point.
 */
export function ringAppendSeries(ring: MemberRing, series: MemberSeries): void {
  const n = series.t.length
  const columns = RING_FIELDS.map((field) => series.values[field])
  const last = ringLastTime(ring) ?? Number.NEGATIVE_INFINITY
  let i = Math.max(0, n - ring.capacity)
  while (i < n && (series.t[i] ?? 0) <= last) i += 1
  for (; i < n; i += 1) {
    ringPush(ring, { at: series.t[i] ?? 0, status: series.status[i] ?? 'unknown', role: series.role[i] ?? null, values: null })
    const base = ((ring.start + ring.size - 1) % ring.capacity) * FIELD_COUNT
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      const value = columns[f]?.[i]
      ring.values[base + f] = value === null || value === undefined ? Number.NaN : value
    }
  }
}

/** A new ring with the points of `live` older than `before` (a longer range loaded earlier than the history now loading). */
export function ringBefore(live: MemberRing | null, before: number, capacity: number): MemberRing {
  const ring = createRing(capacity)
  if (live) for (let i = 0, end = ringLowerBound(live, before); i < end; i += 1) copyPoint(live, i, ring)
  return ring
}

/**
 * History from the backend merged into what the ring already holds: older
 * points the history does not reach back to (a longer range loaded
 * earlier), the history itself, then newer points (samples that arrived
 * while the history was on its way).
 */
export function ringFromSeries(series: MemberSeries, capacity: number, live: MemberRing | null): MemberRing {
  const first = series.t[0]
  const ring = ringBefore(live, first ?? Number.NEGATIVE_INFINITY, capacity)
  ringAppendSeries(ring, series)
  if (live) ringTopUp(ring, live)
  return ring
}

/** Appends the points of `from` that are newer than the last point of `to` (samples that came in meanwhile). */
export function ringTopUp(to: MemberRing, from: MemberRing): void {
  const last = ringLastTime(to) ?? Number.NEGATIVE_INFINITY
  for (let i = ringLowerBound(from, last + 1); i < from.size; i += 1) copyPoint(from, i, to)
}

export function fieldIndex(field: RingField): number {
  return RING_FIELDS.indexOf(field)
}
