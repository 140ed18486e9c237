/**
 * The members of one monitored ensemble: their addresses, identities and
 * pollers. Members come from the connect string (each DNS address), the
 * ensemble config and the user; they are deduplicated by server id, because
 * one server can be reached under several names or addresses.
 */
import { endpointKey, type KnownMember } from '../../../shared/monitor/membership'
import { MemberTracker } from '../../../shared/monitor/member-tracker'
import { emptyObservation } from '../../../shared/monitor/observation'
import type { AdminEndpoint, MemberInfo, TransportPreference } from '../../../shared/monitor/model'
import { formatHostPort } from '../../../shared/zk/connect-string'
import type { Clock } from '../../../shared/util/clock'
import type { TlsSettings } from './four-letter-client'
import { MemberPoller, type PollerDeps, type PollPlan } from './member-poller'

export interface MemberInit {
  memberId: string
  host: string
  port: number
  hostname: string | null
  admin: AdminEndpoint | null
  transport: TransportPreference
  tls: TlsSettings | null
  origin: MemberInfo['origin']
  learnerType: MemberInfo['learnerType']
  /** The user, a single-address connect-string entry or the config vouch for it being a member. */
  vouched: boolean
  addressGuessed: boolean
  /** Known from the config but with no usable address: listed, not polled. */
  addressUnknown: boolean
  serverId: number | null
}

export interface MemberRecord extends MemberInit {
  aliases: string[]
  warnings: string[]
  poller: MemberPoller | null
  tracker: MemberTracker
  /** A poll finished since the last round was assembled. */
  fresh: boolean
  lastRecordedAt: number
  userEdited: boolean
}

export class MemberRegistry {
  private readonly records = new Map<string, MemberRecord>()

  constructor(
    private readonly clock: Clock,
    private readonly deps: PollerDeps,
    private plan: PollPlan,
  ) {}

  list(): MemberRecord[] {
    return [...this.records.values()]
  }

  get(memberId: string): MemberRecord | undefined {
    return this.records.get(memberId)
  }

  get size(): number {
    return this.records.size
  }

  add(init: MemberInit): MemberRecord {
    const tracker = new MemberTracker(init.memberId, this.clock.now())
    tracker.serverId = init.serverId
    const record: MemberRecord = {
      ...init,
      aliases: [],
      warnings: [],
      poller: null,
      tracker,
      fresh: false,
      lastRecordedAt: 0,
      userEdited: false,
    }
    if (init.addressUnknown) {
      tracker.apply({
        ...emptyObservation(this.clock.now(), 'unknown'),
        detail: 'client address unknown: the config line has none and the usual port reaches another server; set its address',
      })
    } else {
      record.poller = new MemberPoller(this.endpointOf(record), this.plan, this.deps)
      record.poller.knownServerId = init.serverId
    }
    this.records.set(init.memberId, record)
    return record
  }

  private endpointOf(r: MemberInit) {
    return { host: r.host, port: r.port, tls: r.tls, admin: r.admin, transport: r.transport }
  }

  /** Applies an address or transport change to the member's poller. */
  refresh(record: MemberRecord): void {
    if (record.addressUnknown) return
    if (!record.poller) {
      record.poller = new MemberPoller(this.endpointOf(record), this.plan, this.deps)
    } else record.poller.setEndpoint(this.endpointOf(record))
    record.poller.knownServerId = record.tracker.serverId
    record.tracker.resetBaseline()
  }

  remove(memberId: string): MemberRecord | undefined {
    const record = this.records.get(memberId)
    if (!record) return undefined
    record.poller?.dispose()
    this.records.delete(memberId)
    return record
  }

  setPlan(plan: PollPlan): void {
    this.plan = plan
    for (const r of this.records.values()) r.poller?.setPlan(plan)
  }

  /** Every `host:port` that reaches a member. */
  endpoints(r: MemberRecord): string[] {
    const keys = [endpointKey(r.host, r.port), ...r.aliases.map((a) => a.toLowerCase())]
    if (r.hostname) keys.push(endpointKey(r.hostname, r.port))
    return keys
  }

  findByEndpoint(host: string, port: number): MemberRecord | undefined {
    const key = endpointKey(host, port)
    return this.list().find((r) => this.endpoints(r).includes(key))
  }

  known(): KnownMember[] {
    return this.list().map((r) => ({
      memberId: r.memberId,
      serverId: r.tracker.serverId,
      endpoints: this.endpoints(r),
      addressGuessed: r.addressGuessed,
      identityPending: r.tracker.serverId === null && r.poller !== null && (r.tracker.status === 'unknown' || r.tracker.status === 'serving') && r.tracker.consecutiveFailures === 0,
    }))
  }

  /**
   * Merges members that turned out to be the same server: the later one
   * becomes an alias of the earlier one and stops being polled.
   */
  dedupe(): MemberRecord[] {
    const merged: MemberRecord[] = []
    const byServer = new Map<number, MemberRecord>()
    for (const r of this.list()) {
      const id = r.tracker.serverId
      if (id === null) continue
      const first = byServer.get(id)
      if (!first) {
        byServer.set(id, r)
        continue
      }
      if (r.addressUnknown) {
        this.remove(r.memberId)
        continue
      }
      first.aliases.push(formatHostPort({ host: r.host, port: r.port }), ...r.aliases)
      first.vouched ||= r.vouched
      first.learnerType ??= r.learnerType
      if (first.addressUnknown || (first.addressGuessed && !r.addressGuessed)) {
        Object.assign(first, { host: r.host, port: r.port, addressGuessed: false, addressUnknown: false })
        this.refresh(first)
      }
      this.remove(r.memberId)
      merged.push(r)
    }
    return merged
  }

  info(r: MemberRecord): MemberInfo {
    const address = formatHostPort({ host: r.host, port: r.port })
    const label = r.hostname && r.hostname !== r.host ? `${formatHostPort({ host: r.hostname, port: r.port })} (${r.host})` : address
    const adminStatus = r.poller?.adminStatus ?? (r.admin ? 'unknown' : 'not-configured')
    return {
      memberId: r.memberId,
      label,
      serverId: r.tracker.serverId,
      host: r.host,
      port: r.port,
      hostname: r.hostname,
      admin: r.admin,
      adminStatus,
      transport: r.transport,
      tls: r.tls !== null,
      origin: r.origin,
      learnerType: r.learnerType ?? (r.tracker.conf?.peerType ?? null),
      confirmed: r.vouched || r.tracker.everReached,
      addressGuessed: r.addressGuessed,
      aliases: [...new Set(r.aliases)],
      capabilities: r.poller?.caps.list(adminStatus) ?? [],
      warnings: [...r.warnings],
    }
  }

  dispose(): void {
    for (const r of this.records.values()) r.poller?.dispose()
  }
}
