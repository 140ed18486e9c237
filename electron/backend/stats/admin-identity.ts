/**
 * An AdminServer address is only trusted once it proves to belong to the
 * member: the default port 8080 on a shared host (or a typo) would otherwise
 * feed one server's numbers into another member's charts.
 */
import { adminConfiguration, adminError, isNotServingMessage, type ServerConf } from '../../../shared/zk/four-letter'
import { adminTarget } from './admin-client'
import type { FetchContext } from './command-fetcher'

export type AdminVerdict =
  | { kind: 'ok'; conf: ServerConf | null }
  /** Not serving: `configuration` cannot be read now. */
  | { kind: 'unverified' }
  | { kind: 'down' }
  | { kind: 'mismatch'; message: string }

export async function verifyAdminIdentity(ctx: FetchContext, clientPort: number, knownServerId: number | null): Promise<AdminVerdict> {
  const admin = ctx.admin
  if (!admin) return { kind: 'down' }
  const where = `${admin.host}:${admin.port}`
  const result = await ctx.adminTransport({
    ...adminTarget(admin),
    command: 'configuration',
    timeouts: ctx.timeouts,
    agent: ctx.agent,
    signal: ctx.signal,
    clock: ctx.clock,
  })
  if (!result.ok) {
    if (result.failure === 'http-error' || result.failure === 'bad-response') {
      return { kind: 'mismatch', message: `${where} is not a ZooKeeper AdminServer (${result.message})` }
    }
    return { kind: 'down' }
  }
  const error = adminError(result.json)
  if (error !== null) return isNotServingMessage(error) ? { kind: 'unverified' } : { kind: 'mismatch', message: `AdminServer at ${where}: ${error}` }
  const conf = adminConfiguration(result.json)
  if (knownServerId !== null && conf?.serverId != null && conf.serverId !== knownServerId) {
    return { kind: 'mismatch', message: `the AdminServer at ${where} belongs to server ${conf.serverId}, not ${knownServerId}` }
  }
  // A guessed address must also serve this client port (unless the server id already vouched for it);
  // an address the user gave is trusted on that point.
  const port = conf?.clientPort ?? null
  const idVouched = knownServerId !== null && conf?.serverId != null
  if (admin.origin === 'default' && !idVouched && port !== null && port > 0 && port !== clientPort) {
    return { kind: 'mismatch', message: `the AdminServer at ${where} belongs to the server on client port ${port}` }
  }
  return { kind: 'ok', conf }
}
