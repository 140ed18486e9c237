/**
 * The monitoring half of the contract: ensemble monitors that poll every
 * member (four-letter words or AdminServer), keep 24 h of history, evaluate
 * health and alerts, and a four-letter-word console. ZkApi extends MonitorApi;
 * the schemas below join `paramSchemas`. Every method takes ONE params object.
 * 64-bit values (zxids, session ids) are `0x…` hex strings.
 */
import { z } from 'zod'
import { ALERT_RULE_IDS, ALERT_SEVERITIES, type ActiveAlert, type AlertEvent, type AlertRule, type AlertRuleId } from '../monitor/alert-rules'
import { METRIC_FIELDS, TRANSPORT_PREFERENCES } from '../monitor/model'
import type {
  AdminVerify,
  EnsembleSample,
  HistoryResult,
  LeaderTerm,
  MemberInfo,
  MemberSnapshot,
  MetricField,
  PollTimeouts,
  TimelineEvent,
  TransportPreference,
} from '../monitor/model'
import { parseConnectString } from '../zk/connect-string'
import {
  isMutatingAdminCommand,
  isMutatingWord,
  POLL_COMMANDS,
  type ClientConnection,
  type DirSizes,
  type MntrData,
  type PollCommand,
  type ReadOnlyAnswer,
  type ServerConf,
  type WatchSummary,
} from '../zk/four-letter'

export type * from '../monitor/model'
export type { ActiveAlert, AlertEvent, AlertRule, AlertRuleId, AlertSeverity } from '../monitor/alert-rules'
export { ALERT_RULE_IDS, ALERT_RULE_INFO, DEFAULT_ALERT_RULES } from '../monitor/alert-rules'
export { METRIC_FIELDS, MEMBER_STATUSES } from '../monitor/model'
export { POLL_COMMANDS, DEFAULT_POLL_COMMANDS } from '../zk/four-letter'

/** A member the user adds or corrects: its four-letter (client port) and AdminServer addresses. */
export interface MemberSpec {
  /** The member to correct; omit to add one. */
  memberId?: string
  host: string
  /** The client port, where four-letter words are sent. */
  port: number
  /** AdminServer host; defaults to `host`. */
  adminHost?: string
  /** AdminServer port; null turns the AdminServer off for this member. */
  adminPort?: number | null
  adminScheme?: 'http' | 'https'
  /** How an https AdminServer's certificate is checked (see AdminVerify); ignored for http. */
  adminVerify?: AdminVerify
  transport?: TransportPreference
  /** TLS for four-letter words (secureClientPort). PEM texts; kept in memory only, never written to disk. */
  tls?: {
    caPem?: string
    certPem?: string
    keyPem?: string
    servername?: string
    rejectUnauthorized?: boolean
  }
}

export interface MonitorSettings {
  /** Time between the starts of two rounds; a round never starts before the last one finished. */
  intervalMs: number
  /** Cadence of the detail words (conf, cons, wchs, isro, ruok, envi, dirs). */
  detailIntervalMs: number
  commands: PollCommand[]
  timeouts: PollTimeouts
  transport: TransportPreference
  /** AdminServer port assumed for members without one (verified against the member's identity); null: none. */
  defaultAdminPort: number | null
  /** How much history is kept (24 h). */
  retentionMs: number
}

export interface StartMonitorParams {
  /** `host:port[,host:port…][/chroot]`; the chroot is ignored. DNS names are polled at every address. */
  connectString: string
  name?: string
  /** Members to add or correct beyond the connect string. */
  members?: MemberSpec[]
  /** The text of `/zookeeper/config`, when the caller has a session: adds the members it lists. */
  ensembleConfig?: string
  intervalMs?: number
  detailIntervalMs?: number
  commands?: PollCommand[]
  transport?: TransportPreference
  defaultAdminPort?: number | null
  timeouts?: Partial<PollTimeouts>
}

export interface MonitorSummary {
  monitorId: string
  name: string
  connectString: string
  startedAt: number
  members: number
  health: { level: EnsembleSample['health']['level']; sentence: string } | null
}

export interface MonitorState {
  monitorId: string
  name: string
  connectString: string
  startedAt: number
  settings: MonitorSettings
  members: MemberInfo[]
  /** The last round, or null before the first one finished. */
  latest: EnsembleSample | null
  alertRules: AlertRule[]
  activeAlerts: ActiveAlert[]
  recentAlerts: AlertEvent[]
  leaderTerms: LeaderTerm[]
  events: TimelineEvent[]
  /** Recent history (see `historyMs`). */
  history: HistoryResult
}

export interface HistoryExport {
  filename: string
  mimeType: string
  text: string
}

