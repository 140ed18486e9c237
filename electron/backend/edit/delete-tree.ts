/**
 * Deletes a subtree bottom-up: scan names and versions, then delete deepest
 * first in multi-op batches. Each node is deleted at the version the scan
 * read, so a node someone changed meanwhile is reported, not lost; a child
 * created meanwhile makes its parent fail with NOT_EMPTY and the ancestors
 * are skipped. A node someone else already deleted counts as done.
 * Several roots (a multi-selection) are one operation with one report.
 */
import type { DeleteTreeParams, OperationReport } from '../../../shared/protocol/edit-api'
import type { ZkError } from '../../../shared/protocol/errors'
import { runBatches } from './batch-runner'
import { writeTarget, type CallScope, type EditContext } from './edit-context'
import type { MultiOp } from './multi'
import { Progress } from './progress'
import { buildReport, finish } from './report'
import { scanRoots, scanSubtree } from './subtree-scan'
import { Tally } from './tally'
import { assertNotRoot, assertWritablePath } from './write-guards'
import { topmostPaths } from '../../../shared/zk/path'

/** No practical cap: the scan keeps paths and versions only. */
const MAX_NODES = 10_000_000
const AUDIT_ROOTS_NAMED = 20

export async function deleteTree(ctx: EditContext, p: DeleteTreeParams, scope: CallScope): Promise<OperationReport> {
  const t = writeTarget(ctx, p.connectionId)
  const roots = topmostPaths([p.path, ...(p.morePaths ?? [])])
  for (const root of roots) {
    if (!p.keepRoot) assertNotRoot(root, 'deleted (keep the root and delete what is below it)')
    assertWritablePath(root, 'delete')
  }
  const started = Date.now()
  const progress = new Progress(scope.emit, p.operationId, 'delete-tree')
  progress.phase('scanning')

  const perRoot: MultiOp[][] = roots.map(() => [])
  const unreadable: { path: string; error: ZkError }[] = []
  let scanned = 0
  await scanRoots(roots, scope.signal, (root, index, scan) =>
    scanSubtree(t.session, {
      root,
      maxNodes: MAX_NODES,
      withData: false,
      withAcl: false,
      ...scan,
      onNode: (node) => {
        if (!(p.keepRoot && node.rel === '')) perRoot[index]?.push({ kind: 'delete', path: node.path, version: node.stat.version })
        progress.update(++scanned)
        return undefined
      },
      onUnreadable: (path, error) => {
        // Gone meanwhile: nothing to delete. Unreadable (no permission): its children are unknown, so it stays.
        if (error.code !== 'NO_NODE') unreadable.push({ path, error })
      },
    }),
  )
  // Breadth-first reversed is deepest first: every node comes after all of its descendants.
  // The roots are disjoint, so one root's nodes after another's keep that order.
  const ops = perRoot.flatMap((rootOps) => rootOps.reverse())
  progress.flush()

  const tally = new Tally(ops.length + unreadable.length)
  for (const { path, error } of unreadable) {
    tally.add('skipped', path, 'delete', { code: error.code, message: `could not be read (${error.message}), so it and its ancestors stay` })
  }
  progress.phase('deleting', ops.length)
  const run = await runBatches({
    session: t.session,
    ops,
    dependency: 'children-first',
    preFailed: unreadable.map((u) => u.path),
    tally,
    chroot: t.chroot,
    signal: scope.signal,
    alreadyDone: (_op, error) => error.code === 'NO_NODE',
    onSent: (op, outcome) => {
      const version = op.kind === 'delete' ? op.version : undefined
      if (outcome.ok) ctx.undo.forget(t.connectionId, op.path)
      t.record({
        operation: 'delete',
        path: op.path,
        operationId: p.operationId,
        ok: outcome.ok,
        ...(version !== undefined ? { versionBefore: version } : {}),
        ...(outcome.ok ? {} : { error: outcome.error.toInfo() }),
        ...(!outcome.ok && outcome.uncertain ? { detail: 'outcome unknown: the connection was lost' } : {}),
      })
    },
    onProgress: () => progress.update(tally.counts.succeeded, tally.counts.failed),
  })
  progress.flush()
  const report = buildReport({ operationId: p.operationId, operation: 'delete-tree', tally, run, atomic: run.batches === 1 && unreadable.length === 0 && tally.counts.failed === 0, started })
  return finish(ctx, t, { operation: 'delete-tree', path: p.path, ...(roots.length > 1 ? { covers: coveredRoots(roots) } : {}) }, report)
}

/** The roots of a multi-selection for the audit line, the first few by name. */
function coveredRoots(roots: readonly string[]): string {
  const named = roots.slice(0, AUDIT_ROOTS_NAMED).join(', ')
  return `${roots.length} subtrees: ${named}${roots.length > AUDIT_ROOTS_NAMED ? ', …' : ''}`
}
