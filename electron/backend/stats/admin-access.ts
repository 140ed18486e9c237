/**
 * One member's AdminServer as the poller sees it: whether it is usable,
 * verified as this member's, or down (retried at the detail interval), and
 * the keep-alive agent that lets rounds reuse one socket.
 */
import http from 'node:http'
import https from 'node:https'
import type { AdminEndpoint, AdminStatus } from '../../../shared/monitor/model'
import type { MemberObservation } from '../../../shared/monitor/observation'
import type { Clock } from '../../../shared/util/clock'
import { verifyAdminIdentity } from './admin-identity'
import type { FetchContext } from './command-fetcher'

export class AdminAccess {
  status: AdminStatus
  private retryAt = 0
  private agent: http.Agent | null = null

  constructor(
    private endpoint: AdminEndpoint | null,
    private readonly clock: Clock,
  ) {
    this.status = endpoint ? 'unknown' : 'not-configured'
  }

  /** A new address: everything learned about the old one is dropped. */
  setEndpoint(endpoint: AdminEndpoint | null): void {
    if (JSON.stringify(endpoint) === JSON.stringify(this.endpoint)) return
    this.endpoint = endpoint
    this.dropAgent()
    this.status = endpoint ? 'unknown' : 'not-configured'
  }

  /** Retry a down AdminServer at once (e.g. the member restarted). */
  retrySoon(): void {
    if (this.status === 'unavailable') this.retryAt = 0
  }

  usable(now: number): boolean {
    return this.endpoint !== null && this.status !== 'mismatch' && (this.status !== 'unavailable' || now >= this.retryAt)
  }

  markDown(retryAfterMs: number): void {
    this.status = 'unavailable'
    this.retryAt = this.clock.now() + retryAfterMs
    this.dropAgent()
  }

  markAnswered(): void {
    this.status = 'available'
  }

  /** Checks once that the AdminServer at this address is this member's. */
  async trusted(ctx: FetchContext, obs: MemberObservation, clientPort: number, knownServerId: number | null, retryAfterMs: number): Promise<boolean> {
    if (this.status === 'available') return true
    const verdict = await verifyAdminIdentity(ctx, clientPort, knownServerId)
    if (verdict.kind === 'down') {
      this.markDown(retryAfterMs)
      return false
    }
    if (verdict.kind === 'mismatch') {
      this.status = 'mismatch'
      obs.detail = verdict.message
      return false
    }
    if (verdict.kind === 'ok' && verdict.conf && !obs.conf) obs.conf = verdict.conf
    // Not serving: the identity cannot be read yet; trust it for now and check again next round.
    this.status = verdict.kind === 'ok' ? 'available' : 'unknown'
    return true
  }

  /** Keep-alive only pays off when the next round comes before Jetty's 30 s idle timeout. */
  agentFor(intervalMs: number): http.Agent | undefined {
    if (!this.endpoint || intervalMs > 20_000) return undefined
    if (!this.agent) {
      const options = { keepAlive: true, maxSockets: 1, timeout: Math.min(25_000, intervalMs * 3) }
      this.agent = this.endpoint.scheme === 'https' ? new https.Agent(options) : new http.Agent(options)
    }
    return this.agent
  }

  private dropAgent(): void {
    this.agent?.destroy()
    this.agent = null
  }

  dispose(): void {
    this.dropAgent()
  }
}
