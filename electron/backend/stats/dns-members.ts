/**
 * Members from the connect string: every address of each name (a name with
 * several A/AAAA records may front several servers), re-resolved every few
 * minutes because pod IPs change after a reschedule.
 */
import type { AdminEndpoint, TimelineEvent, TransportPreference } from '../../../shared/monitor/model'
import { formatHostPort } from '../../../shared/zk/connect-string'
import type { Clock } from '../../../shared/util/clock'
import { RERESOLVE_INTERVAL_MS, type HostResolver } from './dns-resolver'
import type { MemberRegistry } from './member-registry'

const RESOLVE_TIMEOUT_MS = 5_000

export class DnsMembers {
  private readonly names = new Map<string, { host: string; port: number }>()
  private lastResolveAt = 0
  private resolving = false

  constructor(
    private readonly registry: MemberRegistry,
    private readonly resolve: HostResolver,
    private readonly clock: Clock,
    private readonly record: (event: TimelineEvent) => void,
    private readonly defaultAdmin: (host: string, clientPort: number) => AdminEndpoint | null,
    private readonly transport: () => TransportPreference,
    private readonly removed: ReadonlySet<string>,
  ) {}

  private async resolveWithTimeout(host: string): Promise<string[] | null> {
    let timer: unknown = null
    const timeout = new Promise<null>((resolve) => {
      timer = this.clock.setTimeout(() => resolve(null), RESOLVE_TIMEOUT_MS)
    })
    try {
      return await Promise.race([this.resolve(host).catch(() => null), timeout])
    } finally {
      this.clock.clearTimeout(timer)
    }
  }

  /** One connect-string entry: one member, or one per address when the name has several. */
  async addFromHost(host: string, port: number): Promise<void> {
    this.names.set(`${host}:${port}`, { host, port })
    const addresses = (await this.resolveWithTimeout(host)) ?? []
    if (addresses.length <= 1) {
      const memberId = formatHostPort({ host, port })
      if (this.registry.get(memberId) || this.removed.has(memberId)) return
      const pollHost = addresses[0] ?? host
      const existing = this.registry.findByEndpoint(pollHost, port)
      if (existing) {
        existing.aliases.push(memberId)
        return
      }
      const record = this.registry.add({
        memberId,
        host: pollHost,
        port,
        hostname: pollHost !== host ? host : null,
        admin: this.defaultAdmin(pollHost, port),
        transport: this.transport(),
        tls: null,
        origin: 'connect-string',
        learnerType: null,
        vouched: true,
        addressGuessed: false,
        addressUnknown: false,
        serverId: null,
      })
      if (addresses.length === 0) record.warnings.push(`${host} did not resolve; it is polled by name`)
      return
    }
    for (const address of addresses) this.addAddress(host, address, port)
  }

  private addAddress(hostname: string, address: string, port: number): void {
    const memberId = formatHostPort({ host: address, port })
    if (this.registry.get(memberId) || this.removed.has(memberId) || this.registry.findByEndpoint(address, port)) return
    // One name, several addresses: each may be another server, or the same one (localhost: 127.0.0.1 and ::1).
    this.registry.add({
      memberId,
      host: address,
      port,
      hostname,
      admin: this.defaultAdmin(address, port),
      transport: this.transport(),
      tls: null,
      origin: 'dns',
      learnerType: null,
      vouched: false,
      addressGuessed: false,
      addressUnknown: false,
      serverId: null,
    })
  }

  /** Re-resolves connect-string names every few minutes (pod IPs change); never blocks a round. */
  maybeReresolve(now: number): void {
    if (this.resolving || now - this.lastResolveAt < RERESOLVE_INTERVAL_MS) return
    if (this.lastResolveAt === 0) {
      this.lastResolveAt = now
      return
    }
    this.lastResolveAt = now
    this.resolving = true
    void (async () => {
      try {
        for (const { host, port } of this.names.values()) {
          const addresses = (await this.resolveWithTimeout(host)) ?? []
          if (addresses.length > 1) for (const a of addresses) this.addAddress(host, a, port)
          const single = this.registry.get(formatHostPort({ host, port }))
          const address = addresses[0]
          if (single && addresses.length === 1 && address !== undefined && address !== single.host && !single.userEdited) {
            this.record({ at: this.clock.now(), kind: 'membership', memberId: single.memberId, message: `${host} now resolves to ${address} (was ${single.host})` })
            single.host = address
            this.registry.refresh(single)
          }
        }
      } finally {
        this.resolving = false
      }
    })()
  }
}