export interface MemberDetails {
  member: MemberInfo
  snapshot: MemberSnapshot | null
  /** The full latest mntr / monitor answer (~500 keys on 3.6+). */
  mntr: MntrData | null
  conf: ServerConf | null
  environment: Record<string, string> | null
  dirs: DirSizes | null
  watches: WatchSummary | null
  isro: ReadOnlyAnswer | null
  ruok: boolean | null
}

export interface MonitorClient extends ClientConnection {
  memberId: string
  /** When the member's connection list was read. */
  polledAt: number
}

export interface ClientsResult {
  monitorId: string
  clients: MonitorClient[]
  /** Members whose list could not be read, with why. */
  missing: Array<{ memberId: string; reason: string }>
}

export type FourLetterOutcome =
  | 'ok'
  | 'not-serving'
  | 'not-whitelisted'
  | 'empty'
  | 'refused'
  | 'reset'
  | 'timeout'
  | 'tls'
  | 'too-large'
  | 'http-error'
  | 'error'

export interface RunFourLetterParams {
  /** With `memberId`: run on that member of a monitor (using its addresses and TLS). */
  monitorId?: string
  memberId?: string
  /** Or any server by address (the client port, or the AdminServer port with `via: 'admin'`). */
  host?: string
  port?: number
  /** A four-letter word (case-sensitive), or an AdminServer command name with `via: 'admin'`. */
  command: string
  via?: 'four-letter' | 'admin'
  /** Required (true) for words that change the server: srst, crst, stmk and their AdminServer twins. */
  confirm?: boolean
  /** The trace mask for `stmk`, decimal (64-bit). */
  traceMask?: string
  timeoutMs?: number
}

export interface FourLetterAnswer {
  command: string
  via: 'four-letter' | 'admin'
  /** `host:port` or the URL asked. */
  target: string
  outcome: FourLetterOutcome
  /** The raw answer, decoded as UTF-8 (partial data on failures). */
  text: string
  bytes: number
  durationMs: number
  httpStatus: number | null
  /** What the outcome means, in words. */
  message: string | null
}

export interface LeaderChangeEvent {
  monitorId: string
  at: number
  message: string
  term: LeaderTerm
  previous: LeaderTerm | null
}

export interface MonitorApi {
  /**
   * Starts monitoring an ensemble, or returns the running monitor for the same
   * hosts (`reused: true`, with the given settings applied). The id is stable
   * per host set, so history persisted by an earlier run is loaded again.
   */
  startMonitor(p: StartMonitorParams): Promise<{ monitorId: string; reused: boolean; state: MonitorState }>
  /** Stops polling and closes every socket; history stays on disk unless `forgetHistory`. */
  stopMonitor(p: { monitorId: string; forgetHistory?: boolean }): Promise<void>
  /** Every running monitor with its health sentence. */
  listMonitors(p: Record<string, never>): Promise<MonitorSummary[]>
  /** Everything a dashboard needs at once: members, the last round, health, alerts, leader timeline and `historyMs` of history (default 10 min). */
  getMonitorState(p: { monitorId: string; historyMs?: number }): Promise<MonitorState>
  /**
   * History of `rangeMs` (≤ 24 h) ending at `to` (default now; never older
   * than the 24 h kept) for one member or all, optionally downsampled to
   * `maxPoints` per member. `fields` sends only those metrics: a dashboard
   * loads 24 h in pages of a few hours with the fields it charts, so no
   * single answer is big enough to block its page.
   */
  getHistory(p: { monitorId: string; memberId?: string; rangeMs: number; to?: number; maxPoints?: number; fields?: MetricField[] }): Promise<HistoryResult>
  /** The same history as a CSV or JSON text, with a suggested file name. */
  exportHistory(p: { monitorId: string; format: 'csv' | 'json'; memberId?: string; rangeMs?: number }): Promise<HistoryExport>
  /** One member's latest raw answers (full mntr, conf, environment) and capabilities. */
  getMemberDetails(p: { monitorId: string; memberId: string }): Promise<MemberDetails>
  /** Client connections from `cons` (or AdminServer `connections`), without the console's own 4lw connections. `refresh` reads them now. */
  getMonitorClients(p: { monitorId: string; memberId?: string; refresh?: boolean }): Promise<ClientsResult>
  /** Runs one word on one member (or any host) and returns the raw answer. Mutating words need `confirm: true`. */
  runFourLetterWord(p: RunFourLetterParams): Promise<FourLetterAnswer>
  /** Adds or corrects members (`upsert`), removes some, or adds those listed in an ensemble config text. */
  updateMembers(p: { monitorId: string; upsert?: MemberSpec[]; remove?: string[]; ensembleConfig?: string }): Promise<MemberInfo[]>
  /** Changes the interval, commands, timeouts or transport; takes effect from the next round. */
  updateMonitorSettings(p: {
    monitorId: string
    intervalMs?: number
    detailIntervalMs?: number
    commands?: PollCommand[]
    transport?: TransportPreference
    defaultAdminPort?: number | null
    timeouts?: Partial<PollTimeouts>
  }): Promise<MonitorSettings>
  /** Edits alert rules by id (threshold, duration, severity, enabled); returns the full rule set. */
  setAlertRules(p: { monitorId: string; rules: Array<Partial<AlertRule> & { id: AlertRuleId }> }): Promise<AlertRule[]>
  /** Active alerts and the fire/clear history, newest last. */
  getMonitorAlerts(p: { monitorId: string; limit?: number }): Promise<{ active: ActiveAlert[]; history: AlertEvent[] }>
  /** Runs a round now, or, when one is running, waits for that one instead of starting another. */
  pollMonitorNow(p: { monitorId: string }): Promise<PollNowResult>
}

