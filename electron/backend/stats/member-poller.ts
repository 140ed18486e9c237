/**
 * Polls one member: one round = the state probe (`srvr`, or `mntr`) and the
 * commands that are due, one TCP connection each, strictly one after the
 * other (never more than one connection per member). A round has a deadline
 * on the injected Clock, so a hung server cannot keep it open. Members that
 * time out are probed less and less often (exponential backoff to 60 s);
 * refused connections are cheap and are retried every round.
 */
import http from 'node:http'
import https from 'node:https'
import { CapabilityTable } from '../../../shared/monitor/capabilities'
import { describeFailure, isSlowFailure, statusForFailure } from '../../../shared/monitor/failures'
import type { AdminEndpoint, AdminStatus, PollTimeouts, TransportPreference } from '../../../shared/monitor/model'
import { emptyObservation, type MemberObservation } from '../../../shared/monitor/observation'
import { ANSWERS_WHILE_NOT_SERVING, EVERY_ROUND_COMMANDS, POLL_COMMANDS, type PollCommand } from '../../../shared/zk/four-letter'
import type { Clock } from '../../../shared/util/clock'
import type { AdminTransport } from './admin-client'
import { fetchViaAdmin, fetchViaFourLetter, fetchVotingView, type FetchContext, type PortFailure } from './command-fetcher'
import type { FourLetterTransport, TlsSettings } from './four-letter-client'
import { verifyAdminIdentity } from './admin-identity'

export interface MemberEndpoint {
  host: string
  port: number
  tls: TlsSettings | null
  admin: AdminEndpoint | null
  transport: TransportPreference
}

export interface PollPlan {
  commands: readonly PollCommand[]
  intervalMs: number
  detailIntervalMs: number
  timeouts: PollTimeouts
}

export interface PollerDeps {
  clock: Clock
  fourLetter: FourLetterTransport
  admin: AdminTransport
}

const MAX_BACKOFF_MS = 60_000

export class MemberPoller {
  readonly caps: CapabilityTable
  adminStatus: AdminStatus
  /** The server id this member is known by, for the AdminServer identity check. */
  knownServerId: number | null = null
  private busy = false
  private readonly lastRun = new Map<PollCommand, number>()
  private slowFailures = 0
  private nextEligibleAt = 0
  private adminRetryAt = 0
  private agent: http.Agent | null = null
  private inflight: AbortController | null = null
  private disposed = false

  constructor(
    private endpoint: MemberEndpoint,
    private plan: PollPlan,
    private readonly deps: PollerDeps,
  ) {
    this.caps = new CapabilityTable(POLL_COMMANDS.filter((c) => plan.commands.includes(c)))
    this.adminStatus = endpoint.admin ? 'unknown' : 'not-configured'
  }

  get isBusy(): boolean {
    return this.busy
  }

  get endpointInfo(): MemberEndpoint {
    return this.endpoint
  }

  /** Not polling now and not backing off. */
  eligible(now: number): boolean {
    return !this.busy && !this.disposed && now >= this.nextEligibleAt
  }

  /** When a backing-off member will be probed again (0 when it is not backing off). */
  get backoffUntil(): number {
    return this.nextEligibleAt
  }

  setEndpoint(endpoint: MemberEndpoint): void {
    const adminChanged = JSON.stringify(endpoint.admin) !== JSON.stringify(this.endpoint.admin)
    this.endpoint = endpoint
    this.nextEligibleAt = 0
    if (adminChanged) {
      this.agent?.destroy()
      this.agent = null
      this.adminStatus = endpoint.admin ? 'unknown' : 'not-configured'
    }
    this.reprobe()
  }

  setPlan(plan: PollPlan): void {
    this.plan = plan
    this.caps.setCommands(POLL_COMMANDS.filter((c) => plan.commands.includes(c)))
  }

  /** Forgets what is whitelisted and when detail words last ran (after a restart the whitelist may differ). */
  reprobe(): void {
    this.caps.reprobe()
    this.lastRun.clear()
    if (this.adminStatus === 'unavailable') this.adminRetryAt = 0
  }

  async poll(): Promise<MemberObservation> {
    const { clock } = this.deps
    const started = clock.now()
    const obs = emptyObservation(started, 'unknown')
    if (this.disposed) return { ...obs, failure: 'aborted', detail: 'stopped' }
    this.busy = true
    const controller = new AbortController()
    this.inflight = controller
    const { timeouts } = this.plan
    const budget = timeouts.connectMs + timeouts.totalMs * 2
    const deadline = clock.setTimeout(() => controller.abort(), budget)
    try {
      await this.round(obs, controller.signal)
      if (controller.signal.aborted && obs.status === 'unknown' && !this.disposed) {
        obs.failure = 'timeout-total'
        obs.status = 'down'
        obs.detail = `the member's round did not finish within ${budget} ms`
      }
    } finally {
      clock.clearTimeout(deadline)
      this.inflight = null
      this.busy = false
      obs.durationMs = clock.now() - started
      this.scheduleBackoff(obs, clock.now())
    }
    return obs
  }

