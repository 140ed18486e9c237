/**
 * The sandbox's members run their AdminServers on ports picked at start, not
 * on 8080: a monitor of the sandbox learns them here, so a newcomer's
 * dashboard reads the AdminServer (and its cheaper kept-alive polling)
 * without any setup.
 */
import type { SandboxInfo } from '../../../shared/protocol/types'
import { isLoopback } from '../../../shared/util/loopback'

export function sandboxAdminPort(info: SandboxInfo, host: string, clientPort: number): number | null {
  if (info.state !== 'running' || !isLoopback(host)) return null
  return info.members.find((m) => m.clientPort === clientPort)?.adminPort ?? null
}