export interface PollNowResult {
  sample: EnsembleSample
  /** A round was already running: this is its sample, no new round was started. */
  joined: boolean
}

export interface MonitorEvents {
  /** One per poll round for the whole ensemble. */
  'monitor.sample': EnsembleSample
  /** An alert fired, cleared, or a point-in-time alert (leader change) happened. */
  'monitor.alert': AlertEvent
  /** A new leader was seen after another one or after an election. */
  'monitor.leader': LeaderChangeEvent
  /** Members, their identities or capabilities changed. */
  'monitor.members': { monitorId: string; members: MemberInfo[] }
  /** A monitor started or stopped (any window may have asked). */
  'monitor.lifecycle': { monitorId: string; name: string; state: 'started' | 'stopped' }
}

export type MonitorMethod = keyof MonitorApi
export type MonitorParamsOf<M extends MonitorMethod> = Parameters<MonitorApi[M]>[0]
export type MonitorResultOf<M extends MonitorMethod> = Awaited<ReturnType<MonitorApi[M]>>

/** Bounds the schemas enforce (and the service relies on). */
export const MONITOR_LIMITS = {
  minIntervalMs: 1_000,
  maxIntervalMs: 3_600_000,
  defaultIntervalMs: 5_000,
  defaultDetailIntervalMs: 30_000,
  maxRangeMs: 24 * 3_600_000,
  maxMembers: 64,
} as const

const zId = z.string().min(1).max(200)
const zHost = z
  .string()
  .min(1)
  .max(253)
  .regex(/^(\[[0-9A-Fa-f:.%]+\]|[A-Za-z0-9._:%-]+)$/, 'a host name or IP address')
const zPort = z.number().int().min(1).max(65_535)
const zInterval = z.number().int().min(MONITOR_LIMITS.minIntervalMs).max(MONITOR_LIMITS.maxIntervalMs)
const zCommands = z.array(z.enum(POLL_COMMANDS)).min(1).max(POLL_COMMANDS.length)
const zTransport = z.enum(TRANSPORT_PREFERENCES)
const zTimeouts = z.strictObject({
  connectMs: z.number().int().min(100).max(60_000).optional(),
  firstByteMs: z.number().int().min(100).max(120_000).optional(),
  totalMs: z.number().int().min(100).max(300_000).optional(),
})
const zPem = z.string().max(65_536)
const zMemberSpec = z.strictObject({
  memberId: zId.optional(),
  host: zHost,
  port: zPort,
  adminHost: zHost.optional(),
  adminPort: zPort.nullable().optional(),
  adminScheme: z.enum(['http', 'https']).optional(),
  adminVerify: z.union([z.strictObject({ caPem: zPem.regex(/-----BEGIN CERTIFICATE-----/, 'not a PEM certificate') }), z.strictObject({ insecure: z.literal(true) })]).optional(),
  transport: zTransport.optional(),
  tls: z
    .strictObject({
      caPem: zPem.optional(),
      certPem: zPem.optional(),
      keyPem: zPem.optional(),
      servername: z.string().max(253).optional(),
      rejectUnauthorized: z.boolean().optional(),
    })
    .optional(),
})
const zMembers = z.array(zMemberSpec).max(MONITOR_LIMITS.maxMembers)
const zConnectString = z
  .string()
  .max(4096)
  .superRefine((value, ctx) => {
    const parsed = parseConnectString(value)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `invalid connect string (${parsed.error}: ${parsed.detail})` })
  })
const zRange = z.number().int().min(1_000).max(MONITOR_LIMITS.maxRangeMs)
const zEnsembleConfig = z.string().max(1_000_000)
const zAdminPortDefault = zPort.nullable()