  private scheduleBackoff(obs: MemberObservation, now: number): void {
    const reached = obs.status === 'serving' || obs.status === 'not-serving' || obs.status === 'not-whitelisted'
    if (reached || obs.failure === null || !isSlowFailure(obs.failure)) {
      this.slowFailures = 0
      this.nextEligibleAt = 0
      return
    }
    this.slowFailures += 1
    if (this.slowFailures >= 2) {
      this.nextEligibleAt = now + Math.min(MAX_BACKOFF_MS, this.plan.intervalMs * 2 ** (this.slowFailures - 1))
    }
  }

  private dueCommands(now: number): PollCommand[] {
    const { commands, detailIntervalMs } = this.plan
    const due = commands.filter((c) => {
      if (EVERY_ROUND_COMMANDS.includes(c)) return true
      const last = this.lastRun.get(c)
      return last === undefined || now - last >= detailIntervalMs
    })
    // conf early: it names the server (serverId) and its voter/observer role.
    const order: PollCommand[] = ['srvr', 'mntr', 'conf', 'isro', 'ruok', 'wchs', 'cons', 'envi', 'dirs']
    return order.filter((c) => due.includes(c))
  }

  private context(signal: AbortSignal): FetchContext {
    const { admin, transport } = this.endpoint
    const adminUsable =
      admin !== null && transport !== 'four-letter' && this.adminStatus !== 'mismatch' && (this.adminStatus !== 'unavailable' || this.deps.clock.now() >= this.adminRetryAt)
    return {
      host: this.endpoint.host,
      port: this.endpoint.port,
      tls: this.endpoint.tls,
      admin,
      transport,
      timeouts: this.plan.timeouts,
      caps: this.caps,
      adminUsable,
      agent: adminUsable ? this.adminAgent() : undefined,
      signal,
      clock: this.deps.clock,
      fourLetter: this.deps.fourLetter,
      adminTransport: this.deps.admin,
    }
  }

  private async round(obs: MemberObservation, signal: AbortSignal): Promise<void> {
    const now = this.deps.clock.now()
    let portFailure: PortFailure | null = null
    let lastFailure: PortFailure | null = null
    let state: 'unknown' | 'serving' | 'not-serving' = 'unknown'
    let blocked = false
    for (const command of this.dueCommands(now)) {
      if (signal.aborted) break
      if (state === 'not-serving' && !ANSWERS_WHILE_NOT_SERVING.includes(command)) continue
      const ctx = this.context(signal)
      let outcome: Awaited<ReturnType<typeof fetchViaFourLetter>>['outcome'] | null = null
      const tryFourLetter = this.endpoint.transport !== 'admin' && portFailure === null && this.caps.fourLetterOf(command) !== 'not-whitelisted'
      if (tryFourLetter) {
        const r = await fetchViaFourLetter(ctx, command, obs)
        outcome = r.outcome
        if (r.portFailure) portFailure = r.portFailure
      }
      const needAdmin = outcome === null || outcome.kind === 'failed' || outcome.kind === 'not-whitelisted'
      if (needAdmin && ctx.adminUsable && !signal.aborted && (await this.adminTrusted(ctx, obs))) {
        const r = await fetchViaAdmin(ctx, command, obs)
        if (r.adminDown) this.markAdminDown()
        else if (r.outcome.kind !== 'failed') this.adminStatus = 'available'
        // An AdminServer answer wins; an AdminServer failure only matters when 4lw said nothing.
        if (r.outcome.kind === 'ok' || r.outcome.kind === 'not-serving' || (outcome === null && r.outcome.kind !== 'skipped')) outcome = r.outcome
      }
      if (outcome === null) continue
      if (outcome.kind === 'not-whitelisted') {
        if (command === 'srvr' || command === 'mntr') blocked = true
        continue
      }
      if (outcome.kind === 'failed') {
        lastFailure = { failure: outcome.failure, message: outcome.message }
        continue
      }
      if (outcome.kind === 'not-serving') {
        if (state === 'unknown') state = 'not-serving'
        continue
      }
      this.lastRun.set(command, now)
      if (state === 'unknown' && (command === 'srvr' || command === 'mntr')) state = 'serving'
    }
    if (obs.sources.conf === 'admin' && !signal.aborted) {
      const ctx = this.context(signal)
      if (ctx.adminUsable) await fetchVotingView(ctx, obs)
    }
    this.conclude(obs, state, portFailure ?? lastFailure, blocked)
  }

