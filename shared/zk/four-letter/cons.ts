/**
 * `cons` lines (and the client lines of `stat`):
 * ` /127.0.0.1:35622[1](queued=0,recved=269,sent=269,sid=0x1000003ea5a0000,lop=PING,…)`
 * The address is Java's InetSocketAddress.toString(): `/ip:port`, `host/ip:port`,
 * `/[::1]:port` (Java 14+) or an unbracketed IPv6 literal (older JVMs), so the
 * port is taken after the LAST colon.
 */
import { answerLines } from './classify'
import { toHex64 } from './hex'
import type { ClientConnection } from './types'

function num(fields: Map<string, string>, key: string): number | null {
  const raw = fields.get(key)
  if (raw === undefined || !/^-?\d+$/.test(raw)) return null
  return Number(raw)
}

function hex(fields: Map<string, string>, key: string): string | null {
  const raw = fields.get(key)
  return raw === undefined ? null : toHex64(raw)
}

/** One client line; null when the line does not have that shape. */
export function parseClientLine(line: string): ClientConnection | null {
  const text = line.trim()
  const open = text.indexOf('](')
  if (open < 0 || !text.endsWith(')')) return null
  const bracket = text.lastIndexOf('[', open)
  if (bracket < 0) return null
  const endpoint = text.slice(0, bracket)
  const interest = text.slice(bracket + 1, open)
  const body = text.slice(open + 2, -1)
  const slash = endpoint.indexOf('/')
  const hostname = slash > 0 ? endpoint.slice(0, slash) : null
  const hostPort = slash >= 0 ? endpoint.slice(slash + 1) : endpoint
  const colon = hostPort.lastIndexOf(':')
  if (colon < 0 || !/^[0-9a-fA-F]+$/.test(interest)) return null
  const port = Number(hostPort.slice(colon + 1))
  let address = hostPort.slice(0, colon)
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1)
  if (!Number.isInteger(port) || address === '') return null
  const fields = new Map<string, string>()
  for (const part of body.split(',')) {
    const eq = part.indexOf('=')
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1))
  }
  const queued = num(fields, 'queued')
  const received = num(fields, 'recved')
  const sent = num(fields, 'sent')
  if (queued === null || received === null || sent === null) return null
  const lop = fields.get('lop')
  return {
    address,
    port,
    hostname,
    interestOps: parseInt(interest, 16),
    queued,
    received,
    sent,
    sessionId: hex(fields, 'sid'),
    lastOperation: lop === undefined || lop === 'NA' ? null : lop,
    establishedAt: num(fields, 'est'),
    sessionTimeoutMs: num(fields, 'to'),
    lastCxid: hex(fields, 'lcxid'),
    // 0xffffffffffffffff (-1) is what crst leaves behind: "none".
    lastZxid: fields.get('lzxid') === '0xffffffffffffffff' ? null : hex(fields, 'lzxid'),
    lastResponseMonotonicMs: num(fields, 'lresp'),
    lastLatencyMs: num(fields, 'llat'),
    minLatencyMs: num(fields, 'minlat'),
    avgLatencyMs: num(fields, 'avglat'),
    maxLatencyMs: num(fields, 'maxlat'),
  }
}

/** Every client line of a `cons` answer; lines of another shape are skipped. */
export function parseCons(text: string): ClientConnection[] {
  const out: ClientConnection[] = []
  for (const line of answerLines(text)) {
    const client = parseClientLine(line)
    if (client) out.push(client)
  }
  return out
}

/**
 * A four-letter-word connection, ours or another tool's: no session, one
 * packet received, nothing sent. It would otherwise show up as a client.
 */
export function isFourLetterConnection(client: ClientConnection): boolean {
  return client.sessionId === null && client.sent === 0 && client.received <= 1
}
