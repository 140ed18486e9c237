/**
 * Sets one ACL on every node of a subtree. Multi-op requests cannot carry
 * setACL, so these are single requests, many in flight; each carries the
 * aversion the scan read, so an ACL someone changed meanwhile is reported,
 * not overwritten.
 */
import type { OperationReport, SetAclTreeParams } from '../../../shared/protocol/edit-api'
import type { ZkError } from '../../../shared/protocol/errors'
import type { AclEntry } from '../../../shared/protocol/types'
import { mapLimit } from '../../../shared/util/map-limit'
import { convertStat, type ZnodeStat } from '../../../shared/zk/stat'
import { toZkError } from '../connections/zk-errors'
import type { RunResult } from './batch-runner'
import { writeTarget, type CallScope, type EditContext, type Target } from './edit-context'
import { Progress } from './progress'
import { buildReport, finish } from './report'
import { scanSubtree } from './subtree-scan'
import { Tally } from './tally'
import { assertAcl, assertFits, assertWritablePath } from './write-guards'
import { toLibraryAcl } from './zk-acl'

const IN_FLIGHT = 128
const MAX_NODES = 10_000_000

export async function setAclTree(ctx: EditContext, p: SetAclTreeParams, scope: CallScope): Promise<OperationReport> {
  const t = writeTarget(ctx, p.connectionId)
  assertWritablePath(p.path, 'change the ACL of')
  assertAcl(p.acl)
  assertFits({ kind: 'setAcl', path: p.path, acl: p.acl }, t.chroot, p.path)
  const started = Date.now()
  const progress = new Progress(scope.emit, p.operationId, 'set-acl-tree')
  progress.phase('scanning')
  const nodes: { path: string; aversion: number }[] = []
  const unreadable: { path: string; error: ZkError }[] = []
  await scanSubtree(t.session, {
    root: p.path,
    maxNodes: MAX_NODES,
    withData: false,
    withAcl: false,
    signal: scope.signal,
    onNode: (node) => {
      nodes.push({ path: node.path, aversion: node.stat.aversion })
      progress.update(nodes.length)
      return undefined
    },
    onUnreadable: (path, error) => {
      if (error.code !== 'NO_NODE') unreadable.push({ path, error })
    },
  })
  progress.flush()

  const tally = new Tally(nodes.length + unreadable.length)
  for (const { path, error } of unreadable) tally.add('skipped', path, 'setAcl', { code: error.code, message: `could not be read (${error.message}); its ACL and those below it were not changed` })
  const run: RunResult = { batches: 0 }
  progress.phase('writing', nodes.length)
  await applyAcls(t, nodes.map((n) => ({ ...n, acl: p.acl })), { tally, run, signal: scope.signal, operationId: p.operationId, onProgress: () => progress.update(tally.counts.succeeded, tally.counts.failed) })
  progress.flush()
  const report = buildReport({ operationId: p.operationId, operation: 'set-acl-tree', tally, run, atomic: false, started })
  return finish(ctx, t, { operation: 'set-acl-tree', path: p.path }, report)
}

/**
 * Sends setACL for each node, many in flight, each at its aversion. Stops
 * sending once the connection fails or the signal fires; what was not sent
 * is counted as not attempted.
 */
export async function applyAcls(
  t: Target,
  items: readonly { path: string; aversion: number; acl: readonly AclEntry[] }[],
  opts: { tally: Tally; run: RunResult; signal: AbortSignal; operationId: string; onProgress(): void },
): Promise<void> {
  const { tally, run } = opts
  await mapLimit(items, IN_FLIGHT, async ({ path, aversion, acl }) => {
    if (run.stopped || opts.signal.aborted) {
      if (opts.signal.aborted) run.stopped ??= 'cancelled'
      tally.notAttempted(1)
      return
    }
    run.batches += 1
    try {
      const stat = await t.session.run<ZnodeStat>(path, (client, done) =>
        client.setACL(path, toLibraryAcl(acl), aversion, (error, raw) => done(error, error ? undefined : convertStat(raw))),
      )
      tally.succeeded()
      t.record({ operation: 'setAcl', path, operationId: opts.operationId, versionBefore: aversion, versionAfter: stat.aversion, ok: true, detail: 'versions are ACL versions' })
    } catch (error) {
      const zkError = toZkError(error, path)
      const lost = zkError.code === 'CONNECTION_LOSS' || zkError.code === 'TIMEOUT'
      const notSent = zkError.code === 'NOT_CONNECTED' || zkError.code === 'SESSION_EXPIRED'
      if (notSent) tally.notAttempted(1)
      else {
        tally.add(lost ? 'uncertain' : 'failed', path, 'setAcl', zkError.toInfo())
        t.record({ operation: 'setAcl', path, operationId: opts.operationId, versionBefore: aversion, ok: false, error: zkError.toInfo() })
      }
      if (lost || notSent) {
        run.stopped = 'interrupted'
        run.error ??= zkError
      }
    }
    opts.onProgress()
  })
}