  /** Sets the member status and role from what the round gathered. */
  private conclude(obs: MemberObservation, state: 'unknown' | 'serving' | 'not-serving', failure: PortFailure | null, blocked: boolean): void {
    if (state === 'serving') {
      const mode = obs.srvr?.mode ?? obs.mntr?.strings.server_state ?? null
      obs.status = 'serving'
      obs.role = mode === 'leader' || mode === 'follower' || mode === 'observer' || mode === 'standalone' || mode === 'read-only' ? mode : null
      if (failure && obs.sources.srvr === 'admin') obs.detail = `four-letter words: ${describeFailure(failure.failure, failure.message)}`
      return
    }
    if (state === 'not-serving') {
      obs.status = 'not-serving'
      obs.detail = 'not serving requests: election, discovery, sync or shutdown in progress'
      return
    }
    if (blocked && failure === null) {
      obs.status = 'not-whitelisted'
      obs.detail = this.caps.list(this.adminStatus).find((c) => c.hint !== null)?.hint ?? 'the state words are not whitelisted'
      return
    }
    if (failure) {
      obs.failure = failure.failure
      obs.status = statusForFailure(failure.failure)
      obs.detail = describeFailure(failure.failure, failure.message)
      return
    }
    obs.detail = 'no command could be run (check the member transport and commands)'
  }

  private markAdminDown(): void {
    this.adminStatus = 'unavailable'
    this.adminRetryAt = this.deps.clock.now() + this.plan.detailIntervalMs
    this.agent?.destroy()
    this.agent = null
  }

  /** Checks once that the AdminServer at this address is this member's. */
  private async adminTrusted(ctx: FetchContext, obs: MemberObservation): Promise<boolean> {
    if (this.adminStatus === 'available') return true
    const verdict = await verifyAdminIdentity(ctx, this.endpoint.port, this.knownServerId)
    if (verdict.kind === 'down') {
      this.markAdminDown()
      return false
    }
    if (verdict.kind === 'mismatch') {
      this.adminStatus = 'mismatch'
      obs.detail = verdict.message
      return false
    }
    if (verdict.kind === 'ok' && verdict.conf && !obs.conf) obs.conf = verdict.conf
    // Not serving: the identity cannot be read yet; trust it for now and check again next round.
    this.adminStatus = verdict.kind === 'ok' ? 'available' : 'unknown'
    return true
  }

  private adminAgent(): http.Agent | undefined {
    const admin = this.endpoint.admin
    if (!admin) return undefined
    // Keep-alive only pays off when the next round comes before Jetty's 30 s idle timeout.
    if (this.plan.intervalMs > 20_000) return undefined
    if (!this.agent) {
      const options = { keepAlive: true, maxSockets: 1, timeout: Math.min(25_000, this.plan.intervalMs * 3) }
      this.agent = admin.scheme === 'https' ? new https.Agent(options) : new http.Agent(options)
    }
    return this.agent
  }

  /**
   * Fetches one command now, outside the rounds (e.g. the user refreshes the
   * client list). At most this one extra connection runs beside a round.
   */
  async fetchOne(command: PollCommand): Promise<MemberObservation> {
    const { clock } = this.deps
    const obs = emptyObservation(clock.now(), 'unknown')
    const controller = new AbortController()
    const deadline = clock.setTimeout(() => controller.abort(), this.plan.timeouts.connectMs + this.plan.timeouts.totalMs)
    try {
      const ctx = this.context(controller.signal)
      let outcome = null
      if (this.endpoint.transport !== 'admin' && this.caps.fourLetterOf(command) !== 'not-whitelisted') {
        outcome = (await fetchViaFourLetter(ctx, command, obs)).outcome
      }
      if ((outcome === null || outcome.kind === 'failed' || outcome.kind === 'not-whitelisted') && ctx.adminUsable && (await this.adminTrusted(ctx, obs))) {
        outcome = (await fetchViaAdmin(ctx, command, obs)).outcome
      }
      if (outcome?.kind === 'failed') {
        obs.failure = outcome.failure
        obs.detail = describeFailure(outcome.failure, outcome.message)
      } else if (outcome?.kind === 'not-serving') obs.detail = 'not serving requests'
      else if (outcome === null || outcome.kind === 'not-whitelisted') obs.detail = `"${command}" is not available on this member`
    } finally {
      clock.clearTimeout(deadline)
      obs.durationMs = clock.now() - obs.at
    }
    return obs
  }

  dispose(): void {
    this.disposed = true
    this.inflight?.abort()
    this.agent?.destroy()
    this.agent = null
  }
}
