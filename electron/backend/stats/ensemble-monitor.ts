/**
 * Monitors one ensemble. A round polls every eligible member in parallel
 * (each member strictly sequentially, one connection at a time), waits at
 * most one interval for them, then assembles ONE sample for the whole
 * ensemble: health, leader timeline, alerts, history. The next round is
 * scheduled with setTimeout after the round finished (never setInterval), so
 * rounds never overlap; a member still busy from an earlier round is reported
 * with its last data marked stale instead of being polled twice.
 */
import type { AlertRule } from '../../../shared/monitor/alert-rules'
import { LeaderTimeline } from '../../../shared/monitor/leader-timeline'
import type { EnsembleSample, MemberInfo } from '../../../shared/monitor/model'
import type { MemberObservation } from '../../../shared/monitor/observation'
import type { MemberSpec, MonitorEvents, MonitorSettings, PollNowResult } from '../../../shared/protocol/monitor-api'
import { parseConnectString } from '../../../shared/zk/connect-string'
import type { Clock } from '../../../shared/util/clock'
import { AlertEngine } from './alert-engine'
import type { KnownAdminPort } from './admin-client'
import type { HostResolver } from './dns-resolver'
import type { HistoryStore } from './history-store'
import { MemberRegistry, type MemberRecord } from './member-registry'
import type { PollerDeps, PollPlan } from './member-poller'
import { MembershipUpdater } from './membership-updater'
import type { MemberIdentity } from './monitor-meta'
import { assembleRound } from './round-assembler'

export type MonitorEmit = <E extends keyof MonitorEvents>(event: E, payload: MonitorEvents[E]) => void

export interface EnsembleMonitorOptions {
  monitorId: string
  name: string
  connectString: string
  settings: MonitorSettings
  clock: Clock
  deps: PollerDeps
  resolve: HostResolver
  store: HistoryStore
  alertRules: readonly Partial<AlertRule>[]
  emit: MonitorEmit
  /** Members or their identities changed (the owner persists them). */
  onMembersChanged?: () => void
  knownAdminPort?: KnownAdminPort
}

export function planOf(settings: MonitorSettings): PollPlan {
  return {
    commands: settings.commands,
    intervalMs: settings.intervalMs,
    detailIntervalMs: settings.detailIntervalMs,
    timeouts: settings.timeouts,
  }
}

export class EnsembleMonitor {
  readonly monitorId: string
  readonly connectString: string
  readonly startedAt: number
  name: string
  settings: MonitorSettings
  readonly registry: MemberRegistry
  readonly timeline = new LeaderTimeline()
  readonly alerts: AlertEngine
  readonly members: MembershipUpdater
  readonly store: HistoryStore
  latest: EnsembleSample | null = null
  private readonly clock: Clock
  private readonly emit: MonitorEmit
  private readonly onMembersChanged: () => void
  private timer: unknown = null
  private roundPromise: Promise<EnsembleSample> | null = null
  private round = 0
  private stopped = false
  private lastMembersJson = ''

  constructor(opts: EnsembleMonitorOptions) {
    this.monitorId = opts.monitorId
    this.name = opts.name
    this.connectString = opts.connectString
    this.settings = opts.settings
    this.clock = opts.clock
    this.emit = opts.emit
    this.onMembersChanged = opts.onMembersChanged ?? (() => undefined)
    this.store = opts.store
    this.startedAt = opts.clock.now()
    this.registry = new MemberRegistry(opts.clock, opts.deps, planOf(opts.settings))
    this.members = new MembershipUpdater(this.registry, opts.resolve, opts.clock, () => this.settings, (e) => this.store.recordEvent(e), opts.knownAdminPort)
    this.alerts = new AlertEngine(opts.alertRules, this.store.alerts, (event) => {
      this.store.recordAlert(event)
      this.emit('monitor.alert', event)
    })
  }

  /** Creates the members (connect string, user specs, config text) and restores persisted leader terms. */
  async init(input: { members: MemberSpec[]; removed: string[]; ensembleConfig?: string; identities?: MemberIdentity[] }): Promise<void> {
    const { terms, lastAt } = await this.store.load()
    this.timeline.restore(terms, lastAt ?? this.clock.now())
    const parsed = parseConnectString(this.connectString)
    if (!parsed.ok) throw new Error(`invalid connect string: ${parsed.error}`)
    for (const id of input.removed) this.members.removed.add(id)
    for (const hp of parsed.value.hosts) await this.members.addFromHost(hp.host, hp.port)
    for (const spec of input.members) this.members.upsert(spec)
    if (input.ensembleConfig) this.members.applyConfigText(input.ensembleConfig)
    for (const identity of input.identities ?? []) {
      const record = this.registry.get(identity.memberId)
      if (!record || record.tracker.serverId !== null) continue
      record.tracker.serverId = identity.serverId
      record.learnerType ??= identity.learnerType
      if (record.poller) record.poller.knownServerId = identity.serverId
    }
  }

