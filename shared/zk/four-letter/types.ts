/**
 * What the parsers return. The four-letter words and their AdminServer twins
 * map to the same shapes, so the rest of the console does not care which
 * transport fed them. 64-bit values (zxids, session ids) are `0x…` hex strings.
 */

export const SERVER_MODES = ['standalone', 'leader', 'follower', 'observer', 'read-only'] as const
export type ServerMode = (typeof SERVER_MODES)[number]

export interface SizeTriple {
  last: number
  min: number
  max: number
}

/** `srvr`, `stat` (without its client list) and AdminServer `server_stats`. */
export interface ServerStats {
  /** The leading `x.y.z`, or null when the version string has none. */
  version: string | null
  fullVersion: string
  readOnly: boolean
  latencyMinMs: number
  /** Cumulative mean since the last role change or `srst`, not "current" latency. */
  latencyAvgMs: number
  latencyMaxMs: number
  received: number
  sent: number
  /** Absent before 3.4.4. */
  connections: number | null
  outstanding: number
  /** Last processed zxid, `0x…` lowercase. */
  zxid: string
  mode: ServerMode
  nodeCount: number
  /** Leader only; −1 entries mean "none yet". */
  proposalSizes: SizeTriple | null
}

/** One line of `cons` / `stat`, or one entry of AdminServer `connections`. */
export interface ClientConnection {
  /** The remote IP as the server printed it (IPv6 without brackets). */
  address: string
  port: number
  /** Present when the server printed `hostname/ip`. */
  hostname: string | null
  interestOps: number
  queued: number
  received: number
  sent: number
  /** `0x…`, or null for a connection without a session (a 4lw poller). */
  sessionId: string | null
  lastOperation: string | null
  /** Wall-clock epoch ms. */
  establishedAt: number | null
  sessionTimeoutMs: number | null
  lastCxid: string | null
  lastZxid: string | null
  /** The server's MONOTONIC clock in ms: never render it as a date. */
  lastResponseMonotonicMs: number | null
  lastLatencyMs: number | null
  minLatencyMs: number | null
  avgLatencyMs: number | null
  maxLatencyMs: number | null
}

/** A labelled sample of the Prometheus-provider mntr format, e.g. `readlatency{quantile="0.5"}`. */
export interface LabelledMetric {
  name: string
  labels: Record<string, string>
  /** null for `NaN` (an empty quantile). */
  value: number | null
}

/** `mntr` or AdminServer `monitor`; keys without the `zk_` prefix. */
export interface MntrData {
  format: 'default' | 'prometheus'
  numbers: Record<string, number>
  strings: Record<string, string>
  labelled: LabelledMetric[]
  /** Keys whose value was `NaN`. */
  nan: string[]
}

/** One `server.N=` line of a dynamic config (`conf` membership, `/zookeeper/config`, `voting_view`). */
export interface MembershipEntry {
  serverId: number
  /** `host:quorumPort:electionPort` per address (several with multi-address, 3.6+). */
  quorumAddresses: string[]
  /** The host of the first quorum address, IPv6 without brackets. */
  quorumHost: string
  learnerType: 'participant' | 'observer'
  /** null when the line has no client part (static `clientPort`). */
  clientHost: string | null
  clientPort: number | null
  secureClientHost: string | null
  secureClientPort: number | null
}

/** `conf` or AdminServer `configuration`. */
export interface ServerConf {
  clientPort: number | null
  secureClientPort: number | null
  /** `serverId=` (0 on a standalone server). */
  serverId: number | null
  peerType: 'participant' | 'observer' | null
  quorumPort: string | null
  electionPort: string | null
  tickTime: number | null
  maxClientCnxns: number | null
  minSessionTimeout: number | null
  maxSessionTimeout: number | null
  dataDir: string | null
  dataLogDir: string | null
  /** Null when the answer had no membership block (standalone, read-only, 3.4, AdminServer). */
  membership: MembershipEntry[] | null
  /** `version=` in hex without `0x`: the zxid of the last reconfig. */
  configVersion: string | null
  /** Every `key=value` line as printed. */
  raw: Record<string, string>
}

/** `wchs` or AdminServer `watch_summary`: data watches only. */
export interface WatchSummary {
  connections: number
  paths: number
  totalWatches: number
}

export interface DirSizes {
  dataDirSize: number
  logDirSize: number
}

/** `isro`: `null` means there is no server object (election in progress). */
export type ReadOnlyAnswer = 'rw' | 'ro' | 'null'

/** AdminServer `zabstate` (no 4lw twin). */
export interface ZabState {
  serverId: number | null
  isLeader: boolean
  voting: boolean
  lastZxid: string | null
  epoch: number | null
  counter: number | null
  /** `election`, `discovery`, `synchronization`, `broadcast`, or '' while looking. */
  phase: string
}
