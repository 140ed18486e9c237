/**
 * Counter resets and interval rates (monitoring reference §4.3, §6.9).
 * ServerStats values (packets, latency, uptime) restart at every role change;
 * `srst` also zeroes every metrics-system counter; a process restart zeroes
 * everything. Rates are deltas over the interval, dropped (null) whenever a
 * reset makes the delta meaningless, so charts never show fake drops.
 */
import { mntrNumber, mntrSummary, type MntrData, type ServerStats } from '../zk/four-letter'
import type { ResetKind, ServingRole } from './model'

type Summary = { count: number; sum: number } | null

export interface CounterSample {
  at: number
  role: ServingRole | null
  uptimeMs: number | null
  lookingCount: number | null
  electionCount: number | null
  dbInitCount: number | null
  commitCount: number | null
  packetsReceived: number | null
  packetsSent: number | null
  read: Summary
  update: Summary
  fsync: Summary
  /** `unavailable_time`: one entry per episode out of BROADCAST (election, sync). */
  unavailable: Summary
  /** The console's own 4lw packets around this reading (see MemberObservation.ownPackets). */
  ownBefore: number
  ownAfter: number
}

export function counterSample(
  at: number,
  role: ServingRole | null,
  srvr: ServerStats | null,
  mntr: MntrData | null,
  own: { beforeCounters: number; afterCounters: number } = { beforeCounters: 0, afterCounters: 0 },
): CounterSample {
  const n = (key: string) => (mntr ? mntrNumber(mntr, key) : null)
  const s = (name: string) => (mntr ? mntrSummary(mntr, name) : null)
  return {
    at,
    role,
    uptimeMs: n('uptime'),
    lookingCount: n('looking_count'),
    electionCount: s('election_time')?.count ?? null,
    dbInitCount: s('dbinittime')?.count ?? null,
    commitCount: n('commit_count'),
    packetsReceived: n('packets_received') ?? srvr?.received ?? null,
    packetsSent: n('packets_sent') ?? srvr?.sent ?? null,
    read: s('readlatency'),
    update: s('updatelatency'),
    fsync: s('fsynctime'),
    unavailable: s('unavailable_time'),
    ownBefore: own.beforeCounters,
    ownAfter: own.afterCounters,
  }
}

function fell(prev: number | null | undefined, cur: number | null | undefined): boolean {
  return prev !== null && prev !== undefined && cur !== null && cur !== undefined && cur < prev
}

function rose(prev: number | null, cur: number | null): boolean {
  return prev !== null && cur !== null && cur > prev
}

/**
 * Which reset happened between two polls of one member, if any.
 * `downBetween` says the member was unreachable in between (a restart is then likely).
 */
export function detectReset(prev: CounterSample, cur: CounterSample, downBetween: boolean): ResetKind | null {
  const roleChanged = prev.role !== null && cur.role !== null && prev.role !== cur.role
  // Metrics-system counters survive a role change but not a restart or srst.
  const metricsFell =
    fell(prev.lookingCount, cur.lookingCount) ||
    fell(prev.electionCount, cur.electionCount) ||
    fell(prev.dbInitCount, cur.dbInitCount) ||
    fell(prev.commitCount, cur.commitCount) ||
    fell(prev.read?.count, cur.read?.count) ||
    fell(prev.update?.count, cur.update?.count)
  const statsFell = fell(prev.packetsReceived, cur.packetsReceived) || fell(prev.packetsSent, cur.packetsSent)
  if (prev.uptimeMs !== null && cur.uptimeMs !== null) {
    if (cur.uptimeMs < prev.uptimeMs) {
      if (rose(prev.lookingCount, cur.lookingCount) && !metricsFell) return 'role-change'
      if (metricsFell || downBetween) return 'restart'
      return roleChanged ? 'role-change' : 'restart'
    }
    return metricsFell || statsFell ? 'stats-reset' : null
  }
  // Without uptime (3.5 and older, or srvr only) only the packet counters tell.
  if (statsFell || metricsFell) {
    if (downBetween) return 'restart'
    return roleChanged ? 'role-change' : 'stats-reset'
  }
  if (roleChanged) return 'role-change'
  return downBetween ? 'restart' : null
}

export interface IntervalRates {
  packetsReceivedPerSec: number | null
  packetsSentPerSec: number | null
  readLatencyMs: number | null
  updateLatencyMs: number | null
  requestLatencyMs: number | null
  fsyncMs: number | null
  /** Mean length of the outages (elections) that ended in this interval, as the server measured them. */
  electionOutageMs: number | null
}

const NO_RATES: IntervalRates = {
  packetsReceivedPerSec: null,
  packetsSentPerSec: null,
  readLatencyMs: null,
  updateLatencyMs: null,
  requestLatencyMs: null,
  fsyncMs: null,
  electionOutageMs: null,
}

function delta(prev: number | null | undefined, cur: number | null | undefined): number | null {
  if (prev === null || prev === undefined || cur === null || cur === undefined || cur < prev) return null
  return cur - prev
}

/** Mean of the interval: Δsum / Δcount, null when nothing happened or a count fell. */
function intervalMean(...pairs: Array<[Summary, Summary]>): number | null {
  let count = 0
  let sum = 0
  for (const [prev, cur] of pairs) {
    const dc = delta(prev?.count, cur?.count)
    const ds = delta(prev?.sum, cur?.sum)
    if (dc === null || ds === null) return null
    count += dc
    sum += ds
  }
  return count > 0 ? sum / count : null
}

/** Rates between two polls; all null across a reset, so no chart draws a fake spike or drop. */
export function intervalRates(prev: CounterSample, cur: CounterSample, reset: ResetKind | null): IntervalRates {
  const seconds = (cur.at - prev.at) / 1000
  // Metrics-system summaries survive a role change, so the election that caused it can be measured.
  const electionOutageMs = reset === null || reset === 'role-change' ? intervalMean([prev.unavailable, cur.unavailable]) : null
  if (reset !== null || seconds <= 0) return { ...NO_RATES, electionOutageMs }
  const perSec = (a: number | null, b: number | null, own = 0) => {
    const d = delta(a, b)
    return d === null ? null : Math.max(0, d - own) / seconds
  }
  // Every four-letter word counts as a received packet: leave the console's own out.
  const own = prev.ownAfter + cur.ownBefore
  return {
    packetsReceivedPerSec: perSec(prev.packetsReceived, cur.packetsReceived, own),
    packetsSentPerSec: perSec(prev.packetsSent, cur.packetsSent),
    readLatencyMs: intervalMean([prev.read, cur.read]),
    updateLatencyMs: intervalMean([prev.update, cur.update]),
    requestLatencyMs: intervalMean([prev.read, cur.read], [prev.update, cur.update]),
    fsyncMs: intervalMean([prev.fsync, cur.fsync]),
    electionOutageMs,
  }
}

export function describeReset(kind: ResetKind): string {
  switch (kind) {
    case 'restart':
      return 'process restart: every counter started again'
    case 'role-change':
      return 'role change: packet and latency counters restarted with the new server object'
    case 'stats-reset':
      return 'counters reset by someone (srst or /commands/stat_reset) while the server kept running'
  }
}
