/** The charted numbers of one member, from whatever the poll returned. */
import { mntrLearners, mntrNumber, mntrSummary, type MntrData, type ServerStats, type WatchSummary } from '../zk/four-letter'
import type { IntervalRates } from './counters'
import { METRIC_FIELDS, type MemberMetrics } from './model'

export function emptyMetrics(): MemberMetrics {
  const out = {} as MemberMetrics
  for (const field of METRIC_FIELDS) out[field] = null
  return out
}

/** −1 is ZooKeeper's "no data" (fd counts off Unix, sizes before the first response). */
function known(value: number | null | undefined): number | null {
  return value === null || value === undefined || value < 0 ? null : value
}

export function buildMetrics(input: {
  srvr: ServerStats | null
  mntr: MntrData | null
  wchs: WatchSummary | null
  rates: IntervalRates | null
  pollMs: number | null
}): MemberMetrics {
  const { srvr, mntr, wchs, rates } = input
  const n = (key: string) => (mntr ? mntrNumber(mntr, key) : null)
  const metrics = emptyMetrics()
  metrics.latencyAvgMs = n('avg_latency') ?? srvr?.latencyAvgMs ?? null
  metrics.latencyMinMs = known(n('min_latency') ?? srvr?.latencyMinMs)
  metrics.latencyMaxMs = known(n('max_latency') ?? srvr?.latencyMaxMs)
  metrics.outstandingRequests = n('outstanding_requests') ?? srvr?.outstanding ?? null
  metrics.connections = n('num_alive_connections') ?? srvr?.connections ?? null
  metrics.znodeCount = n('znode_count') ?? srvr?.nodeCount ?? null
  metrics.watchCount = n('watch_count')
  metrics.ephemeralsCount = n('ephemerals_count')
  metrics.approximateDataSize = n('approximate_data_size')
  metrics.openFds = known(n('open_file_descriptor_count'))
  metrics.maxFds = known(n('max_file_descriptor_count'))
  metrics.quorumSize = n('quorum_size')
  metrics.learners = mntr ? mntrLearners(mntr) : null
  metrics.syncedFollowers = n('synced_followers')
  metrics.syncedNonVotingFollowers = n('synced_non_voting_followers')
  metrics.syncedObservers = n('synced_observers')
  metrics.pendingSyncs = n('pending_syncs')
  metrics.uptimeMs = n('uptime')
  metrics.leaderUptimeMs = n('leader_uptime')
  metrics.lookingCount = n('looking_count')
  metrics.electionCount = mntr ? (mntrSummary(mntr, 'election_time')?.count ?? null) : null
  metrics.digestMismatches = n('digest_mismatches_count')
  metrics.unrecoverableErrors = n('unrecoverable_error_count')
  metrics.globalSessions = n('global_sessions')
  metrics.dataWatches = wchs?.totalWatches ?? null
  metrics.watchedPaths = wchs?.paths ?? null
  if (rates) {
    metrics.packetsReceivedPerSec = rates.packetsReceivedPerSec
    metrics.packetsSentPerSec = rates.packetsSentPerSec
    metrics.readLatencyMs = rates.readLatencyMs
    metrics.updateLatencyMs = rates.updateLatencyMs
    metrics.requestLatencyMs = rates.requestLatencyMs
    metrics.fsyncMs = rates.fsyncMs
    metrics.electionOutageMs = rates.electionOutageMs
  }
  metrics.pollMs = input.pollMs
  return metrics
}
