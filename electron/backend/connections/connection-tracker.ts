/**
 * Follows the raw states of node-zookeeper-client's connection manager and
 * turns them into the contract's SessionState. It also bounds connection
 * attempts: the library itself retries a wrong port forever, silently.
 */
import type { SessionState } from '../../../shared/protocol/types'

/** Raw states of the library's ConnectionManager (lib/ConnectionManager.js). */
export const RAW = {
  DISCONNECTED: 0,
  CONNECTING: 1,
  CONNECTED: 2,
  CONNECTED_READ_ONLY: 3,
  CLOSING: -1,
  CLOSED: -2,
  SESSION_EXPIRED: -3,
  AUTHENTICATION_FAILED: -4,
} as const

export interface TrackerUpdate {
  state: SessionState
  message?: string
  /** Set while disconnected: when the server will expire the session. */
  expiresAt?: number
}

export interface TrackerOptions {
  /** Connection attempts allowed before the first successful connect. */
  maxInitialAttempts: number
  now: () => number
  onUpdate: (update: TrackerUpdate) => void
  /** Called when the tracker decides the client must be closed for good. */
  onGiveUp: () => void
  describeServers: () => string
  /** Words on why the last attempt failed, when known. */
  describeLastFailure?: () => string | undefined
}

export class ConnectionTracker {
  private everConnected = false
  private attempts = 0
  private terminal = false
  private current: SessionState = 'connecting'
  private lastContact = 0

  constructor(
    private readonly options: TrackerOptions,
    private readonly negotiatedTimeout: () => number,
  ) {}

  get state(): SessionState {
    return this.current
  }

  get isTerminal(): boolean {
    return this.terminal
  }

  /** Marks the session closed on purpose, so later raw states are ignored. */
  closedByUser(): void {
    if (this.terminal) return
    this.finish({ state: 'closed' })
  }

  /** The library reported an authentication failure for our credentials. */
  authFailed(): void {
    if (this.terminal) return
    this.finish({ state: 'auth-failed', message: 'the server rejected the digest credentials' })
    this.options.onGiveUp()
  }

  onRawState(raw: number): void {
    if (this.terminal) return
    switch (raw) {
      case RAW.CONNECTING:
        this.attempts += 1
        if (!this.everConnected && this.attempts > this.options.maxInitialAttempts) {
          const why = this.options.describeLastFailure?.()
          this.finish({
            state: 'failed',
            message: `could not connect to ${this.options.describeServers()} after ${this.attempts - 1} attempts${why ? ` (${why})` : ''}`,
          })
          this.options.onGiveUp()
        }
        return
      case RAW.CONNECTED:
      case RAW.CONNECTED_READ_ONLY: {
        const state: SessionState = this.everConnected ? 'reconnected' : 'connected'
        this.everConnected = true
        this.attempts = 0
        this.lastContact = this.options.now()
        this.emit({ state })
        return
      }
      case RAW.DISCONNECTED:
        if (!this.everConnected) return
        if (this.current === 'disconnected') return
        this.emit({ state: 'disconnected', expiresAt: this.options.now() + this.negotiatedTimeout() })
        return
      case RAW.SESSION_EXPIRED:
        this.finish({ state: 'expired', message: 'the server expired the session' })
        this.options.onGiveUp()
        return
      case RAW.AUTHENTICATION_FAILED:
        this.authFailed()
        return
      case RAW.CLOSED:
        this.finish({ state: 'closed' })
        return
      default:
        return
    }
  }

  /** Last time the session was known to be connected. */
  get lastContactAt(): number {
    return this.lastContact
  }

  private emit(update: TrackerUpdate): void {
    this.current = update.state
    this.options.onUpdate(update)
  }

  private finish(update: TrackerUpdate): void {
    this.terminal = true
    this.emit(update)
  }
}
