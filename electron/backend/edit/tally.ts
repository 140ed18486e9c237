/** Counts and the first issues of one step of a multi-step operation. */
import type { ErrorInfo } from '../../../shared/protocol/errors'
import type { OperationIssue, StepCounts, WriteKind } from '../../../shared/protocol/edit-api'

/** Issues kept in a report; the counts stay exact beyond it. */
export const MAX_ISSUES = 500

export class Tally {
  readonly counts: StepCounts
  readonly issues: OperationIssue[] = []
  issuesTruncated = false

  constructor(total: number) {
    this.counts = { total, succeeded: 0, failed: 0, skipped: 0, uncertain: 0, notAttempted: 0 }
  }

  succeeded(n = 1): void {
    this.counts.succeeded += n
  }

  notAttempted(n: number): void {
    this.counts.notAttempted += n
  }

  add(status: OperationIssue['status'], path: string, op: WriteKind, error: ErrorInfo): void {
    this.counts[status] += 1
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, op, status, code: error.code, message: error.message })
    else this.issuesTruncated = true
  }

  /** Everything accounted for: the invariant a report promises. */
  get settled(): number {
    const c = this.counts
    return c.succeeded + c.failed + c.skipped + c.uncertain + c.notAttempted
  }
}

/** Both steps of a move seen as one, for its outcome and its issue list. */
export function mergeTallies(a: Tally, b: Tally | undefined): Tally {
  if (!b) return a
  const merged = new Tally(a.counts.total + b.counts.total)
  for (const key of ['succeeded', 'failed', 'skipped', 'uncertain', 'notAttempted'] as const) merged.counts[key] = a.counts[key] + b.counts[key]
  const issues = [...a.issues, ...b.issues]
  merged.issues.push(...issues.slice(0, MAX_ISSUES))
  merged.issuesTruncated = a.issuesTruncated || b.issuesTruncated || issues.length > MAX_ISSUES
  return merged
}
