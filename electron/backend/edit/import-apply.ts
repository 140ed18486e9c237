/**
 * Applies a confirmed import plan: creates (parents first, in batches), then
 * data updates at the versions the dry run read (a node changed since is
 * reported, not overwritten), then ACL updates. Conflicts are left alone.
 */
import type { OperationReport } from '../../../shared/protocol/edit-api'
import { applyAcls } from './acl-tree'
import { runBatches, type SentOutcome } from './batch-runner'
import { writeTarget, type CallScope, type EditContext, type Target } from './edit-context'
import type { ImportPlans } from './import-plans'
import type { MultiOp } from './multi'
import { Progress } from './progress'
import { buildReport, finish } from './report'
import { Tally } from './tally'

function auditSent(t: Target, operationId: string) {
  return (op: MultiOp, outcome: SentOutcome) =>
    t.record({
      operation: op.kind === 'create' ? 'create' : 'setData',
      path: op.path,
      operationId,
      ok: outcome.ok,
      ...(op.kind === 'setData' ? { versionBefore: op.version } : {}),
      ...(outcome.ok ? { versionAfter: outcome.result.stat?.version ?? 0 } : { error: outcome.error.toInfo() }),
      detail: !outcome.ok && outcome.uncertain ? 'import; outcome unknown: the connection was lost' : 'import',
    })
}

export async function applyImport(ctx: EditContext, plans: ImportPlans, p: { operationId: string; planId: string }, scope: CallScope): Promise<OperationReport> {
  // The connection is checked (open, writable) before the plan is used up.
  const t = writeTarget(ctx, plans.peek(p.planId).summary.connectionId)
  const plan = plans.take(p.planId)
  const started = Date.now()
  const progress = new Progress(scope.emit, p.operationId, 'import')
  const total = plan.creates.length + plan.updates.length + plan.acls.length
  const tally = new Tally(total)
  const onSent = auditSent(t, p.operationId)
  const onProgress = () => progress.update(tally.counts.succeeded, tally.counts.failed)
  progress.phase('writing', total)

  const run = await runBatches({
    session: t.session,
    ops: plan.creates,
    dependency: 'parents-first',
    tally,
    chroot: t.chroot,
    signal: scope.signal,
    alreadyDone: (op, error) => error.code === 'NODE_EXISTS' && plan.implied.has(op.path),
    onSent,
    onProgress,
  })
  if (!run.stopped) {
    const updated = await runBatches({ session: t.session, ops: plan.updates, dependency: 'none', tally, chroot: t.chroot, signal: scope.signal, onSent, onProgress })
    run.batches += updated.batches
    if (updated.stopped) run.stopped = updated.stopped
    if (updated.error) run.error = updated.error
  } else tally.notAttempted(plan.updates.length)
  if (!run.stopped) await applyAcls(t, plan.acls, { tally, run, signal: scope.signal, operationId: p.operationId, onProgress })
  else tally.notAttempted(plan.acls.length)
  progress.flush()

  const report = buildReport({ operationId: p.operationId, operation: 'import', tally, run, atomic: false, started })
  for (const issue of report.issues) {
    if (issue.code === 'BAD_VERSION') issue.message = `changed since the dry run (${issue.message}); not overwritten`
    if (issue.code === 'NODE_EXISTS') issue.message = `created by someone else since the dry run; not overwritten`
  }
  const conflicts = plan.summary.counts.conflict
  if (conflicts) report.message += `; ${conflicts.toLocaleString('en-US')} conflict(s) from the dry run left alone`
  return finish(ctx, t, { operation: 'import', path: plan.summary.targetPath }, report)
}
