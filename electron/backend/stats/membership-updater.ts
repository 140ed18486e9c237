/**
 * Changes to the member list: the connect string (every DNS address), the
 * user's additions and corrections, members found in the ensemble config,
 * and what each finished poll teaches (server id, voter/observer, restarts).
 */
import { X509Certificate } from 'node:crypto'
import { discoveredFromConfig, planDiscovery } from '../../../shared/monitor/membership'
import type { AdminEndpoint, AdminVerify, TimelineEvent } from '../../../shared/monitor/model'
import type { MemberObservation } from '../../../shared/monitor/observation'
import { ZkError } from '../../../shared/protocol/errors'
import type { MemberSpec, MonitorSettings } from '../../../shared/protocol/monitor-api'
import { formatHostPort } from '../../../shared/zk/connect-string'
import { parseEnsembleConfig, type MembershipEntry } from '../../../shared/zk/four-letter'
import type { Clock } from '../../../shared/util/clock'
import type { KnownAdminPort } from './admin-client'
import type { HostResolver } from './dns-resolver'
import { DnsMembers } from './dns-members'
import type { MemberRecord, MemberRegistry } from './member-registry'

export class MembershipUpdater {
  /** Members the user removed: discovery does not bring them back. */
  readonly removed = new Set<string>()
  /** The user's additions and corrections, by member id (persisted without TLS). */
  readonly userSpecs = new Map<string, MemberSpec>()
  private readonly dns: DnsMembers
  /** The latest membership a member reported, applied again each round until every member is placed. */
  private lastMembership: { entries: MembershipEntry[]; reporterClientPort: number | null } | null = null

  constructor(
    private readonly registry: MemberRegistry,
    private readonly resolve: HostResolver,
    private readonly clock: Clock,
    private readonly settings: () => MonitorSettings,
    private readonly record: (event: TimelineEvent) => void,
    private readonly knownAdminPort: KnownAdminPort = () => null,
  ) {
    this.dns = new DnsMembers(registry, resolve, clock, record, (host, port) => this.defaultAdmin(host, port), () => this.settings().transport, this.removed)
  }

  /** The AdminServer a member is assumed to have: one the backend knows of (the sandbox's), else the default port on its host. */
  private defaultAdmin(host: string, clientPort: number): AdminEndpoint | null {
    const port = this.knownAdminPort(host, clientPort) ?? this.settings().defaultAdminPort
    return port === null ? null : { host, port, scheme: 'http', origin: 'default' }
  }

  /** One connect-string entry: one member, or one per address when the name has several. */
  addFromHost(host: string, port: number): Promise<void> {
    return this.dns.addFromHost(host, port)
  }

  /** Re-resolves connect-string names every few minutes (pod IPs change); never blocks a round. */
  maybeReresolve(now: number): void {
    this.dns.maybeReresolve(now)
  }

  /** Adds a member or corrects one (by id, or by its address); a CA that is not a certificate is refused. */
  upsert(spec: MemberSpec): MemberRecord {
    const existing = spec.memberId ? this.registry.get(spec.memberId) : this.registry.findByEndpoint(spec.host, spec.port)
    const admin: AdminEndpoint | null =
      spec.adminPort === null
        ? null
        : spec.adminPort !== undefined
          ? { host: spec.adminHost ?? spec.host, port: spec.adminPort, scheme: spec.adminScheme ?? 'http', origin: 'user', ...verifyOf(spec) }
          : (existing?.admin ?? this.defaultAdmin(spec.host, spec.port))
    const transport = spec.transport ?? existing?.transport ?? this.settings().transport
    const tls = spec.tls ?? existing?.tls ?? null
    if (existing) {
      const moved = existing.host !== spec.host || existing.port !== spec.port
      Object.assign(existing, { host: spec.host, port: spec.port, admin, transport, tls, vouched: true, addressGuessed: false, addressUnknown: false, userEdited: true })
      if (moved) existing.hostname = null
      this.registry.refresh(existing)
      this.userSpecs.set(existing.memberId, { ...spec, memberId: existing.memberId })
      return existing
    }
    const memberId = spec.memberId ?? formatHostPort({ host: spec.host, port: spec.port })
    this.removed.delete(memberId)
    const record = this.registry.add({
      memberId,
      host: spec.host,
      port: spec.port,
      hostname: null,
      admin,
      transport,
      tls,
      origin: 'user',
      learnerType: null,
      vouched: true,
      addressGuessed: false,
      addressUnknown: false,
      serverId: null,
    })
    record.userEdited = true
    this.userSpecs.set(memberId, { ...spec, memberId })
    return record
  }

  remove(memberId: string): boolean {
    const removed = this.registry.remove(memberId)
    if (!removed) return false
    this.removed.add(memberId)
    this.userSpecs.delete(memberId)
    return true
  }

  applyConfigText(text: string): void {
    this.discover(parseEnsembleConfig(text).members, null)
  }

  /** Re-applies the latest reported membership (additions wait while identities are pending). */
  rediscover(): void {
    if (this.lastMembership) this.discover(this.lastMembership.entries, this.lastMembership.reporterClientPort)
  }

