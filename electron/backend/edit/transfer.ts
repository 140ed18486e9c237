/**
 * Copy and move of a subtree, within one connection or across two. When the
 * whole operation fits one multi-op request under the batch size (and, for
 * a move, both ends are on the same connection) it is one transaction: all
 * or nothing. Otherwise the creates go in batches (parents first), the copy
 * is verified, and only then does a move delete the source, deepest first,
 * each node at the version that was copied: a node changed meanwhile stays.
 */
import type { TransferParams, TransferReport, VerificationResult } from '../../../shared/protocol/edit-api'
import type { ZkError } from '../../../shared/protocol/errors'
import { BATCH_BYTES, BATCH_MAX_OPS, MULTI_BASE_BYTES, multiOpBytes } from '../../../shared/zk/write-rules'
import { toZkError } from '../connections/zk-errors'
import { runBatches, sizedOp, writeKind, type RunResult, type SentOutcome } from './batch-runner'
import { readTarget, writeTarget, type CallScope, type EditContext, type Target } from './edit-context'
import { commitMulti, MODE, type MultiOp } from './multi'
import { Progress } from './progress'
import { buildReport, finish, summarize } from './report'
import { joinRel } from './subtree-scan'
import { mergeTallies, Tally } from './tally'
import { checkTarget, scanSource } from './transfer-scan'
import { verifyCopy } from './verify'

function auditSent(t: Target, operationId: string, detail: string) {
  return (op: MultiOp, outcome: SentOutcome) =>
    t.record({
      operation: op.kind === 'delete' ? 'delete' : 'create',
      path: op.path,
      operationId,
      ok: outcome.ok,
      ...(op.kind === 'delete' ? { versionBefore: op.version } : { versionAfter: 0 }),
      ...(outcome.ok ? {} : { error: outcome.error.toInfo() }),
      detail: !outcome.ok && outcome.uncertain ? 'outcome unknown: the connection was lost' : detail,
    })
}

/** One transaction: a refusal means nothing changed, a lost answer means everything is uncertain. */
async function runAtomic(ops: MultiOp[], t: Target, tallyOf: (op: MultiOp) => Tally, onSent: (op: MultiOp, o: SentOutcome) => void): Promise<RunResult> {
  try {
    const outcome = await commitMulti(t.session, ops)
    if (outcome.ok) {
      for (const op of ops) {
        onSent(op, { ok: true, result: {} })
        tallyOf(op).succeeded()
      }
      return { batches: 1 }
    }
    ops.forEach((op, i) => {
      if (i !== outcome.index) return tallyOf(op).notAttempted(1)
      onSent(op, { ok: false, uncertain: false, error: outcome.error })
      tallyOf(op).add('failed', op.path, writeKind(op), outcome.error.toInfo())
    })
    return { batches: 1, error: outcome.error }
  } catch (error) {
    const zkError = toZkError(error)
    const unknown = zkError.code === 'CONNECTION_LOSS' || zkError.code === 'TIMEOUT'
    for (const op of ops) {
      if (!unknown) tallyOf(op).notAttempted(1)
      else {
        onSent(op, { ok: false, uncertain: true, error: zkError })
        tallyOf(op).add('uncertain', op.path, writeKind(op), zkError.toInfo())
      }
    }
    return { batches: 1, stopped: 'interrupted', error: zkError }
  }
}

/** The copy was written but could not be read back (connection lost, cancelled): it does not count as verified. */
function unverified(expected: number, error: ZkError): VerificationResult {
  return { ok: false, expected, found: 0, missing: [], extra: [], dataMismatch: [], aclMismatch: [], unreadable: 0, listsTruncated: false, error: error.toInfo() }
}

