/**
 * Maps AdminServer JSON to the same shapes the four-letter parsers return, so
 * that a member with only `srvr` whitelisted is monitored just as fully.
 */
import { asArray, asBoolean, asNumber, asObject, asString, type AdminJson } from './admin-json'
import { toHex64 } from './hex'
import { parseMntrEntries } from './mntr'
import { shortVersion } from './srvr'
import {
  SERVER_MODES,
  type ClientConnection,
  type DirSizes,
  type MembershipEntry,
  type MntrData,
  type ReadOnlyAnswer,
  type ServerConf,
  type ServerMode,
  type WatchSummary,
  type ZabState,
  type ServerStats,
} from './types'

const META_KEYS = new Set(['command', 'error'])

function isMode(value: string | null): value is ServerMode {
  return value !== null && (SERVER_MODES as readonly string[]).includes(value)
}

/** `server_stats` (alias `srvr`). Null when required fields are missing. */
export function adminServerStats(json: AdminJson): ServerStats | null {
  const root = asObject(json)
  const stats = asObject(root?.server_stats)
  if (!root || !stats) return null
  const fullVersion = asString(root.version) ?? ''
  const mode = asString(stats.server_state)
  const zxid = toHex64(stats.last_processed_zxid)
  if (!isMode(mode) || zxid === null) return null
  const proposals = asObject(root.proposal_stats)
  return {
    version: shortVersion(fullVersion),
    fullVersion,
    readOnly: asBoolean(root.read_only) === true || mode === 'read-only',
    latencyMinMs: asNumber(stats.min_latency) ?? 0,
    latencyAvgMs: asNumber(stats.avg_latency) ?? 0,
    latencyMaxMs: asNumber(stats.max_latency) ?? 0,
    received: asNumber(stats.packets_received) ?? 0,
    sent: asNumber(stats.packets_sent) ?? 0,
    connections: asNumber(stats.num_alive_client_connections),
    outstanding: asNumber(stats.outstanding_requests) ?? 0,
    zxid,
    mode,
    nodeCount: asNumber(root.node_count) ?? 0,
    proposalSizes: proposals
      ? {
          last: asNumber(proposals.last_buffer_size) ?? -1,
          min: asNumber(proposals.min_buffer_size) ?? -1,
          max: asNumber(proposals.max_buffer_size) ?? -1,
        }
      : null,
  }
}

/** `monitor` (alias `mntr`): the mntr keys without `zk_`, already typed. */
export function adminMonitor(json: AdminJson): MntrData | null {
  const root = asObject(json)
  if (!root) return null
  const entries: Array<[string, string]> = []
  for (const [key, value] of Object.entries(root)) {
    if (META_KEYS.has(key) || value === null || typeof value === 'object') continue
    entries.push([key, String(value)])
  }
  return parseMntrEntries(entries)
}

/** `configuration` (alias `conf`). It has no secure port and no membership. */
export function adminConfiguration(json: AdminJson): ServerConf | null {
  const root = asObject(json)
  if (!root || asNumber(root.client_port) === null) return null
  const raw: Record<string, string> = {}
  for (const [key, value] of Object.entries(root)) {
    if (!META_KEYS.has(key) && value !== null && typeof value !== 'object') raw[key] = String(value)
  }
  return {
    clientPort: asNumber(root.client_port),
    secureClientPort: null,
    serverId: asNumber(root.server_id),
    peerType: null,
    quorumPort: null,
    electionPort: null,
    tickTime: asNumber(root.tick_time),
    maxClientCnxns: asNumber(root.max_client_cnxns),
    minSessionTimeout: asNumber(root.min_session_timeout),
    maxSessionTimeout: asNumber(root.max_session_timeout),
    dataDir: asString(root.data_dir),
    dataLogDir: asString(root.data_log_dir),
    membership: null,
    configVersion: null,
    raw,
  }
}

function splitHostPort(text: string): { host: string; port: number } | null {
  const colon = text.lastIndexOf(':')
  if (colon <= 0) return null
  const port = Number(text.slice(colon + 1))
  let host = text.slice(0, colon)
  if (host.startsWith('/')) host = host.slice(1)
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1)
  return Number.isInteger(port) ? { host, port } : null
}

