/**
 * Connection strings as ZooKeeper clients take them:
 * `host1:2181,host2:2181,[::1]:2181/optional/chroot`. The port defaults to 2181.
 */
import { checkPath } from './path'

export interface HostPort {
  host: string
  port: number
}

export interface ParsedConnectString {
  hosts: HostPort[]
  /** The chroot, or undefined when the string has none. */
  chroot?: string
}

export type ConnectStringResult =
  | { ok: true; value: ParsedConnectString }
  | { ok: false; error: ConnectStringError; detail: string }

export type ConnectStringError = 'empty' | 'bad-host' | 'bad-port' | 'bad-chroot'

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/

function parseHostPort(entry: string): HostPort | ConnectStringResult {
  let host: string
  let portText: string | undefined
  if (entry.startsWith('[')) {
    const end = entry.indexOf(']')
    if (end < 0) return { ok: false, error: 'bad-host', detail: entry }
    host = entry.slice(1, end)
    const rest = entry.slice(end + 1)
    if (rest !== '' && !rest.startsWith(':')) return { ok: false, error: 'bad-host', detail: entry }
    portText = rest === '' ? undefined : rest.slice(1)
    if (!/^[0-9a-fA-F:.]+$/.test(host)) return { ok: false, error: 'bad-host', detail: entry }
  } else {
    const parts = entry.split(':')
    if (parts.length > 2) return { ok: false, error: 'bad-host', detail: entry }
    host = parts[0] ?? ''
    portText = parts[1]
    if (!HOST_NAME.test(host)) return { ok: false, error: 'bad-host', detail: entry }
  }
  let port = 2181
  if (portText !== undefined) {
    if (!/^[0-9]{1,5}$/.test(portText)) return { ok: false, error: 'bad-port', detail: entry }
    port = Number(portText)
    if (port < 1 || port > 65535) return { ok: false, error: 'bad-port', detail: entry }
  }
  return { host, port }
}

export function parseConnectString(input: string): ConnectStringResult {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, error: 'empty', detail: '' }
  const slash = trimmed.indexOf('/')
  const hostPart = slash < 0 ? trimmed : trimmed.slice(0, slash)
  const chrootPart = slash < 0 ? undefined : trimmed.slice(slash)
  if (hostPart === '') return { ok: false, error: 'empty', detail: trimmed }
  const hosts: HostPort[] = []
  for (const raw of hostPart.split(',')) {
    const entry = raw.trim()
    if (entry === '') return { ok: false, error: 'bad-host', detail: raw }
    const parsed = parseHostPort(entry)
    if ('ok' in parsed) return parsed
    hosts.push(parsed)
  }
  if (chrootPart === undefined || chrootPart === '/') return { ok: true, value: { hosts } }
  if (!checkPath(chrootPart).ok) return { ok: false, error: 'bad-chroot', detail: chrootPart }
  return { ok: true, value: { hosts, chroot: chrootPart } }
}

export function formatHostPort({ host, port }: HostPort): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}