export async function transferTree(ctx: EditContext, p: TransferParams, scope: CallScope, move: boolean): Promise<TransferReport> {
  const operation = move ? 'move-tree' : 'copy-tree'
  const dst = writeTarget(ctx, p.target.connectionId)
  const src = move ? writeTarget(ctx, p.source.connectionId) : readTarget(ctx, p.source.connectionId)
  const sameConnection = p.source.connectionId === p.target.connectionId
  const started = Date.now()
  const progress = new Progress(scope.emit, p.operationId, operation)
  await checkTarget(p, move, dst)
  progress.phase('scanning')
  const source = await scanSource(p, move, src, dst, progress, scope.signal)

  const creates: MultiOp[] = source.nodes.map((n) => ({
    kind: 'create',
    path: joinRel(p.target.path, n.rel),
    data: n.data ?? Buffer.alloc(0),
    acl: n.acl ?? [],
    mode: MODE.PERSISTENT,
  }))
  const deletes: MultiOp[] = move ? [...source.nodes].reverse().map((n) => ({ kind: 'delete', path: n.path, version: n.stat.version })) : []
  const together = move && sameConnection ? [...creates, ...deletes] : creates
  const bytes = together.reduce((sum, op) => sum + multiOpBytes(sizedOp(op, dst.chroot)), MULTI_BASE_BYTES)
  const atomic = (!move || sameConnection) && bytes <= BATCH_BYTES && together.length <= BATCH_MAX_OPS

  const copyTally = new Tally(creates.length)
  const removalTally = move ? new Tally(deletes.length) : undefined
  const detail = move ? `move to ${p.target.path}` : `copy of ${p.source.path}`
  progress.phase('writing', together.length)
  let run: RunResult
  if (atomic) {
    run = await runAtomic(together, dst, (op) => (op.kind === 'delete' && removalTally ? removalTally : copyTally), auditSent(dst, p.operationId, detail))
  } else {
    run = await runBatches({
      session: dst.session,
      ops: creates,
      dependency: 'parents-first',
      tally: copyTally,
      chroot: dst.chroot,
      signal: scope.signal,
      onSent: auditSent(dst, p.operationId, detail),
      onProgress: () => progress.update(copyTally.counts.succeeded, copyTally.counts.failed),
    })
  }
  progress.flush()

  const copied = copyTally.counts.succeeded === copyTally.counts.total
  let verification: VerificationResult | undefined
  if (copied && (p.verify || (move && !atomic))) {
    progress.phase('verifying', source.nodes.length)
    verification = await verifyCopy(dst.session, p.target.path, source.nodes, scope.signal).catch((error: unknown) => unverified(source.nodes.length, toZkError(error, p.target.path)))
  }

  if (scope.signal.aborted && !atomic) run.stopped ??= 'cancelled'
  let kept: string | undefined
  if (move && !atomic && removalTally) {
    if (!copied) kept = 'the copy is incomplete'
    else if (run.stopped) kept = 'the operation was cancelled before the source was deleted'
    else if (!verification?.ok) kept = 'the copy did not verify'
    if (kept) removalTally.notAttempted(deletes.length)
    else {
      progress.phase('deleting', deletes.length)
      const removed = await runBatches({
        session: src.session,
        ops: deletes,
        dependency: 'children-first',
        tally: removalTally,
        chroot: src.chroot,
        signal: scope.signal,
        alreadyDone: (_op, error) => error.code === 'NO_NODE',
        onSent: auditSent(src, p.operationId, detail),
        onProgress: () => progress.update(removalTally.counts.succeeded, removalTally.counts.failed),
      })
      run = { ...run, batches: run.batches + removed.batches }
      if (removed.stopped) run.stopped = removed.stopped
      if (removed.error) run.error = removed.error
    }
    progress.flush()
  }

  const merged = mergeTallies(copyTally, removalTally)
  const report = buildReport({ operationId: p.operationId, operation, tally: merged, run, atomic, started })
  const transfer: TransferReport = {
    ...report,
    ...copyTally.counts,
    source: p.source,
    target: p.target,
    left: { ephemeral: source.ephemeral.length, unreadable: source.unreadable.length },
  }
  // The merged counts decide the outcome; the sentence speaks of nodes, not of writes.
  transfer.message = summarize('copy-tree', copyTally, run, atomic)
  if (removalTally) {
    const r = removalTally.counts
    const problems = [r.failed ? `${r.failed} failed` : '', r.skipped ? `${r.skipped} skipped` : '', r.uncertain ? `${r.uncertain} uncertain` : ''].filter(Boolean)
    transfer.message += `; removed ${r.succeeded.toLocaleString('en-US')} of ${r.total.toLocaleString('en-US')} from the source${problems.length ? ` (${problems.join(', ')})` : ''}`
    transfer.removal = r
  }
  if (verification) transfer.verification = verification
  if (atomic && run.error && !run.stopped) {
    transfer.outcome = 'failed'
    transfer.message = `nothing was ${move ? 'moved' : 'copied'}: the transaction was refused (${run.error.message})`
  }
  if (kept) transfer.message += `; the source was kept because ${kept}`
  if ((kept || (verification && !verification.ok)) && transfer.outcome === 'complete') transfer.outcome = 'partial'
  if (source.unreadable.length && transfer.outcome === 'complete') transfer.outcome = 'partial'
  if (source.ephemeral.length || source.unreadable.length) {
    transfer.message += `; not copied: ${source.ephemeral.length} ephemeral and ${source.unreadable.length} unreadable node(s)`
  }
  return finish(ctx, dst, { operation, path: p.source.path, target: p.target.path }, transfer)
}