  /** Members listed by a config that are not known yet are added; known ones learn voter/observer. */
  discover(entries: MembershipEntry[], reporterClientPort: number | null): void {
    this.lastMembership = { entries, reporterClientPort }
    const plan = planDiscovery(this.registry.known(), discoveredFromConfig(entries, reporterClientPort))
    for (const { memberId, learnerType } of plan.learnerTypes) {
      const r = this.registry.get(memberId)
      if (r) r.learnerType = learnerType
    }
    for (const c of plan.corrections) {
      const r = this.registry.get(c.memberId)
      if (!r || r.userEdited) continue
      Object.assign(r, { host: c.host, port: c.port, addressGuessed: false })
      this.registry.refresh(r)
    }
    for (const d of plan.add) {
      const memberId = d.addressUnknown ? `server.${d.serverId}` : formatHostPort({ host: d.host, port: d.port })
      if (this.registry.get(memberId) || this.removed.has(memberId)) continue
      this.registry.add({
        memberId,
        host: d.host,
        port: d.port,
        hostname: null,
        admin: d.addressUnknown ? null : this.defaultAdmin(d.host, d.port),
        transport: this.settings().transport,
        tls: null,
        origin: 'config',
        learnerType: d.learnerType,
        vouched: true,
        addressGuessed: d.guessed,
        addressUnknown: d.addressUnknown,
        serverId: d.serverId,
      })
      const where = d.addressUnknown ? 'with no known client address' : `at ${formatHostPort(d)}${d.guessed ? ' (client port assumed)' : ''}`
      this.record({ at: this.clock.now(), kind: 'membership', memberId, message: `server ${d.serverId} (${d.learnerType}) found in the ensemble config ${where}` })
    }
  }

  /** What a finished poll teaches: identity, role, restarts, membership. */
  onObservation(record: MemberRecord, obs: MemberObservation): void {
    const conflict = record.tracker.identityConflict(obs)
    if (conflict !== null) {
      const warning = `answered as server ${conflict} after server ${record.tracker.serverId}: a load balancer or a changed DNS entry? Give each member its own address.`
      if (!record.warnings.includes(warning)) record.warnings.push(warning)
    }
    const wasDown = record.tracker.status === 'down' || (record.tracker.status === 'unknown' && record.tracker.consecutiveFailures > 0)
    const result = record.tracker.apply(obs)
    record.fresh = true
    if (record.poller) record.poller.knownServerId = record.tracker.serverId
    if (obs.conf?.peerType) record.learnerType = obs.conf.peerType
    const name = record.tracker.serverId !== null ? `server ${record.tracker.serverId}` : record.memberId
    if (result.statusChanged) {
      const role = obs.role ? ` as ${obs.role}` : ''
      const detail = obs.status === 'serving' || !obs.detail ? '' : `: ${obs.detail}`
      this.record({ at: obs.at, kind: 'member-status', memberId: record.memberId, message: `${name} is ${obs.status}${role}${detail}` })
    }
    if (result.reset) {
      this.record({ at: obs.at, kind: 'counter-reset', memberId: record.memberId, message: `${name}: ${result.reset.message}` })
    }
    const back = wasDown && (obs.status === 'serving' || obs.status === 'not-serving')
    // After a restart the whitelist may differ: probe every word again.
    if (result.reset?.kind === 'restart' || back) record.poller?.reprobe()
    if (obs.conf?.membership) this.discover(obs.conf.membership, obs.conf.clientPort)
    if (obs.votingView) this.discover(obs.votingView, obs.conf?.clientPort ?? record.port)
  }

  onSettingsChanged(previous: MonitorSettings, next: MonitorSettings): void {
    for (const r of this.registry.list()) {
      let changed = false
      if (r.transport === previous.transport && next.transport !== previous.transport && !this.userSpecs.get(r.memberId)?.transport) {
        r.transport = next.transport
        changed = true
      }
      const userAdmin = this.userSpecs.get(r.memberId)?.adminPort !== undefined
      if (next.defaultAdminPort !== previous.defaultAdminPort && !userAdmin && (r.admin === null || r.admin.origin === 'default') && !r.addressUnknown) {
        r.admin = this.defaultAdmin(r.host, r.port)
        changed = true
      }
      if (changed) this.registry.refresh(r)
    }
  }
}

/** How the member's https AdminServer is checked; the CA must be one Node can use, or the user hears why not. */
function verifyOf(spec: MemberSpec): { verify?: AdminVerify } {
  if (spec.adminScheme !== 'https' || !spec.adminVerify) return {}
  if ('caPem' in spec.adminVerify) {
    // Node's TLS takes a broken CA without a word (and then trusts nothing): each certificate is parsed here.
    const blocks = spec.adminVerify.caPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []
    if (blocks.length === 0) throw new ZkError('INVALID_PARAMS', 'the AdminServer CA certificate holds no PEM certificate')
    for (const block of blocks) {
      try {
        new X509Certificate(block)
      } catch (error) {
        throw new ZkError('INVALID_PARAMS', `the AdminServer CA certificate cannot be read: ${(error as Error).message}`)
      }
    }
  }
  return { verify: spec.adminVerify }
}
