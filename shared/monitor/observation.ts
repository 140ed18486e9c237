/**
 * What one member poll saw, already parsed, whichever transport fed it. The
 * backend poller produces it; the pure model code (tracker, health, alerts)
 * consumes it, so all of that is tested without sockets.
 */
import type {
  ClientConnection,
  DirSizes,
  MembershipEntry,
  MntrData,
  PollCommand,
  ReadOnlyAnswer,
  ServerConf,
  ServerStats,
  WatchSummary,
  ZabState,
} from '../zk/four-letter'
import type { DataSource, FailureKind, MemberStatus, ServingRole } from './model'

export interface MemberObservation {
  /** Wall-clock ms when the poll started. */
  at: number
  durationMs: number
  status: MemberStatus
  role: ServingRole | null
  failure: FailureKind | null
  detail: string | null
  srvr: ServerStats | null
  mntr: MntrData | null
  /** The whole mntr text (4lw): only the polled keys are parsed each round, the rest on demand. */
  mntrText: string | null
  conf: ServerConf | null
  wchs: WatchSummary | null
  isro: ReadOnlyAnswer | null
  ruok: boolean | null
  envi: Record<string, string> | null
  dirs: DirSizes | null
  cons: ClientConnection[] | null
  zab: ZabState | null
  /** Voting members from AdminServer `voting_view` (observers absent). */
  votingView: MembershipEntry[] | null
  /** Which transport answered each command this round. */
  sources: Partial<Record<PollCommand, DataSource>>
  /**
   * The poll's own four-letter words, each of which adds 1 to the server's
   * packets_received: those sent up to the one that read the counters, and after it.
   */
  ownPackets: { beforeCounters: number; afterCounters: number }
}

export function emptyObservation(at: number, status: MemberStatus): MemberObservation {
  return {
    at,
    durationMs: 0,
    status,
    role: null,
    failure: null,
    detail: null,
    srvr: null,
    mntr: null,
    mntrText: null,
    conf: null,
    wchs: null,
    isro: null,
    ruok: null,
    envi: null,
    dirs: null,
    cons: null,
    zab: null,
    votingView: null,
    sources: {},
    ownPackets: { beforeCounters: 0, afterCounters: 0 },
  }
}
