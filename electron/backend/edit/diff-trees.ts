/**
 * Compares two subtrees, on one connection or two: the left side is read
 * first and kept as a digest per node (size, sha1, ACL), then the right side
 * is walked against it. Data is read again only for what is shown or
 * exported, so memory holds digests, not bytes.
 */
import { createHash } from 'node:crypto'
import type { DiffEntry, DiffParams, DiffResult } from '../../../shared/protocol/edit-api'
import type { AclEntry } from '../../../shared/protocol/types'
import { aclKey } from '../../../shared/zk/acl-spec'
import { isEphemeral } from '../../../shared/zk/stat'
import { writeDiff, attachData } from './diff-output'
import { openDestination } from './destination'
import { readTarget, type CallScope, type EditContext } from './edit-context'
import { Progress } from './progress'
import { scanSubtree, type ScannedNode } from './subtree-scan'

interface Digest {
  size: number
  version: number
  hash: string
  acl?: AclEntry[]
}

function digestOf(node: ScannedNode): Digest {
  const data = node.data ?? Buffer.alloc(0)
  const digest: Digest = { size: data.length, version: node.stat.version, hash: createHash('sha1').update(data).digest('base64') }
  if (node.acl) digest.acl = node.acl
  return digest
}

function side(d: Digest): NonNullable<DiffEntry['left']> {
  return d.acl ? { size: d.size, version: d.version, acl: d.acl } : { size: d.size, version: d.version }
}

export async function diffTrees(ctx: EditContext, p: DiffParams, scope: CallScope): Promise<DiffResult> {
  const left = readTarget(ctx, p.left.connectionId)
  const right = readTarget(ctx, p.right.connectionId)
  const out = p.destination ? await openDestination(p.destination, ctx.fileAccess) : undefined
  try {
    const started = Date.now()
    const progress = new Progress(scope.emit, p.operationId, 'diff')
    const result: DiffResult = {
      operationId: p.operationId,
      left: p.left,
      right: p.right,
      counts: { added: 0, removed: 0, changed: 0, unchanged: 0 },
      entries: [],
      entriesTruncated: false,
      leftNodes: 0,
      rightNodes: 0,
      unreadable: 0,
      truncated: false,
      elapsedMs: 0,
    }
    const base = new Map<string, Digest>()
    const scanOptions = { maxNodes: p.maxNodes, withData: true, withAcl: p.compareAcl, signal: scope.signal }
    progress.phase('scanning')
    const leftWalk = await scanSubtree(left.session, {
      ...scanOptions,
      root: p.left.path,
      onNode: (node) => {
        if (!p.includeEphemeral && isEphemeral(node.stat)) return undefined
        base.set(node.rel, digestOf(node))
        progress.update(++result.leftNodes)
        return undefined
      },
    })
    progress.phase('comparing')
    const entries: DiffEntry[] = []
    const rightWalk = await scanSubtree(right.session, {
      ...scanOptions,
      root: p.right.path,
      onNode: (node) => {
        if (!p.includeEphemeral && isEphemeral(node.stat)) return undefined
        result.rightNodes += 1
        const theirs = digestOf(node)
        const ours = base.get(node.rel)
        base.delete(node.rel)
        if (!ours) entries.push({ rel: node.rel, kind: 'added', right: side(theirs), dataChanged: false, aclChanged: false })
        else {
          const dataChanged = ours.hash !== theirs.hash
          const aclChanged = p.compareAcl && ours.acl !== undefined && theirs.acl !== undefined && aclKey(ours.acl) !== aclKey(theirs.acl)
          if (dataChanged || aclChanged) entries.push({ rel: node.rel, kind: 'changed', left: side(ours), right: side(theirs), dataChanged, aclChanged })
          else result.counts.unchanged += 1
        }
        progress.update(result.rightNodes)
        return undefined
      },
    })
    for (const [rel, ours] of base) entries.push({ rel, kind: 'removed', left: side(ours), dataChanged: false, aclChanged: false })
    entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    for (const entry of entries) result.counts[entry.kind] += 1
    result.unreadable = leftWalk.unreadable + rightWalk.unreadable
    result.truncated = leftWalk.stoppedBy === 'max-nodes' || rightWalk.stoppedBy === 'max-nodes'
    result.entries = entries.slice(0, p.maxEntries)
    result.entriesTruncated = entries.length > p.maxEntries
    await attachData(result.entries, left.session, right.session, p)
    if (out) {
      const written = await writeDiff(out, result, entries, { left, right }, p)
      if (written.filePath !== undefined) result.filePath = written.filePath
      if (written.text !== undefined) result.text = written.text
    }
    progress.flush()
    result.elapsedMs = Date.now() - started
    return result
  } catch (error) {
    await out?.abort()
    throw error
  }
}