function connection(value: AdminJson): ClientConnection | null {
  const entry = asObject(value)
  const remote = splitHostPort(asString(entry?.remote_socket_address) ?? '')
  if (!entry || !remote) return null
  const sessionId = toHex64(entry.session_id)
  const lastZxid = toHex64(entry.last_zxid)
  const op = asString(entry.last_operation)
  return {
    address: remote.host,
    port: remote.port,
    hostname: null,
    interestOps: asNumber(entry.interest_ops) ?? 0,
    queued: asNumber(entry.outstanding_requests) ?? 0,
    received: asNumber(entry.packets_received) ?? 0,
    sent: asNumber(entry.packets_sent) ?? 0,
    sessionId: sessionId === '0x0' ? null : sessionId,
    lastOperation: op === null || op === 'NA' ? null : op,
    establishedAt: asNumber(entry.established),
    sessionTimeoutMs: asNumber(entry.session_timeout),
    lastCxid: toHex64(entry.last_cxid),
    lastZxid: lastZxid === '0xffffffffffffffff' ? null : lastZxid,
    lastResponseMonotonicMs: asNumber(entry.last_response_time),
    lastLatencyMs: asNumber(entry.last_latency),
    minLatencyMs: asNumber(entry.min_latency),
    avgLatencyMs: asNumber(entry.avg_latency),
    maxLatencyMs: asNumber(entry.max_latency),
  }
}

/** `connections` (alias `cons`): plain and TLS connections together. */
export function adminConnections(json: AdminJson): ClientConnection[] | null {
  const root = asObject(json)
  if (!root || !Array.isArray(root.connections)) return null
  const out: ClientConnection[] = []
  for (const item of [...asArray(root.connections), ...asArray(root.secure_connections)]) {
    const parsed = connection(item)
    if (parsed) out.push(parsed)
  }
  return out
}

export function adminWatchSummary(json: AdminJson): WatchSummary | null {
  const root = asObject(json)
  const connections = asNumber(root?.num_connections)
  const paths = asNumber(root?.num_paths)
  const total = asNumber(root?.num_total_watches)
  if (connections === null || paths === null || total === null) return null
  return { connections, paths, totalWatches: total }
}

export function adminIsReadOnly(json: AdminJson): ReadOnlyAnswer | null {
  const value = asBoolean(asObject(json)?.read_only)
  return value === null ? null : value ? 'ro' : 'rw'
}

export function adminEnvironment(json: AdminJson): Record<string, string> | null {
  const root = asObject(json)
  if (!root) return null
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(root)) {
    if (!META_KEYS.has(key) && value !== null && typeof value !== 'object') out[key] = String(value)
  }
  return out
}

export function adminDirs(json: AdminJson): DirSizes | null {
  const root = asObject(json)
  const data = asNumber(root?.datadir_size)
  const log = asNumber(root?.logdir_size)
  return data === null || log === null ? null : { dataDirSize: data, logDirSize: log }
}

/** `voting_view`: voting members only (observers are absent). */
export function adminVotingView(json: AdminJson): MembershipEntry[] | null {
  const config = asObject(asObject(json)?.current_config)
  if (!config) return null
  const out: MembershipEntry[] = []
  for (const [sid, value] of Object.entries(config)) {
    const entry = asObject(value)
    if (!entry || !/^\d+$/.test(sid)) continue
    const servers = asArray(entry.server_addresses).map((a) => asString(a) ?? '')
    const elections = asArray(entry.election_addresses).map((a) => asString(a) ?? '')
    const quorumAddresses = servers.map((server, i) => {
      const electionPort = splitHostPort(elections[i] ?? '')?.port
      return electionPort === undefined ? server : `${server}:${electionPort}`
    })
    const client = splitHostPort(asString(entry.client_address) ?? '')
    out.push({
      serverId: Number(sid),
      quorumAddresses,
      quorumHost: splitHostPort(servers[0] ?? '')?.host ?? '',
      learnerType: asString(entry.learner_type) === 'observer' ? 'observer' : 'participant',
      clientHost: client?.host ?? null,
      clientPort: client?.port ?? null,
      secureClientHost: null,
      secureClientPort: null,
    })
  }
  return out.sort((a, b) => a.serverId - b.serverId)
}

/** `zabstate`: while looking it is only `{"voting":false,"zabstate":""}`. */
export function adminZabState(json: AdminJson): ZabState | null {
  const root = asObject(json)
  if (!root) return null
  const lastZxid = asString(root.last_zxid)
  return {
    serverId: asNumber(root.myid),
    isLeader: asBoolean(root.is_leader) === true,
    voting: asBoolean(root.voting) === true,
    lastZxid: lastZxid === null ? null : toHex64(lastZxid),
    epoch: asNumber(root.zab_epoch),
    counter: asNumber(root.zab_counter),
    phase: asString(root.zabstate) ?? '',
  }
}
