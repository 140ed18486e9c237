/**
 * Polls one member: one round = the state probe (`srvr`, or `mntr`) and the
 * commands that are due, one TCP connection each (or a request on the
 * member's kept-alive AdminServer socket), strictly one after the other
 * (never more than one connection per member at a time). A round has a deadline
 * on the injected Clock, so a hung server cannot keep it open. Members that
 * time out are probed less and less often (exponential backoff to 60 s);
 * refused connections are cheap and are retried every round.
 */
import { CapabilityTable } from '../../../shared/monitor/capabilities'
import { isSlowFailure } from '../../../shared/monitor/failures'
import type { AdminEndpoint, AdminStatus, PollTimeouts, TransportPreference } from '../../../shared/monitor/model'
import { emptyObservation, type MemberObservation } from '../../../shared/monitor/observation'
import { ANSWERS_WHILE_NOT_SERVING, EVERY_ROUND_COMMANDS, POLL_COMMANDS, type PollCommand } from '../../../shared/zk/four-letter'
import type { Clock } from '../../../shared/util/clock'
import type { AdminTransport } from './admin-client'
import { fetchOnce, fetchViaAdmin, fetchViaFourLetter, fetchVotingView, type FetchContext, type FetchOutcome, type PortFailure } from './command-fetcher'
import type { FourLetterTransport, TlsSettings } from './four-letter-client'
import { AdminAccess } from './admin-access'
import { concludeRound, type RoundState } from './round-conclusion'

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

/** What the words of one round have told so far about the four-letter port. */
interface RoundProgress {
  portFailure: PortFailure | null
  /** Four-letter words the server answered (each counts as a packet). */
  answered: number
  /** How many of them came before the word the packet counters were read from. */
  atCounters: number
}

export class MemberPoller {
  readonly caps: CapabilityTable
  /** The server id this member is known by, for the AdminServer identity check. */
  knownServerId: number | null = null
  private busy = false
  private readonly lastRun = new Map<PollCommand, number>()
  private slowFailures = 0
  private nextEligibleAt = 0
  private readonly admin: AdminAccess
  private inflight: AbortController | null = null
  private disposed = false

  constructor(
    private endpoint: MemberEndpoint,
    private plan: PollPlan,
    private readonly deps: PollerDeps,
  ) {
    this.caps = new CapabilityTable(POLL_COMMANDS.filter((c) => plan.commands.includes(c)))
    this.admin = new AdminAccess(endpoint.admin, deps.clock)
  }

  get adminStatus(): AdminStatus {
    return this.admin.status
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
    this.endpoint = endpoint
    this.nextEligibleAt = 0
    this.admin.setEndpoint(endpoint.admin)
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
    this.admin.retrySoon()
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
    const adminUsable = transport !== 'four-letter' && this.admin.usable(this.deps.clock.now())
    return {
      host: this.endpoint.host,
      port: this.endpoint.port,
      tls: this.endpoint.tls,
      admin,
      transport,
      timeouts: this.plan.timeouts,
      caps: this.caps,
      adminUsable,
      agent: adminUsable ? this.admin.agentFor(this.plan.intervalMs) : undefined,
      signal,
      clock: this.deps.clock,
      fourLetter: this.deps.fourLetter,
      adminTransport: this.deps.admin,
    }
  }

  private async round(obs: MemberObservation, signal: AbortSignal): Promise<void> {
    const now = this.deps.clock.now()
    const r: RoundProgress = { portFailure: null, answered: 0, atCounters: 0 }
    let lastFailure: PortFailure | null = null
    let state: RoundState = 'unknown'
    let blocked = false
    for (const command of this.dueCommands(now)) {
      if (signal.aborted) break
      if (state === 'not-serving' && !ANSWERS_WHILE_NOT_SERVING.includes(command)) continue
      const outcome = await this.fetchCommand(command, this.context(signal), obs, state, r)
      if (outcome === null) continue
      if (outcome.kind === 'not-whitelisted') {
        if (command === 'srvr' || command === 'mntr') blocked = true
        continue
      }
      if (outcome.kind === 'failed') {
        lastFailure = { failure: outcome.failure, message: outcome.message }
        // A detail word that failed (e.g. a huge `cons` timing out) waits for its next turn too.
        if (!EVERY_ROUND_COMMANDS.includes(command)) this.lastRun.set(command, now)
        continue
      }
      if (outcome.kind === 'not-serving') {
        if (state === 'unknown') state = 'not-serving'
        continue
      }
      this.lastRun.set(command, now)
      if (state === 'unknown' && (command === 'srvr' || command === 'mntr')) state = 'serving'
    }
    obs.ownPackets = { beforeCounters: r.atCounters, afterCounters: r.answered - r.atCounters }
    if (obs.sources.conf === 'admin' && !signal.aborted) {
      const ctx = this.context(signal)
      if (ctx.adminUsable) await fetchVotingView(ctx, obs)
    }
    concludeRound(obs, state, r.portFailure ?? lastFailure, blocked, this.caps, this.admin.status)
  }

