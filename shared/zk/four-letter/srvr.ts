/**
 * `srvr` and `stat`. The grammar has been the same from 3.4.14 to master; only
 * the version string varies, so only its leading `x.y.z` is trusted.
 */
import { answerLines } from './classify'
import { parseClientLine } from './cons'
import { toHex64 } from './hex'
import { SERVER_MODES, type ClientConnection, type ServerMode, type ServerStats } from './types'

const VERSION = /^Zookeeper version: (.*)$/
const LATENCY = /^Latency min\/avg\/max: (-?\d+)\/(-?\d+(?:\.\d+)?)\/(-?\d+)$/
const PROPOSAL = /^Proposal sizes last\/min\/max: (-?\d+)\/(-?\d+)\/(-?\d+)$/

/** The `x.y.z` at the start of a version string, e.g. from `3.6.0--b4c8…, built on …`. */
export function shortVersion(full: string): string | null {
  return /^(\d+\.\d+\.\d+)/.exec(full.trim())?.[1] ?? null
}

function isMode(value: string): value is ServerMode {
  return (SERVER_MODES as readonly string[]).includes(value)
}

function field(fields: Map<string, string>, name: string): number | null {
  const raw = fields.get(name)
  if (raw === undefined || !/^-?\d+$/.test(raw)) return null
  return Number(raw)
}

/** Parses a `srvr` answer (or the server part of `stat`); null when it is not one. */
export function parseSrvr(text: string): ServerStats | null {
  return parseStatLike(text)?.stats ?? null
}

/** Parses `stat`: the `srvr` fields plus the `Clients:` block after the version line. */
export function parseStat(text: string): { stats: ServerStats; clients: ClientConnection[] } | null {
  return parseStatLike(text)
}

function parseStatLike(text: string): { stats: ServerStats; clients: ClientConnection[] } | null {
  const lines = answerLines(text)
  const versionMatch = VERSION.exec(lines[0] ?? '')
  if (!versionMatch) return null
  const fullVersion = (versionMatch[1] ?? '').trim()
  let readOnly = false
  let latency: RegExpExecArray | null = null
  let proposal: RegExpExecArray | null = null
  const clients: ClientConnection[] = []
  const fields = new Map<string, string>()
  for (const line of lines.slice(1)) {
    if (line.startsWith('READ-ONLY mode')) readOnly = true
    else if (line.startsWith(' ')) {
      const client = parseClientLine(line)
      if (client) clients.push(client)
    } else if (line.startsWith('Latency ')) latency = LATENCY.exec(line)
    else if (line.startsWith('Proposal sizes')) proposal = PROPOSAL.exec(line)
    else {
      const colon = line.indexOf(': ')
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 2).trim())
    }
  }
  const mode = fields.get('Mode') ?? ''
  const zxid = fields.get('Zxid') ?? ''
  const received = field(fields, 'Received')
  const sent = field(fields, 'Sent')
  const outstanding = field(fields, 'Outstanding')
  const nodeCount = field(fields, 'Node count')
  const zxidHex = /^0x[0-9a-fA-F]+$/.test(zxid) ? toHex64(zxid) : null
  if (!latency || !isMode(mode) || zxidHex === null) return null
  if (received === null || sent === null || outstanding === null || nodeCount === null) return null
  const stats: ServerStats = {
    version: shortVersion(fullVersion),
    fullVersion,
    readOnly: readOnly || mode === 'read-only',
    latencyMinMs: Number(latency[1]),
    latencyAvgMs: Number(latency[2]),
    latencyMaxMs: Number(latency[3]),
    received,
    sent,
    connections: field(fields, 'Connections'),
    outstanding,
    zxid: zxidHex,
    mode,
    nodeCount,
    proposalSizes: proposal
      ? { last: Number(proposal[1]), min: Number(proposal[2]), max: Number(proposal[3]) }
      : null,
  }
  return { stats, clients }
}
