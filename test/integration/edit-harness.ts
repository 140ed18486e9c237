/**
 * The edit handlers over real connections, without the RPC layer: params are
 * validated with the same schemas the server uses, events are collected per
 * operation. Lets the edit integration tests run before (and besides) the
 * wiring into ZkBackend; edit-rpc.test.ts covers the wired path.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConnectionManager } from '../../electron/backend/connections/connection-manager'
import { editHandlers, type EditHandlers } from '../../electron/backend/handlers/edit-handlers'
import { describeIssues, zPath } from '../../shared/protocol/schemas'
import { editParamSchemas, type EditApi, type EditDone, type EditEvents, type EditProgress } from '../../shared/protocol/edit-api'
import { ZkError } from '../../shared/protocol/errors'
import type { Environment } from '../../shared/protocol/types'

export interface EditHarness {
  connections: ConnectionManager
  auditDir: string
  progress: EditProgress[]
  done: EditDone[]
  /** Validates like the RPC server, then calls the handler. */
  call<M extends keyof EditApi>(method: M, params: Parameters<EditApi[M]>[0], signal?: AbortSignal): ReturnType<EditApi[M]>
  /** Called for every event, as it is emitted (to trigger races at a phase). */
  onEvent(listener: <E extends keyof EditEvents>(event: E, payload: EditEvents[E]) => void): void
  connect(connectString: string, options?: { readOnly?: boolean; credentials?: string[]; environment?: Environment; name?: string }): Promise<string>
  dispose(): Promise<void>
}

const schemas = editParamSchemas(zPath)

export function startEditHarness(options: { fileAccess?: boolean } = {}): EditHarness {
  const connections = new ConnectionManager(() => undefined)
  const auditDir = mkdtempSync(join(tmpdir(), 'zk-console-edit-audit-'))
  const handlers: EditHandlers = editHandlers({ connections, auditDir, ...(options.fileAccess === undefined ? {} : { fileAccess: options.fileAccess }) })
  const progress: EditProgress[] = []
  const done: EditDone[] = []
  const listeners: (<E extends keyof EditEvents>(event: E, payload: EditEvents[E]) => void)[] = []
  const peer = {
    emit<E extends keyof EditEvents>(event: E, payload: EditEvents[E]) {
      if (event === 'edit.progress') progress.push(payload as EditProgress)
      else done.push(payload as EditDone)
      for (const listener of listeners) listener(event, payload)
    },
  }
  return {
    connections,
    auditDir,
    progress,
    done,
    call(method, params, signal) {
      const parsed = schemas[method].safeParse(params)
      if (!parsed.success) return Promise.reject(new ZkError('INVALID_PARAMS', `${method}: ${describeIssues(parsed.error)}`)) as never
      const handler = handlers[method] as (p: unknown, c: { peer: typeof peer; signal: AbortSignal }) => ReturnType<EditApi[typeof method]>
      return handler(parsed.data, { peer, signal: signal ?? new AbortController().signal }) as never
    },
    onEvent(listener) {
      listeners.push(listener)
    },
    async connect(connectString, o = {}) {
      const info = await connections.open({
        name: o.name ?? 'test',
        connectString,
        sessionTimeoutMs: 10_000,
        credentials: o.credentials ?? [],
        environment: o.environment ?? 'test',
        readOnly: o.readOnly ?? false,
      })
      if (info.state !== 'connected') throw new Error(`could not connect to ${connectString}: ${info.state} ${info.message ?? ''}`)
      return info.connectionId
    },
    async dispose() {
      await connections.dispose()
      rmSync(auditDir, { recursive: true, force: true })
    },
  }
}

export function b64(data: string | Uint8Array): string {
  return Buffer.from(data).toString('base64')
}
