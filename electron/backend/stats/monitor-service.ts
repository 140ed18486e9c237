/**
 * The backend side of MonitorApi: owns every ensemble monitor, persists their
 * history and settings under `<dataDir>/monitor`, and routes the API calls.
 * `dispose()` stops every poller, socket and timer.
 */
import path from 'node:path'
import type { AlertRule } from '../../../shared/monitor/alert-rules'
import type { PollTimeouts } from '../../../shared/monitor/model'
import {
  MONITOR_LIMITS,
  type MonitorApi,
  type MonitorEvents,
  type MonitorParamsOf,
  type MonitorResultOf,
  type MonitorSettings,
  type StartMonitorParams,
} from '../../../shared/protocol/monitor-api'
import { ZkError } from '../../../shared/protocol/errors'
import { DEFAULT_POLL_COMMANDS } from '../../../shared/zk/four-letter'
import { systemClock, type Clock } from '../../../shared/util/clock'
import { adminRequest, type AdminTransport, type KnownAdminPort } from './admin-client'
import { resolveAllAddresses, type HostResolver } from './dns-resolver'
import { EnsembleMonitor } from './ensemble-monitor'
import { fourLetterExchange, type FourLetterTransport } from './four-letter-client'
import { HistoryStore } from './history-store'
import { deleteMeta, readMeta, writeMeta } from './monitor-meta'
import { monitorIdFor } from './monitor-id'
import { clientsOf, detailsOf, exportOf, historyOf, memberOf, stateOf, summaryOf } from './monitor-views'
import { runWord, type WordTarget } from './word-console'

export interface MonitorServiceOptions {
  dataDir: string
  clock?: Clock
  emit: <E extends keyof MonitorEvents>(event: E, payload: MonitorEvents[E]) => void
  /** Seams for tests; production uses real sockets and DNS. */
  fourLetter?: FourLetterTransport
  admin?: AdminTransport
  resolve?: HostResolver
  historyFlushMs?: number
  /** AdminServer ports the backend knows without asking, e.g. the sandbox's members'. */
  knownAdminPort?: KnownAdminPort
}

export type MonitorHandlers = { [M in keyof MonitorApi]: (params: MonitorParamsOf<M>) => Promise<MonitorResultOf<M>> }

export const DEFAULT_TIMEOUTS: PollTimeouts = { connectMs: 2_000, firstByteMs: 3_000, totalMs: 5_000 }
const RETENTION_MS = 24 * 3_600_000

type SettingsInput = Partial<Omit<MonitorSettings, 'timeouts'>> & { timeouts?: Partial<PollTimeouts> }

function mergeSettings(base: MonitorSettings, input: SettingsInput): MonitorSettings {
  const intervalMs = input.intervalMs ?? base.intervalMs
  return {
    intervalMs,
    // Detail words never run more often than the rounds themselves.
    detailIntervalMs: Math.max(intervalMs, input.detailIntervalMs ?? base.detailIntervalMs),
    commands: input.commands ? [...new Set(input.commands)] : [...base.commands],
    timeouts: { ...base.timeouts, ...input.timeouts },
    transport: input.transport ?? base.transport,
    defaultAdminPort: input.defaultAdminPort !== undefined ? input.defaultAdminPort : base.defaultAdminPort,
    retentionMs: RETENTION_MS,
  }
}

export const DEFAULT_SETTINGS: MonitorSettings = {
  intervalMs: MONITOR_LIMITS.defaultIntervalMs,
  detailIntervalMs: MONITOR_LIMITS.defaultDetailIntervalMs,
  commands: [...DEFAULT_POLL_COMMANDS],
  timeouts: DEFAULT_TIMEOUTS,
  transport: 'auto',
  defaultAdminPort: 8080,
  retentionMs: RETENTION_MS,
}

export class MonitorService {
  readonly handlers: MonitorHandlers
  private readonly monitors = new Map<string, EnsembleMonitor>()
  private readonly starting = new Map<string, Promise<EnsembleMonitor>>()
  private readonly clock: Clock
  private readonly dir: string
  private readonly fourLetter: FourLetterTransport
  private readonly admin: AdminTransport
  private readonly resolve: HostResolver
  private disposed = false