const zRunFourLetter = z
  .strictObject({
    monitorId: zId.optional(),
    memberId: zId.optional(),
    host: zHost.optional(),
    port: zPort.optional(),
    command: z.string().min(1).max(64),
    via: z.enum(['four-letter', 'admin']).optional(),
    confirm: z.boolean().optional(),
    traceMask: z.string().regex(/^-?\d{1,20}$/, 'a decimal 64-bit number').optional(),
    timeoutMs: z.number().int().min(100).max(300_000).optional(),
  })
  .superRefine((p, ctx) => {
    const byMember = p.monitorId !== undefined && p.memberId !== undefined
    const byAddress = p.host !== undefined && p.port !== undefined
    if (byMember === byAddress) {
      ctx.addIssue({ code: 'custom', message: 'give either monitorId and memberId, or host and port' })
    }
    const admin = p.via === 'admin'
    if (!admin && !/^[A-Za-z]{4}$/.test(p.command)) {
      ctx.addIssue({ code: 'custom', path: ['command'], message: 'a four-letter word is 4 ASCII letters' })
    }
    if (admin && !/^[a-z_]{1,64}$/.test(p.command)) {
      ctx.addIssue({ code: 'custom', path: ['command'], message: 'an AdminServer command is lowercase letters and _' })
    }
    const mutating = admin ? isMutatingAdminCommand(p.command) : isMutatingWord(p.command)
    if (mutating && p.confirm !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['confirm'],
        message: `"${p.command}" changes the server (it resets counters every monitoring tool relies on): pass confirm: true`,
      })
    }
    if (p.command === 'stmk' && !admin && p.traceMask === undefined) {
      ctx.addIssue({ code: 'custom', path: ['traceMask'], message: 'stmk needs traceMask' })
    }
  })

const zRuleUpdate = z.strictObject({
  id: z.enum(ALERT_RULE_IDS),
  enabled: z.boolean().optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  threshold: z.number().min(0).max(1e12).optional(),
  forMs: z.number().int().min(0).max(7 * 24 * 3_600_000).optional(),
})

/** Runtime validators for every MonitorApi params object (joined into `paramSchemas`). */
export const monitorParamSchemas: { [M in MonitorMethod]: z.ZodType<MonitorParamsOf<M>> } = {
  startMonitor: z.strictObject({
    connectString: zConnectString,
    name: z.string().max(200).optional(),
    members: zMembers.optional(),
    ensembleConfig: zEnsembleConfig.optional(),
    intervalMs: zInterval.optional(),
    detailIntervalMs: zInterval.optional(),
    commands: zCommands.optional(),
    transport: zTransport.optional(),
    defaultAdminPort: zAdminPortDefault.optional(),
    timeouts: zTimeouts.optional(),
  }),
  stopMonitor: z.strictObject({ monitorId: zId, forgetHistory: z.boolean().optional() }),
  listMonitors: z.strictObject({}),
  getMonitorState: z.strictObject({ monitorId: zId, historyMs: z.number().int().min(0).max(MONITOR_LIMITS.maxRangeMs).optional() }),
  getHistory: z.strictObject({
    monitorId: zId,
    memberId: zId.optional(),
    rangeMs: zRange,
    to: z.number().int().min(0).max(8.64e15).optional(),
    maxPoints: z.number().int().min(10).max(100_000).optional(),
    fields: z.array(z.enum(METRIC_FIELDS)).min(1).max(METRIC_FIELDS.length).optional(),
  }),
  exportHistory: z.strictObject({
    monitorId: zId,
    format: z.enum(['csv', 'json']),
    memberId: zId.optional(),
    rangeMs: zRange.optional(),
  }),
  getMemberDetails: z.strictObject({ monitorId: zId, memberId: zId }),
  getMonitorClients: z.strictObject({ monitorId: zId, memberId: zId.optional(), refresh: z.boolean().optional() }),
  runFourLetterWord: zRunFourLetter,
  updateMembers: z.strictObject({
    monitorId: zId,
    upsert: zMembers.optional(),
    remove: z.array(zId).max(MONITOR_LIMITS.maxMembers).optional(),
    ensembleConfig: zEnsembleConfig.optional(),
  }),
  updateMonitorSettings: z.strictObject({
    monitorId: zId,
    intervalMs: zInterval.optional(),
    detailIntervalMs: zInterval.optional(),
    commands: zCommands.optional(),
    transport: zTransport.optional(),
    defaultAdminPort: zAdminPortDefault.optional(),
    timeouts: zTimeouts.optional(),
  }),
  setAlertRules: z.strictObject({ monitorId: zId, rules: z.array(zRuleUpdate).max(ALERT_RULE_IDS.length * 2) }),
  getMonitorAlerts: z.strictObject({ monitorId: zId, limit: z.number().int().min(1).max(10_000).optional() }),
  pollMonitorNow: z.strictObject({ monitorId: zId }),
}
