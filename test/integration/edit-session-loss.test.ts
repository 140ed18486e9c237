/**
 * The server dies in the middle of a subtree delete: the operation stops,
 * the batch in flight is reported uncertain (it may or may not have been
 * applied), the rest not attempted, and the counts match what is left on
 * the server once it is back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startEditHarness, type EditHarness } from './edit-harness'
import { buildTree, kazooCount, treePaths } from './edit-race'

let ensemble: TestEnsemble
let harness: EditHarness

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 1 })
  harness = startEditHarness()
})

afterAll(async () => {
  await harness?.dispose()
  await ensemble?.stop()
})

it('reports exactly how far a delete got when the session is lost mid-operation', async () => {
  const conn = await harness.connect(ensemble.connectString)
  const paths = treePaths('/lost', 30, 100, 10)
  await buildTree(ensemble.connectString, paths)
  let killed: Promise<void> | undefined
  harness.onEvent((event, payload) => {
    if (event === 'edit.progress' && 'phase' in payload && payload.phase === 'deleting' && payload.done > 0) killed ??= ensemble.member(1).kill()
  })
  const report = await harness.call('deleteTree', { operationId: 'lost', connectionId: conn, path: '/lost', keepRoot: false })
  await killed
  expect(report.outcome).toBe('interrupted')
  expect(['CONNECTION_LOSS', 'NOT_CONNECTED', 'TIMEOUT']).toContain(report.error?.code)
  expect(report.succeeded).toBeGreaterThan(0)
  expect(report.notAttempted).toBeGreaterThan(0)
  expect(report.succeeded + report.failed + report.skipped + report.uncertain + report.notAttempted).toBe(paths.length)
  expect(report.message).toMatch(/stopped/)
  expect(harness.done.find((d) => d.operationId === 'lost')?.report?.outcome).toBe('interrupted')

  await ensemble.member(1).start()
  const left = await kazooCount(ensemble.connectString, '/lost')
  // The uncertain batch either happened or did not: nothing in between.
  expect([paths.length - report.succeeded, paths.length - report.succeeded - report.uncertain]).toContain(left)
  const audit = await harness.call('listAudit', { limit: 10, operationId: 'lost' })
  expect(audit.entries[0]).toMatchObject({ operation: 'delete-tree', ok: false })
})
