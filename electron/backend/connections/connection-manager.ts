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
}

export class ConnectionManager {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly emit: (info: ConnectionInfo) => void) {}

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
    const session = new ZkSession({
      connectString: spec.connectString,
      sessionTimeoutMs: spec.sessionTimeoutMs,
      credentials: spec.credentials,
      onState: (update) => this.update(connectionId, update),
    })
    this.entries.set(connectionId, { info, session })
    this.emit(info)
    await session.whenSettled()
    return this.info(connectionId)
  }

  async close(connectionId: string): Promise<void> {
    const entry = this.entries.get(connectionId)
    if (!entry) return
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

  private update(connectionId: string, update: SessionUpdate): void {
    const entry = this.entries.get(connectionId)
    if (!entry) return
    const { info } = entry
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
  }
}