  constructor(private readonly opts: MonitorServiceOptions) {
    this.clock = opts.clock ?? systemClock
    this.dir = path.join(opts.dataDir, 'monitor')
    this.fourLetter = opts.fourLetter ?? fourLetterExchange
    this.admin = opts.admin ?? adminRequest
    this.resolve = opts.resolve ?? resolveAllAddresses
    this.handlers = {
      startMonitor: (p) => this.start(p),
      stopMonitor: async ({ monitorId, forgetHistory }) => this.stop(monitorId, forgetHistory === true),
      listMonitors: async () => [...this.monitors.values()].map(summaryOf),
      getMonitorState: async ({ monitorId, historyMs }) => stateOf(this.get(monitorId), this.clock.now(), historyMs),
      getHistory: async ({ monitorId, memberId, rangeMs, to, maxPoints, fields }) =>
        historyOf(this.get(monitorId), this.clock.now(), Math.min(rangeMs, RETENTION_MS), memberId, { to, maxPoints, fields }),
      exportHistory: async ({ monitorId, format, memberId, rangeMs }) =>
        exportOf(this.get(monitorId), this.clock.now(), format, Math.min(rangeMs ?? RETENTION_MS, RETENTION_MS), memberId),
      getMemberDetails: async ({ monitorId, memberId }) => detailsOf(this.get(monitorId), memberId),
      getMonitorClients: ({ monitorId, memberId, refresh }) => clientsOf(this.get(monitorId), memberId, refresh === true),
      runFourLetterWord: (p) => runWord(p, this.wordTarget(p), { fourLetter: this.fourLetter, admin: this.admin, clock: this.clock }),
      updateMembers: async ({ monitorId, upsert, remove, ensembleConfig }) => {
        const monitor = this.get(monitorId)
        for (const id of remove ?? []) monitor.members.remove(id)
        for (const spec of upsert ?? []) monitor.members.upsert(spec)
        if (ensembleConfig) monitor.members.applyConfigText(ensembleConfig)
        monitor.emitMembersIfChanged()
        await this.persist(monitor)
        return monitor.memberInfos()
      },
      updateMonitorSettings: async ({ monitorId, ...input }) => {
        const monitor = this.get(monitorId)
        monitor.applySettings(mergeSettings(monitor.settings, input))
        await this.persist(monitor)
        return { ...monitor.settings }
      },
      setAlertRules: async ({ monitorId, rules }) => {
        const monitor = this.get(monitorId)
        const result = monitor.alerts.setRules(rules)
        await this.persist(monitor)
        return result
      },
      getMonitorAlerts: async ({ monitorId, limit }) => {
        const monitor = this.get(monitorId)
        return { active: monitor.alerts.active, history: monitor.alerts.recent(limit ?? 200) }
      },
      pollMonitorNow: ({ monitorId }) => this.get(monitorId).pollNow(),
    }
  }

  private get(monitorId: string): EnsembleMonitor {
    const monitor = this.monitors.get(monitorId)
    if (!monitor) throw new ZkError('INVALID_PARAMS', `no running monitor "${monitorId}"`)
    return monitor
  }

  private wordTarget(p: MonitorParamsOf<'runFourLetterWord'>): WordTarget {
    if (p.monitorId !== undefined && p.memberId !== undefined) {
      const record = memberOf(this.get(p.monitorId), p.memberId)
      return { host: record.host, port: record.port, tls: record.tls, admin: record.admin }
    }
    if (p.host === undefined || p.port === undefined) throw new ZkError('INVALID_PARAMS', 'give monitorId and memberId, or host and port')
    return { host: p.host, port: p.port, tls: null, admin: { host: p.host, port: p.port, scheme: 'http' } }
  }

