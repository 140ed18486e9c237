/**
 * What the editing benchmarks share: a connection through the real
 * ConnectionManager with an EditContext around it (as the handlers build
 * it), and a promise around node-zookeeper-client's callbacks for the
 * one-request-at-a-time references.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConnectionManager } from '../electron/backend/connections/connection-manager'
import { AuditLog } from '../electron/backend/edit/audit-log'
import type { CallScope, EditContext } from '../electron/backend/edit/edit-context'
import { UndoStore } from '../electron/backend/edit/undo-store'

export async function benchContext(connectString: string): Promise<{ ctx: EditContext; connectionId: string; scope: CallScope; workDir: string }> {
  const connections = new ConnectionManager(() => undefined)
  const info = await connections.open({ name: 'bench', connectString, sessionTimeoutMs: 30_000, credentials: [], environment: 'test', readOnly: false })
  const workDir = mkdtempSync(join(tmpdir(), 'zk-console-bench-'))
  const ctx: EditContext = { connections, audit: new AuditLog(workDir), undo: new UndoStore(), fileAccess: true }
  return { ctx, connectionId: info.connectionId, scope: { emit: () => undefined, signal: new AbortController().signal }, workDir }
}

/** A node-zookeeper-client call as a promise. */
export const call = <T>(start: (done: (error: unknown, value?: T) => void) => void) =>
  new Promise<T>((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value as T))))