  /** Who each member is, for the settings file. */
  identities(): MemberIdentity[] {
    return this.registry.list().flatMap((r) =>
      r.tracker.serverId === null ? [] : [{ memberId: r.memberId, serverId: r.tracker.serverId, learnerType: r.learnerType }],
    )
  }

  start(): void {
    this.scheduleNext(0)
  }

  private scheduleNext(delay: number): void {
    if (this.stopped) return
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      // A failed round must not end the monitor (nor the process): log it, the next one is scheduled.
      this.runRound().catch((error: unknown) => console.error(`monitor ${this.monitorId}: round failed`, error))
    }, delay)
  }

  /**
   * Runs a round now (the user asked): the scheduled one is cancelled and the
   * next follows one interval after this one. When a round is already
   * running, no second one starts (a member is never polled twice at once):
   * the caller gets that round's sample, marked as joined.
   */
  async pollNow(): Promise<PollNowResult> {
    if (this.roundPromise) return { sample: await this.roundPromise, joined: true }
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer)
      this.timer = null
    }
    return { sample: await this.runRound(), joined: false }
  }

  private runRound(): Promise<EnsembleSample> {
    if (this.roundPromise) return this.roundPromise
    const started = this.clock.now()
    const round = this.doRound(started).finally(() => {
      this.roundPromise = null
      this.scheduleNext(Math.max(0, started + this.settings.intervalMs - this.clock.now()))
    })
    this.roundPromise = round
    return round
  }

  private async doRound(at: number): Promise<EnsembleSample> {
    this.round += 1
    this.members.maybeReresolve(at)
    const polls: Promise<void>[] = []
    for (const record of this.registry.list()) {
      const poller = record.poller
      if (!poller?.eligible(at)) continue
      polls.push(
        poller
          .poll()
          .then((obs) => this.onObservation(record, obs))
          .catch((error: unknown) => console.warn(`monitor ${this.monitorId}: poll of ${record.memberId} failed`, error)),
      )
    }
    if (polls.length > 0) await this.waitAtMost(Promise.allSettled(polls), this.settings.intervalMs)
    return this.assemble(at)
  }

  private waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(resolve, ms)
      void promise.then(() => {
        this.clock.clearTimeout(timer)
        resolve()
      })
    })
  }

  /** Folds a finished poll into its member, whenever it finishes (late results land in the next sample). */
  private onObservation(record: MemberRecord, obs: MemberObservation): void {
    if (this.stopped || this.registry.get(record.memberId) !== record) return
    this.members.onObservation(record, obs)
  }

  private assemble(at: number): EnsembleSample {
    this.members.rediscover()
    const sample = assembleRound({
      monitorId: this.monitorId,
      round: this.round,
      at,
      now: this.clock.now(),
      registry: this.registry,
      timeline: this.timeline,
      alerts: this.alerts,
      store: this.store,
      emit: this.emit,
    })
    if (!this.stopped) {
      this.latest = sample
      this.emit('monitor.sample', sample)
      this.emitMembersIfChanged()
    }
    return sample
  }

  memberInfos(): MemberInfo[] {
    return this.registry.list().map((r) => this.registry.info(r))
  }

  emitMembersIfChanged(): void {
    const members = this.memberInfos()
    const json = JSON.stringify(members)
    if (json === this.lastMembersJson) return
    const first = this.lastMembersJson === ''
    this.lastMembersJson = json
    this.emit('monitor.members', { monitorId: this.monitorId, members })
    if (!first) this.onMembersChanged()
  }

  /** New settings take effect from the next round. */
  applySettings(settings: MonitorSettings): void {
    const previous = this.settings
    this.settings = settings
    this.store.setInterval(settings.intervalMs)
    this.registry.setPlan(planOf(settings))
    this.members.onSettingsChanged(previous, settings)
  }

  get isStopped(): boolean {
    return this.stopped
  }

  /** Stops the rounds, aborts every exchange, closes sockets and writes the history. */
  async stop(forget = false): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    this.registry.dispose()
    await this.roundPromise?.catch(() => undefined)
    if (forget) await this.store.forget()
    else await this.store.close()
  }
}
