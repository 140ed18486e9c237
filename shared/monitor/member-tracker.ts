/**
 * The running state of one member across polls: since when its status holds,
 * consecutive failures, counter resets and interval rates. Pure: time comes
 * from the observations, so it is tested without a clock.
 */
import { zxidParts, type ClientConnection, type DirSizes, type MntrData, type ServerConf, type WatchSummary } from '../zk/four-letter'
import { counterSample, describeReset, detectReset, intervalRates, type CounterSample } from './counters'
import { buildMetrics, emptyMetrics } from './member-metrics'
import type { CounterReset, MemberMetrics, MemberSnapshot, MemberStatus, ServingRole } from './model'
import type { MemberObservation } from './observation'

export interface ApplyResult {
  reset: CounterReset | null
  statusChanged: boolean
  previousStatus: MemberStatus
  previousRole: ServingRole | null
}

export class MemberTracker {
  status: MemberStatus = 'unknown'
  role: ServingRole | null = null
  statusSince: number
  consecutiveFailures = 0
  serverId: number | null = null
  everReached = false
  lastObservation: MemberObservation | null = null
  /** Detail answers polled at the slower cadence, kept between their polls. */
  conf: ServerConf | null = null
  mntr: MntrData | null = null
  mntrText: string | null = null
  wchs: WatchSummary | null = null
  cons: ClientConnection[] | null = null
  consAt: number | null = null
  envi: Record<string, string> | null = null
  dirs: DirSizes | null = null
  fullVersion: string | null = null
  private counters: CounterSample | null = null
  private failedSinceCounters = false
  private metrics: MemberMetrics = emptyMetrics()
  private lastReset: CounterReset | null = null

  constructor(
    readonly memberId: string,
    createdAt: number,
  ) {
    this.statusSince = createdAt
  }

  /** Folds in one poll result. */
  apply(obs: MemberObservation): ApplyResult {
    const previousStatus = this.status
    const previousRole = this.role
    this.lastObservation = obs
    const statusChanged = obs.status !== this.status || obs.role !== this.role
    if (statusChanged) this.statusSince = obs.at
    this.status = obs.status
    this.role = obs.role
    const reached = obs.status === 'serving' || obs.status === 'not-serving' || obs.status === 'not-whitelisted'
    if (reached) {
      this.everReached = true
      this.consecutiveFailures = 0
    } else if (obs.failure !== null) {
      this.consecutiveFailures += 1
      this.failedSinceCounters = true
    }
    this.learnIdentity(obs)
    if (obs.conf) this.conf = obs.conf
    if (obs.wchs) this.wchs = obs.wchs
    if (obs.envi) this.envi = obs.envi
    if (obs.dirs) this.dirs = obs.dirs
    if (obs.cons) {
      this.cons = obs.cons
      this.consAt = obs.at
    }
    if (obs.mntr) {
      this.mntr = obs.mntr
      this.mntrText = obs.mntrText
    }
    const fullVersion = obs.srvr?.fullVersion ?? obs.mntr?.strings.version ?? null
    if (fullVersion) this.fullVersion = fullVersion
    this.lastReset = null
    if (obs.status !== 'serving' || (!obs.srvr && !obs.mntr)) {
      this.metrics = { ...emptyMetrics(), pollMs: obs.durationMs }
      return { reset: null, statusChanged, previousStatus, previousRole }
    }
    const sample = counterSample(obs.at, obs.role, obs.srvr, obs.mntr, obs.ownPackets)
    let rates = null
    if (this.counters) {
      const kind = detectReset(this.counters, sample, this.failedSinceCounters)
      if (kind) this.lastReset = { kind, at: obs.at, message: describeReset(kind) }
      rates = intervalRates(this.counters, sample, kind)
    }
    this.counters = sample
    this.failedSinceCounters = false
    this.metrics = buildMetrics({ srvr: obs.srvr, mntr: obs.mntr, wchs: this.wchs, rates, pollMs: obs.durationMs })
    return { reset: this.lastReset, statusChanged, previousStatus, previousRole }
  }

  private learnIdentity(obs: MemberObservation): void {
    const id = obs.conf?.serverId ?? obs.zab?.serverId ?? null
    // A standalone server reports serverId=0; keep it, it still identifies the server.
    if (id !== null && id >= 0) this.serverId = id
  }

  /** True when the member answers for another server id than before (load balancer, DNS change). */
  identityConflict(obs: MemberObservation): number | null {
    const id = obs.conf?.serverId ?? obs.zab?.serverId ?? null
    return id !== null && this.serverId !== null && id !== this.serverId ? id : null
  }

  /** Forgets the counter baseline, e.g. after the member's address changed. */
  resetBaseline(): void {
    this.counters = null
  }

  snapshot(stale: boolean): MemberSnapshot {
    const obs = this.lastObservation
    const srvr = obs?.status === 'serving' ? obs.srvr : null
    const zxid = srvr?.zxid ?? obs?.zab?.lastZxid ?? null
    const parts = zxid ? zxidParts(zxid) : null
    const version = srvr?.version ?? (this.fullVersion ? (/^(\d+\.\d+\.\d+)/.exec(this.fullVersion)?.[1] ?? null) : null)
    return {
      memberId: this.memberId,
      serverId: this.serverId,
      status: this.status,
      role: this.role,
      statusSince: this.statusSince,
      detail: obs?.detail ?? null,
      failure: obs?.failure ?? null,
      consecutiveFailures: this.consecutiveFailures,
      polledAt: obs?.at ?? null,
      stale,
      version,
      fullVersion: this.fullVersion,
      zxid,
      epoch: parts?.epoch ?? null,
      zxidCounter: parts?.counter ?? null,
      lag: null,
      configVersion: this.conf?.configVersion ?? null,
      readOnly: this.role === 'read-only' || obs?.isro === 'ro',
      metrics: { ...this.metrics },
      reset: stale ? null : this.lastReset,
      sources: {
        state: obs?.sources.srvr ?? obs?.sources.mntr ?? null,
        metrics: obs?.sources.mntr ?? obs?.sources.srvr ?? null,
      },
    }
  }
}