  private async start(p: StartMonitorParams): Promise<MonitorResultOf<'startMonitor'>> {
    if (this.disposed) throw new ZkError('INTERNAL', 'the monitor service is shutting down')
    const monitorId = monitorIdFor(p.connectString)
    const pending = this.starting.get(monitorId)
    if (pending) await pending.catch(() => undefined)
    const existing = this.monitors.get(monitorId)
    if (existing) {
      existing.applySettings(mergeSettings(existing.settings, p))
      for (const spec of p.members ?? []) existing.members.upsert(spec)
      if (p.ensembleConfig) existing.members.applyConfigText(p.ensembleConfig)
      if (p.name) existing.name = p.name
      await this.persist(existing)
      return { monitorId, reused: true, state: stateOf(existing, this.clock.now()) }
    }
    const creating = this.create(monitorId, p)
    this.starting.set(monitorId, creating)
    try {
      const monitor = await creating
      return { monitorId, reused: false, state: stateOf(monitor, this.clock.now()) }
    } finally {
      this.starting.delete(monitorId)
    }
  }

  private async create(monitorId: string, p: StartMonitorParams): Promise<EnsembleMonitor> {
    const meta = await readMeta(this.dir, monitorId)
    const settings = mergeSettings(meta ? mergeSettings(DEFAULT_SETTINGS, meta.settings) : DEFAULT_SETTINGS, p)
    const store = new HistoryStore({
      dir: this.dir,
      monitorId,
      retentionMs: RETENTION_MS,
      intervalMs: settings.intervalMs,
      clock: this.clock,
      flushMs: this.opts.historyFlushMs,
    })
    let created: EnsembleMonitor | null = null
    const monitor = new EnsembleMonitor({
      monitorId,
      name: p.name ?? meta?.name ?? p.connectString,
      connectString: p.connectString,
      settings,
      clock: this.clock,
      deps: { clock: this.clock, fourLetter: this.fourLetter, admin: this.admin },
      resolve: this.resolve,
      knownAdminPort: this.opts.knownAdminPort,
      store,
      alertRules: meta?.alertRules ?? [],
      emit: this.opts.emit,
      // Identities and discovered members are worth keeping; they change rarely.
      onMembersChanged: () => {
        if (created) void this.persist(created)
      },
    })
    created = monitor
    await monitor.init({
      members: [...(meta?.members ?? []), ...(p.members ?? [])],
      removed: meta?.removed ?? [],
      ensembleConfig: p.ensembleConfig,
      identities: meta?.identities,
    })
    if (this.disposed) {
      await monitor.stop()
      throw new ZkError('INTERNAL', 'the monitor service is shutting down')
    }
    this.monitors.set(monitorId, monitor)
    monitor.start()
    await this.persist(monitor)
    this.opts.emit('monitor.lifecycle', { monitorId, name: monitor.name, state: 'started' })
    return monitor
  }

  private async persist(monitor: EnsembleMonitor): Promise<void> {
    const alertRules: AlertRule[] = monitor.alerts.currentRules
    await writeMeta(this.dir, {
      version: 1,
      monitorId: monitor.monitorId,
      name: monitor.name,
      connectString: monitor.connectString,
      settings: monitor.settings,
      alertRules,
      members: [...monitor.members.userSpecs.values()],
      removed: [...monitor.members.removed],
      identities: monitor.identities(),
    }).catch((error: unknown) => console.warn(`monitor ${monitor.monitorId}: settings not saved`, error))
  }

  private async stop(monitorId: string, forget: boolean): Promise<void> {
    const monitor = this.get(monitorId)
    this.monitors.delete(monitorId)
    await monitor.stop(forget)
    if (forget) await deleteMeta(this.dir, monitorId)
    else await this.persist(monitor)
    this.opts.emit('monitor.lifecycle', { monitorId, name: monitor.name, state: 'stopped' })
  }

  /** Stops every monitor: timers cleared, exchanges aborted, sockets closed, history written. */
  async dispose(): Promise<void> {
    this.disposed = true
    await Promise.allSettled([...this.starting.values()])
    const all = [...this.monitors.values()]
    this.monitors.clear()
    await Promise.allSettled(all.map(async (m) => {
      await m.stop()
      await this.persist(m)
    }))
  }
}
