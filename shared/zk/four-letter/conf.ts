/**
 * `conf` and the dynamic config text it shares with `/zookeeper/config`:
 *   server.<sid>=<addr>:<qp>:<ep>[|<addr2>:<qp2>:<ep2>…][:participant|:observer][;<clientHost>:<clientPort>][;<secure>]
 *   version=<hex>
 * In quorum mode `conf` ends with `membership: ` (trailing space) and these
 * lines, and the last line has no newline.
 */
import { answerLines } from './classify'
import type { MembershipEntry, ServerConf } from './types'

const SERVER_LINE = /^server\.(\d+)=(.*)$/

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}

/** `host:port`, `[v6]:port` or a bare `port`; the port is after the LAST colon. */
function parseHostPort(text: string): { host: string | null; port: number } | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  if (/^\d+$/.test(trimmed)) return { host: null, port: Number(trimmed) }
  const colon = trimmed.lastIndexOf(':')
  if (colon <= 0) return null
  const port = Number(trimmed.slice(colon + 1))
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null
  return { host: unbracket(trimmed.slice(0, colon)), port }
}

/** The host of `host:qp:ep` (`[v6]:qp:ep` bracketed). */
function quorumHostOf(address: string): string {
  if (address.startsWith('[')) return address.slice(1, address.indexOf(']'))
  const parts = address.split(':')
  return parts.slice(0, Math.max(1, parts.length - 2)).join(':')
}

/** One `server.N=…` line; null when it is not one. */
export function parseServerLine(line: string): MembershipEntry | null {
  const match = SERVER_LINE.exec(line.trim())
  if (!match) return null
  const serverId = Number(match[1])
  const [addressPart = '', clientPart = '', securePart = ''] = (match[2] ?? '').split(';')
  let addresses = addressPart.trim()
  let learnerType: MembershipEntry['learnerType'] = 'participant'
  const typeMatch = /:(participant|observer)$/.exec(addresses)
  if (typeMatch) {
    learnerType = typeMatch[1] === 'observer' ? 'observer' : 'participant'
    addresses = addresses.slice(0, -typeMatch[0].length)
  }
  const quorumAddresses = addresses.split('|').map((a) => a.trim()).filter((a) => a !== '')
  if (quorumAddresses.length === 0) return null
  const client = parseHostPort(clientPart)
  const secure = parseHostPort(securePart)
  return {
    serverId,
    quorumAddresses,
    quorumHost: quorumHostOf(quorumAddresses[0] ?? ''),
    learnerType,
    clientHost: client?.host ?? null,
    clientPort: client?.port ?? null,
    secureClientHost: secure?.host ?? null,
    secureClientPort: secure?.port ?? null,
  }
}

/** The text of `/zookeeper/config` (or any `server.N` block): members and config version. */
export function parseEnsembleConfig(text: string): { members: MembershipEntry[]; configVersion: string | null } {
  const members: MembershipEntry[] = []
  let configVersion: string | null = null
  for (const line of answerLines(text)) {
    const entry = parseServerLine(line)
    if (entry) members.push(entry)
    else if (line.startsWith('version=')) configVersion = line.slice(8).trim() || null
  }
  return { members, configVersion }
}

function int(raw: Record<string, string>, key: string): number | null {
  const value = raw[key]
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : null
}

/** Parses a `conf` answer; null when it has no `key=value` lines at all. */
export function parseConf(text: string): ServerConf | null {
  const raw: Record<string, string> = {}
  const membership: MembershipEntry[] = []
  let inMembership = false
  let configVersion: string | null = null
  for (const line of answerLines(text)) {
    if (line.startsWith('membership:')) {
      inMembership = true
      continue
    }
    const entry = inMembership ? parseServerLine(line) : null
    if (entry) {
      membership.push(entry)
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0) continue
    const key = line.slice(0, eq).trim()
    const value = line.slice(eq + 1).trim()
    if (inMembership && key === 'version') configVersion = value || null
    else raw[key] = value
  }
  if (Object.keys(raw).length === 0 && membership.length === 0) return null
  const peerType = int(raw, 'peerType')
  const secure = int(raw, 'secureClientPort')
  return {
    clientPort: int(raw, 'clientPort'),
    secureClientPort: secure !== null && secure > 0 ? secure : null,
    serverId: int(raw, 'serverId'),
    peerType: peerType === null ? null : peerType === 1 ? 'observer' : 'participant',
    quorumPort: raw.quorumPort ?? null,
    electionPort: raw.electionPort ?? null,
    tickTime: int(raw, 'tickTime'),
    maxClientCnxns: int(raw, 'maxClientCnxns'),
    minSessionTimeout: int(raw, 'minSessionTimeout'),
    maxSessionTimeout: int(raw, 'maxSessionTimeout'),
    dataDir: raw.dataDir ?? null,
    dataLogDir: raw.dataLogDir ?? null,
    membership: inMembership ? membership : null,
    configVersion,
    raw,
  }
}