  /**
   * One command of a round from the right source: the four-letter word first
   * (a new connection per word still costs less CPU than a request on a
   * kept-alive AdminServer socket, `npm run bench monitor-poll`), the
   * AdminServer when the word fails or is blocked.
   */
  private async fetchCommand(
    command: PollCommand,
    ctx: FetchContext,
    obs: MemberObservation,
    state: RoundState,
    r: RoundProgress,
  ): Promise<FetchOutcome | null> {
    let outcome: FetchOutcome | null = null
    const tryFourLetter = this.endpoint.transport !== 'admin' && r.portFailure === null && this.caps.fourLetterOf(command) !== 'not-whitelisted'
    if (tryFourLetter) {
      const f = await fetchViaFourLetter(ctx, command, obs)
      if (f.portFailure) r.portFailure = f.portFailure
      // Garbage to the state probe: something else listens there; do not try every word on it.
      if (state === 'unknown' && f.outcome.kind === 'failed' && f.outcome.failure === 'bad-response' && (command === 'srvr' || command === 'mntr')) {
        r.portFailure = { failure: f.outcome.failure, message: f.outcome.message }
      }
      if (f.outcome.kind !== 'failed' || f.outcome.failure === 'bad-response') r.answered += 1
      // packets_received is read from mntr, else from srvr.
      if (f.outcome.kind === 'ok' && (command === 'mntr' || (command === 'srvr' && obs.mntr === null))) r.atCounters = r.answered
      outcome = f.outcome
    }
    const needAdmin = outcome === null || outcome.kind === 'failed' || outcome.kind === 'not-whitelisted'
    if (needAdmin && ctx.adminUsable && !ctx.signal.aborted && (await this.adminTrusted(ctx, obs))) {
      const a = await this.viaAdmin(ctx, command, obs)
      // An AdminServer answer wins; an AdminServer failure only matters when 4lw said nothing.
      if (a.kind === 'ok' || a.kind === 'not-serving' || (outcome === null && a.kind !== 'skipped')) outcome = a
    }
    return outcome
  }

  private async viaAdmin(ctx: FetchContext, command: PollCommand, obs: MemberObservation): Promise<FetchOutcome> {
    const r = await fetchViaAdmin(ctx, command, obs)
    if (r.adminDown) this.admin.markDown(this.plan.detailIntervalMs)
    else if (r.outcome.kind !== 'failed') this.admin.markAnswered()
    return r.outcome
  }

  private adminTrusted(ctx: FetchContext, obs: MemberObservation): Promise<boolean> {
    return this.admin.trusted(ctx, obs, this.endpoint.port, this.knownServerId, this.plan.detailIntervalMs)
  }

  /**
   * Fetches one command now, outside the rounds (e.g. the user refreshes the
   * client list). At most this one extra connection runs beside a round.
   */
  async fetchOne(command: PollCommand): Promise<MemberObservation> {
    const { clock } = this.deps
    const controller = new AbortController()
    const deadline = clock.setTimeout(() => controller.abort(), this.plan.timeouts.connectMs + this.plan.timeouts.totalMs)
    try {
      const ctx = this.context(controller.signal)
      return await fetchOnce(ctx, command, this.caps.fourLetterOf(command) !== 'not-whitelisted', (obs) => this.adminTrusted(ctx, obs))
    } finally {
      clock.clearTimeout(deadline)
    }
  }

  dispose(): void {
    this.disposed = true
    this.inflight?.abort()
    this.admin.dispose()
  }
}
