/**
 * Members from the ensemble config (`conf` membership, `/zookeeper/config`,
 * AdminServer `voting_view`). Static configs omit the client address, so the
 * reporting member's client port is assumed and the address marked guessed.
 */
import type { MembershipEntry } from '../zk/four-letter'

export interface DiscoveredMember {
  serverId: number
  host: string
  port: number
  learnerType: 'participant' | 'observer'
  /** No client address in the config line: host from the quorum address, port assumed. */
  guessed: boolean
  /** The guess hits another known server: the address is unknown until the user sets it. */
  addressUnknown: boolean
}

export interface KnownMember {
  memberId: string
  serverId: number | null
  /** Every `host:port` that reaches this member (its address, resolved addresses, aliases). */
  endpoints: string[]
  addressGuessed: boolean
  /** Reachable but has not said its server id yet: additions wait, it may be one of them. */
  identityPending?: boolean
}

export interface DiscoveryPlan {
  add: DiscoveredMember[]
  /** Voter/observer roles learned for members already known. */
  learnerTypes: Array<{ memberId: string; learnerType: 'participant' | 'observer' }>
  /** Known members whose guessed address the config now states exactly. */
  corrections: Array<{ memberId: string; host: string; port: number }>
}

const WILDCARDS = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0', ''])

export function endpointKey(host: string, port: number): string {
  const h = host.toLowerCase()
  return h.includes(':') ? `[${h}]:${port}` : `${h}:${port}`
}

export function discoveredFromConfig(entries: MembershipEntry[], reporterClientPort: number | null): DiscoveredMember[] {
  return entries.map((entry) => {
    const explicit = entry.clientHost !== null && !WILDCARDS.has(entry.clientHost)
    return {
      serverId: entry.serverId,
      host: explicit ? (entry.clientHost as string) : entry.quorumHost,
      port: entry.clientPort ?? reporterClientPort ?? 2181,
      learnerType: entry.learnerType,
      guessed: entry.clientPort === null,
      addressUnknown: false,
    }
  })
}

export function planDiscovery(known: KnownMember[], discovered: DiscoveredMember[]): DiscoveryPlan {
  const plan: DiscoveryPlan = { add: [], learnerTypes: [], corrections: [] }
  const waiting = known.some((k) => k.identityPending === true)
  for (const d of discovered) {
    const key = endpointKey(d.host, d.port)
    const byId = known.find((k) => k.serverId === d.serverId)
    if (byId) {
      plan.learnerTypes.push({ memberId: byId.memberId, learnerType: d.learnerType })
      if (byId.addressGuessed && !d.guessed && !byId.endpoints.includes(key)) {
        plan.corrections.push({ memberId: byId.memberId, host: d.host, port: d.port })
      }
      continue
    }
    const byAddress = known.find((k) => k.endpoints.includes(key))
    if (byAddress) {
      // Same address: it is that member once its own id confirms it; until then only the role is known.
      if (byAddress.serverId === null) plan.learnerTypes.push({ memberId: byAddress.memberId, learnerType: d.learnerType })
      else if (byAddress.serverId !== d.serverId && d.guessed && !waiting) plan.add.push({ ...d, addressUnknown: true })
      continue
    }
    if (!waiting) plan.add.push(d)
  }
  return plan
}
