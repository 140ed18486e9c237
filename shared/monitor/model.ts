/**
 * Plain data of the monitoring console: what crosses the contract (re-exported
 * by shared/protocol/monitor-api.ts) and what the pure model code computes.
 * JSON-safe only; 64-bit values (zxids, session ids) are `0x…` strings.
 */
import type { PollCommand, ServerMode } from '../zk/four-letter'

export type { PollCommand } from '../zk/four-letter'

/**
 * What a member is doing, as far as the console can tell:
 * - serving: answering clients (see `role`);
 * - not-serving: alive but in election, discovery, sync or shutdown;
 * - down: not reachable (refused, reset, no answer in time);
 * - not-whitelisted: reachable, but the words needed to see its state are off
 *   and no AdminServer is available;
 * - tls-only: the port answers only TLS;
 * - unknown: not polled yet, or an answer the console cannot read.
 */
export const MEMBER_STATUSES = ['serving', 'not-serving', 'down', 'not-whitelisted', 'tls-only', 'unknown'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

/** The serving role: the `Mode:` of `srvr`. */
export type ServingRole = ServerMode

/** Why one exchange failed. */
export const FAILURE_KINDS = [
  'refused',
  'reset',
  'timeout-connect',
  'timeout-first-byte',
  'timeout-total',
  'empty',
  'tls',
  'too-large',
  'unreachable',
  'dns',
  'http-error',
  'bad-response',
  'aborted',
  'error',
] as const
export type FailureKind = (typeof FAILURE_KINDS)[number]

export type DataSource = 'four-letter' | 'admin'

/**
 * auto: four-letter words where whitelisted, the AdminServer for the rest;
 * four-letter / admin: only that transport.
 */
export const TRANSPORT_PREFERENCES = ['auto', 'four-letter', 'admin'] as const
export type TransportPreference = (typeof TRANSPORT_PREFERENCES)[number]

export interface PollTimeouts {
  /** TCP (and TLS) connect. */
  connectMs: number
  /** From connected to the first byte of the answer: catches frozen JVMs. */
  firstByteMs: number
  /** The whole exchange. */
  totalMs: number
}

export interface AdminEndpoint {
  host: string
  port: number
  scheme: 'http' | 'https'
  /** Where the address came from: the user, or the default port guessed for this host. */
  origin: 'user' | 'default'
  /** https only: how the server's certificate is checked; absent, against the system's CAs. */
  verify?: AdminVerify
}

/**
 * A CA the user gave (PEM: a self-signed AdminServer certificate, or the CA
 * that signed it), or no check at all, which the user chose knowingly.
 */
export type AdminVerify = { caPem: string } | { insecure: true }

export type AdminStatus = 'not-configured' | 'unknown' | 'available' | 'unavailable' | 'mismatch'

/** Per member and command: what works and what feeds the console. */
export interface CommandCapability {
  command: PollCommand
  fourLetter: 'enabled' | 'not-whitelisted' | 'no-answer' | 'unknown'
  admin: 'available' | 'unavailable' | 'unknown'
  /** The transport that fed the last answer; null when nothing could. */
  source: DataSource | null
  /** How to enable what is missing, e.g. the zoo.cfg line. */
  hint: string | null
}

/** A member as configured and identified (changes rarely; see MemberSnapshot for per-round data). */
export interface MemberInfo {
  memberId: string
  /** What the user sees, e.g. `zk1.example.com:2181 (10.0.0.1)`. */
  label: string
  /** The ZooKeeper server id (`myid`), once a member has told it. */
  serverId: number | null
  /** The address polled for four-letter words (the client port). */
  host: string
  port: number
  /** The configured name when `host` is one of its resolved addresses. */
  hostname: string | null
  admin: AdminEndpoint | null
  adminStatus: AdminStatus
  transport: TransportPreference
  tls: boolean
  origin: 'connect-string' | 'dns' | 'config' | 'user'
  /** Voter or observer, from the ensemble config; null while unknown. */
  learnerType: 'participant' | 'observer' | null
  /**
   * False for addresses nobody vouched for and that never answered (for
   * example `::1` of `localhost`): shown, but not counted in quorum or alerts.
   */
  confirmed: boolean
  /** True when the client address was guessed (static config lines have none). */
  addressGuessed: boolean
  /** Other addresses that reached the same server. */
  aliases: string[]
  capabilities: CommandCapability[]
  /** Things the user should know, e.g. a load balancer in front of several servers. */
  warnings: string[]
}

/** Numbers charted per member. Rates and interval means never go negative across resets. */
export const METRIC_FIELDS = [
  'latencyAvgMs',
  'latencyMinMs',
  'latencyMaxMs',
  'requestLatencyMs',
  'readLatencyMs',
  'updateLatencyMs',
  'fsyncMs',
  'packetsReceivedPerSec',
  'packetsSentPerSec',
  'outstandingRequests',
  'connections',
  'znodeCount',
  'watchCount',
  'ephemeralsCount',
  'approximateDataSize',
  'openFds',
  'maxFds',
  'quorumSize',
  'learners',
  'syncedFollowers',
  'syncedNonVotingFollowers',
  'syncedObservers',
  'pendingSyncs',
  'uptimeMs',
  'leaderUptimeMs',
  'lookingCount',
  'electionCount',
  'electionOutageMs',
  'digestMismatches',
  'unrecoverableErrors',
  'dataWatches',
  'watchedPaths',
  'globalSessions',
  'pollMs',
] as const
export type MetricField = (typeof METRIC_FIELDS)[number]
export type MemberMetrics = Record<MetricField, number | null>

export const RESET_KINDS = ['restart', 'role-change', 'stats-reset'] as const
export type ResetKind = (typeof RESET_KINDS)[number]

export interface CounterReset {
  kind: ResetKind
  at: number
  /** In words, for the chart annotation. */
  message: string
}

/** One member in one round. */
export interface MemberSnapshot {
  memberId: string
  serverId: number | null
  status: MemberStatus
  role: ServingRole | null
  /** Wall-clock ms since when `status` (and `role`) hold. */
  statusSince: number
  /** Why, in words (the failure, the hint), or null when all is well. */
  detail: string | null
  failure: FailureKind | null
  consecutiveFailures: number
  /** When the data in this snapshot was taken; null before the first answer. */
  polledAt: number | null
  /** True when this round reused older data: the member's previous poll was still running or it is backing off. */
  stale: boolean
  version: string | null
  fullVersion: string | null
  zxid: string | null
  epoch: number | null
  zxidCounter: number | null
  /** Transactions behind the leader (same epoch only); null when unknown. */
  lag: number | null
  configVersion: string | null
  readOnly: boolean
  metrics: MemberMetrics
  /** A counter reset seen in this round. */
  reset: CounterReset | null
  sources: { state: DataSource | null; metrics: DataSource | null }
}

export type HealthLevel = 'healthy' | 'warning' | 'critical' | 'unknown'

export interface HealthProblem {
  code:
    | 'no-members'
    | 'member-down'
    | 'member-not-serving'
    | 'member-unreadable'
    | 'no-leader'
    | 'several-leaders'
    | 'quorum-lost'
    | 'quorum-at-risk'
    | 'followers-not-synced'
    | 'read-only'
    | 'version-drift'
    | 'config-drift'
    | 'epoch-ahead'
    | 'data-integrity'
  level: 'warning' | 'critical'
  message: string
  memberIds: string[]
}

export interface QuorumHealth {
  /** Voting members (from the leader's quorum size, else the config). */
  voters: number
  /** Voters currently serving as leader or follower. */
  votersServing: number
  majority: number
  /** The leader plus its synced voting followers; null without the leader's mntr. */
  votersInSync: number | null
  /** How many more voters can be lost before the quorum goes; null when unknown. */
  canLose: number | null
  quorumSize: number | null
  syncedFollowers: number | null
  observers: number
}

export interface EnsembleHealth {
  level: HealthLevel
  healthy: boolean
  /** One sentence: whether the ensemble is healthy and, if not, why. */
  sentence: string
  problems: HealthProblem[]
  mode: 'quorum' | 'standalone' | 'unknown'
  leader: { memberId: string; serverId: number | null; epoch: number | null; since: number } | null
  leaderCount: number
  /** While there is no leader: since when (the election's start as seen by the console). */
  noLeaderSince: number | null
  quorum: QuorumHealth
  epoch: number | null
  zxid: string | null
  versions: Array<{ version: string; memberIds: string[] }>
  configVersions: Array<{ version: string; memberIds: string[] }>
  integrity: { digestMismatches: number; unrecoverableErrors: number; memberIds: string[] }
  counts: Record<MemberStatus, number>
}

/** One poll round of the whole ensemble: the `monitor.sample` event. */
export interface EnsembleSample {
  monitorId: string
  round: number
  at: number
  durationMs: number
  members: MemberSnapshot[]
  health: EnsembleHealth
  activeAlerts: number
}

/** A leader's term as the console saw it. */
export interface LeaderTerm {
  memberId: string
  serverId: number | null
  epoch: number | null
  from: number
  /** null while it is still the leader. */
  to: number | null
  /** How long the ensemble had no leader before this term. */
  electionMs: number | null
}

export type TimelineEventKind = 'leader-change' | 'election' | 'counter-reset' | 'member-status' | 'membership'

/** Annotations for the charts. */
export interface TimelineEvent {
  at: number
  kind: TimelineEventKind
  memberId: string | null
  message: string
}

/** One member's history as columns (one entry per point), ready for a chart. */
export interface MemberSeries {
  memberId: string
  t: number[]
  status: MemberStatus[]
  role: (ServingRole | null)[]
  zxid: (string | null)[]
  /** Every metric, unless the request named `fields`. */
  values: Partial<Record<MetricField, (number | null)[]>>
}

export interface HistoryResult {
  monitorId: string
  from: number
  to: number
  intervalMs: number
  members: MemberSeries[]
  events: TimelineEvent[]
  leaderTerms: LeaderTerm[]
}
