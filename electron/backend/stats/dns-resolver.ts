/**
 * Every address of a member's host name. A name with several A/AAAA records
 * is polled at each address (reference §6.5): `net.connect(name)` would pick
 * one, and successive polls could then reach different servers.
 */
import { lookup } from 'node:dns/promises'
import net from 'node:net'

/** Resolves a host to all its addresses; IP literals resolve to themselves. */
export type HostResolver = (host: string) => Promise<string[]>

export const resolveAllAddresses: HostResolver = async (host) => {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
  if (net.isIP(bare) !== 0) return [bare]
  const entries = await lookup(bare, { all: true, verbatim: true })
  return [...new Set(entries.map((e) => e.address))]
}

/** How often names are resolved again: pod IPs change after a reschedule. */
export const RERESOLVE_INTERVAL_MS = 5 * 60_000
