/**
 * What every edit operation works with: the connections (writes only through
 * the read-only guard), the audit log, the undo memory, and whether files may
 * be read and written on this host.
 */
import type { AuditEntry, EditEvents } from '../../../shared/protocol/edit-api'
import type { ConnectionInfo } from '../../../shared/protocol/types'
import type { ConnectionManager } from '../connections/connection-manager'
import type { ZkSession } from '../connections/zk-session'
import type { AuditLog } from './audit-log'
import type { UndoStore } from './undo-store'

export interface EditContext {
  connections: ConnectionManager
  audit: AuditLog
  undo: UndoStore
  fileAccess: boolean
}

/** What a handler hands an operation: where its events go, and its cancel signal. */
export interface CallScope {
  emit<E extends keyof EditEvents>(event: E, payload: EditEvents[E]): void
  signal: AbortSignal
}

/** The audit fields an operation fills in; the connection's are added by the target. */
export type AuditFields = Omit<AuditEntry, 'time' | 'connectionId' | 'connection' | 'connectString' | 'environment'>

export interface Target {
  connectionId: string
  session: ZkSession
  info: ConnectionInfo
  chroot: string | undefined
  record(fields: AuditFields): void
}

function target(ctx: EditContext, connectionId: string, session: ZkSession): Target {
  const info = ctx.connections.info(connectionId)
  return {
    connectionId,
    session,
    info,
    chroot: info.chroot,
    record: (fields) =>
      ctx.audit.record({
        time: new Date().toISOString(),
        connectionId,
        connection: info.name,
        connectString: info.connectString,
        environment: info.environment,
        ...fields,
      }),
  }
}

/** For writing: READ_ONLY on a read-only connection, before anything is read or sent. */
export function writeTarget(ctx: EditContext, connectionId: string): Target {
  return target(ctx, connectionId, ctx.connections.writableSession(connectionId))
}

/** For reading only (export, diff, the source of a copy). */
export function readTarget(ctx: EditContext, connectionId: string): Target {
  return target(ctx, connectionId, ctx.connections.session(connectionId))
}
