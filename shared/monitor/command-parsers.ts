/**
 * For each polled command: how to read its four-letter answer and its
 * AdminServer twin into the same value, and where that value goes in the
 * observation. A parser returns null when the answer is not what it expects.
 */
import {
  adminConfiguration,
  adminConnections,
  adminDirs,
  adminEnvironment,
  adminError,
  adminIsReadOnly,
  adminMonitor,
  adminServerStats,
  adminWatchSummary,
  parseConf,
  parseCons,
  parseDirs,
  parseEnvi,
  parseIsro,
  parseMntr,
  parseRuok,
  parseSrvr,
  parseWchs,
  type AdminJson,
  type MntrData,
  type PollCommand,
} from '../zk/four-letter'
import type { MemberObservation } from './observation'

export type ParsedOf<K extends PollCommand> = NonNullable<MemberObservation[K]>

type Parsers = { [K in PollCommand]: (input: string) => ParsedOf<K> | null }
type AdminParsers = { [K in PollCommand]: (json: AdminJson) => ParsedOf<K> | null }

/** An mntr answer without its identity keys is not an mntr answer. */
function validMntr(data: MntrData | null): MntrData | null {
  return data && (data.strings.server_state !== undefined || data.strings.version !== undefined) ? data : null
}

/**
 * The mntr keys the model reads each round (see counters.ts and
 * member-metrics.ts); both providers' summary names are listed. The full
 * answer is kept as text and parsed when someone opens the member.
 */
const SUMMARIES = ['readlatency', 'updatelatency', 'fsynctime', 'election_time', 'dbinittime', 'unavailable_time']
export const POLLED_MNTR_KEYS: ReadonlySet<string> = new Set([
  'version', 'server_state', 'peer_state', 'observer_master_id',
  'avg_latency', 'min_latency', 'max_latency', 'outstanding_requests', 'num_alive_connections',
  'znode_count', 'watch_count', 'ephemerals_count', 'approximate_data_size',
  'open_file_descriptor_count', 'max_file_descriptor_count',
  'quorum_size', 'learners', 'followers', 'synced_followers', 'synced_non_voting_followers', 'synced_observers',
  'pending_syncs', 'uptime', 'leader_uptime', 'looking_count', 'commit_count',
  'packets_received', 'packets_sent', 'digest_mismatches_count', 'unrecoverable_error_count', 'global_sessions',
  ...SUMMARIES.flatMap((s) => [`cnt_${s}`, `sum_${s}`, `${s}_count`, `${s}_sum`]),
])

export const FOUR_LETTER_PARSERS: Parsers = {
  srvr: parseSrvr,
  mntr: (text) => validMntr(parseMntr(text, POLLED_MNTR_KEYS)),
  conf: parseConf,
  cons: (text) => (text.trim() === '' || text.includes('(queued=') ? parseCons(text) : null),
  wchs: parseWchs,
  isro: parseIsro,
  ruok: (text) => (parseRuok(text) ? true : null),
  envi: parseEnvi,
  dirs: parseDirs,
}

export const ADMIN_PARSERS: AdminParsers = {
  srvr: adminServerStats,
  mntr: (json) => validMntr(adminMonitor(json)),
  conf: adminConfiguration,
  cons: adminConnections,
  wchs: adminWatchSummary,
  isro: adminIsReadOnly,
  ruok: (json) => (adminError(json) === null ? true : null),
  envi: adminEnvironment,
  dirs: adminDirs,
}

/** Puts a parsed value into its slot of the observation. */
export function storeParsed<K extends PollCommand>(obs: MemberObservation, command: K, value: ParsedOf<K>): void {
  ;(obs as Pick<MemberObservation, PollCommand> as Record<K, ParsedOf<K>>)[command] = value
}
