/** Turns the counts of a multi-step operation into its report, records its summary line, and flushes the audit log. */
import type { AuditOperation, OperationKind, OperationReport, TransferReport } from '../../../shared/protocol/edit-api'
import type { ZkError } from '../../../shared/protocol/errors'
import type { RunResult } from './batch-runner'
import type { EditContext, Target } from './edit-context'
import type { Tally } from './tally'

const VERBS: Partial<Record<OperationKind, string>> = {
  'delete-tree': 'deleted',
  'copy-tree': 'copied',
  'move-tree': 'moved',
  'set-acl-tree': 'set the ACL of',
  import: 'wrote',
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`
}

export function outcomeOf(tally: Tally, run: Pick<RunResult, 'stopped'>): OperationReport['outcome'] {
  if (run.stopped === 'cancelled') return 'cancelled'
  if (run.stopped === 'interrupted') return 'interrupted'
  const c = tally.counts
  return c.failed + c.skipped + c.uncertain > 0 ? 'partial' : 'complete'
}

/** "deleted 1,203 of 1,205 nodes; 1 failed, 1 skipped", and why it stopped. */
export function summarize(operation: OperationKind, tally: Tally, run: Pick<RunResult, 'stopped' | 'error'>, atomic: boolean): string {
  const c = tally.counts
  const parts = [`${VERBS[operation] ?? 'wrote'} ${c.succeeded.toLocaleString('en-US')} of ${plural(c.total, 'node')}`]
  const rest = [
    c.failed ? `${c.failed.toLocaleString('en-US')} failed` : '',
    c.skipped ? `${c.skipped.toLocaleString('en-US')} skipped` : '',
    c.uncertain ? `${c.uncertain.toLocaleString('en-US')} uncertain (connection lost before the answer)` : '',
    c.notAttempted ? `${c.notAttempted.toLocaleString('en-US')} not attempted` : '',
  ].filter(Boolean)
  let text = rest.length ? `${parts[0]}; ${rest.join(', ')}` : (parts[0] as string)
  if (run.stopped === 'cancelled') text += '; cancelled'
  if (run.stopped === 'interrupted') text += `; stopped: ${run.error?.message ?? 'the connection failed'}`
  if (!atomic && c.total > 0) text += ' (in several transactions: not atomic)'
  return text
}

export function buildReport(args: {
  operationId: string
  operation: OperationKind
  tally: Tally
  run: RunResult
  atomic: boolean
  started: number
}): OperationReport {
  const { tally, run } = args
  const report: OperationReport = {
    operationId: args.operationId,
    operation: args.operation,
    outcome: outcomeOf(tally, run),
    message: summarize(args.operation, tally, run, args.atomic),
    ...tally.counts,
    issues: tally.issues,
    issuesTruncated: tally.issuesTruncated,
    atomic: args.atomic,
    batches: run.batches,
    elapsedMs: Date.now() - args.started,
  }
  if (run.error) report.error = (run.error as ZkError).toInfo()
  return report
}

/** Records the summary line and waits for every audit line of the operation to reach the disk. */
export async function finish<R extends OperationReport | TransferReport>(
  ctx: EditContext,
  t: Target,
  /** `covers` says what else the operation covered besides `path`, for the audit line. */
  summary: { operation: AuditOperation; path: string; target?: string; covers?: string },
  report: R,
): Promise<R> {
  const { target } = summary
  t.record({
    operation: summary.operation,
    path: summary.path,
    operationId: report.operationId,
    ok: report.outcome === 'complete',
    detail: summary.covers ? `${summary.covers}; ${report.message}` : report.message,
    ...(target ? { target } : {}),
    ...(report.error ? { error: report.error } : {}),
  })
  await ctx.audit.flush()
  return report
}
