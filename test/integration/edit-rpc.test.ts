/**
 * Editing through the real backend over a real WebSocket, as the renderer
 * calls it: schema validation, progress and `edit.done` events to the
 * calling peer, cancel through the call's signal, READ_ONLY, and the audit
 * log in the backend's config folder.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { kazooGet, runKazoo } from '../helpers/kazoo'
import { buildTree, kazooCount, treePaths } from './edit-race'
import type { CallOptions, RpcClient } from '../../shared/rpc/client'
import type { Disposable } from '../../shared/util/disposable'
import type { EditApi, EditDone, EditEvents, EditProgress } from '../../shared/protocol/edit-api'
import type { ZkError } from '../../shared/protocol/errors'

type EditCall = <M extends keyof EditApi>(method: M, params: Parameters<EditApi[M]>[0], options?: CallOptions) => ReturnType<EditApi[M]>
type EditOn = <E extends keyof EditEvents>(event: E, listener: (payload: EditEvents[E]) => void) => Disposable


let ensemble: TestEnsemble
let server: BackendServer
let client: RpcClient
let call: EditCall
let on: EditOn
let conn: string

describe('editing over the RPC', () => {
  beforeAll(async () => {
    ensemble = await startEnsemble({ size: 1 })
    server = await startBackendServer({ serveRenderer: false })
    client = await server.connectClient()
    call = client.call.bind(client) as unknown as EditCall
    on = client.on.bind(client) as unknown as EditOn
    conn = (await client.api.connectAdHoc({ connectString: ensemble.connectString })).connectionId
  })

  afterAll(async () => {
    await server?.dispose()
    await ensemble?.stop()
  })

  it('creates, saves with a version, and returns theirs on a conflict', async () => {
    const created = await call('createNode', { connectionId: conn, path: '/rpc', data: Buffer.from('v0').toString('base64'), mode: 'persistent', createParents: false })
    expect(created.path).toBe('/rpc')
    await runKazoo(ensemble.connectString, "zk.set('/rpc', b'theirs')")
    const conflict = await call('setData', { connectionId: conn, path: '/rpc', data: Buffer.from('mine').toString('base64'), version: 0 })
    expect(conflict.status).toBe('conflict')
    if (conflict.status === 'conflict') expect(conflict.theirs.data.text).toBe('theirs')
    const blind = await call('setData', { connectionId: conn, path: '/rpc', data: '', version: -1 }).catch((e: ZkError) => e)
    expect(blind).toMatchObject({ code: 'INVALID_PARAMS' })
    expect(existsSync(join(server.configDir, 'audit.ndjson'))).toBe(true)
  })

  it('streams progress and the final report to the calling peer', async () => {
    const paths = treePaths('/rpc-del', 5, 20, 10)
    await buildTree(ensemble.connectString, paths)
    const progress: EditProgress[] = []
    const done: EditDone[] = []
    const subs = [on('edit.progress', (p) => progress.push(p)), on('edit.done', (d) => done.push(d))]
    const report = await call('deleteTree', { operationId: 'rpc-1', connectionId: conn, path: '/rpc-del', keepRoot: false }, { timeoutMs: 0 })
    await new Promise((r) => setTimeout(r, 50))
    subs.forEach((s) => s.dispose())
    expect(report).toMatchObject({ outcome: 'complete', succeeded: paths.length })
    expect(progress.some((p) => p.operationId === 'rpc-1' && p.phase === 'deleting')).toBe(true)
    expect(done.find((d) => d.operationId === 'rpc-1')?.report?.succeeded).toBe(paths.length)
    expect((await kazooGet(ensemble.connectString, '/rpc-del')).ok).toBe(false)
  })

  it('cancels through the signal; the report of how far it got arrives as edit.done', async () => {
    const paths = treePaths('/rpc-cancel', 10, 100, 10)
    await buildTree(ensemble.connectString, paths)
    const controller = new AbortController()
    const done = new Promise<EditDone>((resolve) => {
      const sub = on('edit.done', (d) => {
        if (d.operationId !== 'rpc-2') return
        sub.dispose()
        resolve(d)
      })
    })
    const progressSub = on('edit.progress', (p) => {
      if (p.operationId === 'rpc-2' && p.phase === 'deleting' && p.done > 0) controller.abort()
    })
    const result = await call('deleteTree', { operationId: 'rpc-2', connectionId: conn, path: '/rpc-cancel', keepRoot: false }, { timeoutMs: 0, signal: controller.signal }).catch(
      (e: ZkError) => e,
    )
    progressSub.dispose()
    expect(result).toMatchObject({ code: 'CANCELLED' })
    const final = await done
    expect(final.report?.outcome).toBe('cancelled')
    const report = final.report
    if (!report) return
    expect(report.succeeded + report.notAttempted + report.failed + report.skipped + report.uncertain).toBe(paths.length)
    expect(await kazooCount(ensemble.connectString, '/rpc-cancel')).toBe(paths.length - report.succeeded)
  })

  it('refuses writes on a read-only connection', async () => {
    const ro = (await client.api.connectAdHoc({ connectString: ensemble.connectString, readOnly: true })).connectionId
    const refused = await call('createNode', { connectionId: ro, path: '/rpc-ro', data: '', mode: 'persistent', createParents: false }).catch((e: ZkError) => e)
    expect(refused).toMatchObject({ code: 'READ_ONLY' })
    expect(await call('getEditCapabilities', { connectionId: ro })).toMatchObject({ readOnly: true })
  })
})
