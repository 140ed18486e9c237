/**
 * A monitor's id is derived from its set of hosts, so the same ensemble gets
 * the same id in every run and its persisted history comes back.
 */
import { formatHostPort, parseConnectString } from '../../../shared/zk/connect-string'

/** FNV-1a, 32 bit: short, stable, and collisions only matter within one user's ensembles. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** `mon-<hash>` of the sorted, lower-cased `host:port` list (the chroot does not matter). */
export function monitorIdFor(connectString: string): string {
  const parsed = parseConnectString(connectString)
  const hosts = parsed.ok
    ? [...new Set(parsed.value.hosts.map((h) => formatHostPort({ host: h.host.toLowerCase(), port: h.port })))].sort()
    : [connectString.trim().toLowerCase()]
  return `mon-${fnv1a(hosts.join(','))}`
}
