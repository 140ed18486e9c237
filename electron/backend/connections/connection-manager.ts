/**
 * Every open connection of this backend, by id. Many ensembles can be open
 * at once; each connection reports its session state as an event.
 */
import { randomUUID } from 'node:crypto'
import { ZkError } from '../../../shared/protocol/errors'
import type { ConnectionInfo, Environment } from '../../../shared/protocol/types'
import { parseConnectString } from '../../../shared/zk/connect-string'
import { ZkSession, type SessionUpdate } from './zk-session'

export interface OpenSpec {
  profileId?: string
  name: string
  connectString: string
  sessionTimeoutMs: number
  credentials: string[]
  environment: Environment
  readOnly: boolean
}

interface Entry {
  info: ConnectionInfo
  session: ZkSession
  spec: OpenSpec
}

/** What feature modules (watches) need to hear about a connection's session. */
export type SessionEvent = 'reconnected' | 'renewed' | 'closed'

export class ConnectionManager {
  private readonly entries = new Map<string, Entry>()
  private readonly sessionListeners = new Set<(connectionId: string, event: SessionEvent) => void>()

  constructor(private readonly emit: (info: ConnectionInfo) => void) {}

  onSessionEvent(listener: (connectionId: string, event: SessionEvent) => void): { dispose(): void } {
    this.sessionListeners.add(listener)
    return { dispose: () => this.sessionListeners.delete(listener) }
  }

  async open(spec: OpenSpec): Promise<ConnectionInfo> {
    const parsed = parseConnectString(spec.connectString)
    if (!parsed.ok) throw new ZkError('INVALID_PARAMS', `invalid connect string: ${parsed.detail}`)
    const connectionId = randomUUID()
    const info: ConnectionInfo = {
      connectionId,
      name: spec.name,
      connectString: spec.connectString.trim(),
      environment: spec.environment,
      readOnly: spec.readOnly,
      state: 'connecting',
      since: Date.now(),
      ...(spec.profileId ? { profileId: spec.profileId } : {}),
      ...(parsed.value.chroot ? { chroot: parsed.value.chroot } : {}),
    }
    const session = this.newSession(connectionId, spec, false)
    this.entries.set(connectionId, { info, session, spec })
    this.emit(info)
    await session.whenSettled()
    return this.info(connectionId)
  }

  private newSession(connectionId: string, spec: OpenSpec, renewal: boolean): ZkSession {
    const session: ZkSession = new ZkSession({
      connectString: spec.connectString,
      sessionTimeoutMs: spec.sessionTimeoutMs,
      credentials: spec.credentials,
      // A renewal keeps trying until a member answers, like the session it replaces did.
      ...(renewal ? { maxInitialAttempts: Number.POSITIVE_INFINITY } : {}),
      onState: (update) => {
        // A replaced session may still report its last states; only the current one counts.
        if (this.entries.get(connectionId)?.session === session) this.update(connectionId, update, renewal)
      },
    })
    return session
  }

  /**
   * Adds digest credentials to an open connection: to its session now and to any session that
   * replaces it (after an expiry). Not saved to the profile. Digest auth never fails on its own:
   * whether the credentials open a node is for the node's ACL to say.
   */
  addCredentials(connectionId: string, credentials: readonly string[]): ConnectionInfo {
    const entry = this.entry(connectionId)
    const added = credentials.filter((c) => !entry.spec.credentials.includes(c))
    entry.spec = { ...entry.spec, credentials: [...entry.spec.credentials, ...added] }
    entry.session.addCredentials(added)
    return this.info(connectionId)
  }

  /** Replaces the session of an open connection with a fresh one, keeping its id and settings. */
  async reconnect(connectionId: string): Promise<ConnectionInfo> {
    const entry = this.entry(connectionId)
    const old = entry.session
    entry.session = this.newSession(connectionId, entry.spec, false)
    entry.info = { ...entry.info, state: 'connecting', since: Date.now() }
    this.emit(entry.info)
    void old.close()
    await entry.session.whenSettled()
    // Watches and other feature state re-arm on the new session.
    if (entry.session.state === 'connected') this.notify(connectionId, 'renewed')
    return this.info(connectionId)
  }

  /** The server expired the session: open a new one in its place, so the view comes back by itself. */
  private renew(connectionId: string): void {
    const entry = this.entries.get(connectionId)
    if (!entry) return
    const old = entry.session
    entry.session = this.newSession(connectionId, entry.spec, true)
    void old.close()
  }

  private notify(connectionId: string, event: SessionEvent): void {
    for (const listener of [...this.sessionListeners]) listener(connectionId, event)
  }

  async close(connectionId: string): Promise<void> {
    const entry = this.entries.get(connectionId)
    if (!entry) return
    // Feature modules let go of the session while it is still reachable by id.
    this.notify(connectionId, 'closed')
    this.entries.delete(connectionId)
    await entry.session.close()
    this.emit({ ...entry.info, state: 'closed', since: Date.now() })
  }

  list(): ConnectionInfo[] {
    return [...this.entries.values()].map((e) => e.info)
  }

  info(connectionId: string): ConnectionInfo {
    return this.entry(connectionId).info
  }

  session(connectionId: string): ZkSession {
    return this.entry(connectionId).session
  }

  /** The session, for a write: refused with READ_ONLY on a read-only connection. */
  writableSession(connectionId: string): ZkSession {
    const entry = this.entry(connectionId)
    if (entry.info.readOnly) {
      throw new ZkError('READ_ONLY', `${entry.info.name} is a read-only connection; writes are disabled`)
    }
    return entry.session
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.close(id)))
  }

  private entry(connectionId: string): Entry {
    const entry = this.entries.get(connectionId)
    if (!entry) throw new ZkError('UNKNOWN_CONNECTION', `no open connection with id ${connectionId}`)
    return entry
  }

  private update(connectionId: string, update: SessionUpdate, renewal = false): void {
    const entry = this.entries.get(connectionId)
    if (!entry) return
    const { info } = entry
    if (renewal && update.state === 'connected') {
      update = {
        ...update,
        message: 'the previous session expired; this is a new session (ephemeral nodes of the old one are gone)',
      }
    }
    // Fields that describe a live session are dropped when it is not live.
    const next: ConnectionInfo = {
      connectionId,
      name: info.name,
      connectString: info.connectString,
      environment: info.environment,
      readOnly: info.readOnly,
      state: update.state,
      since: Date.now(),
      ...(info.profileId ? { profileId: info.profileId } : {}),
      ...(info.chroot ? { chroot: info.chroot } : {}),
      ...(update.sessionId ?? info.sessionId ? { sessionId: update.sessionId ?? info.sessionId } : {}),
      ...(update.negotiatedTimeoutMs ?? info.negotiatedTimeoutMs
        ? { negotiatedTimeoutMs: update.negotiatedTimeoutMs ?? info.negotiatedTimeoutMs }
        : {}),
      ...(update.server ? { server: update.server } : {}),
      ...(update.expiresAt ? { expiresAt: update.expiresAt } : {}),
      ...(update.message ? { message: update.message } : {}),
    }
    entry.info = next
    this.emit(next)
    if (update.state === 'reconnected') this.notify(connectionId, 'reconnected')
    if (renewal && update.state === 'connected') this.notify(connectionId, 'renewed')
    if (update.state === 'expired') this.renew(connectionId)
  }
}
