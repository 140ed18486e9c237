/**
 * What a recursive operation would touch: node count, a sample of paths,
 * ephemeral nodes with their owners (and whether the owner is this console),
 * unreadable nodes. Reads only names and Stats.
 */
import type { SubtreePreview } from '../../../shared/protocol/edit-api'
import type { ErrorCode } from '../../../shared/protocol/errors'
import { isEphemeral, type ZnodeStat } from '../../../shared/zk/stat'
import { readTarget, type CallScope, type EditContext } from './edit-context'
import { Progress } from './progress'
import { scanSubtree } from './subtree-scan'

const MAX_EPHEMERALS = 1000
const MAX_UNREADABLE = 100

export async function previewSubtree(
  ctx: EditContext,
  p: { operationId: string; connectionId: string; path: string; maxNodes: number; sampleSize: number },
  scope: CallScope,
): Promise<SubtreePreview> {
  const t = readTarget(ctx, p.connectionId)
  const progress = new Progress(scope.emit, p.operationId, 'preview')
  progress.phase('scanning')
  const sessionId = t.session.sessionIdHex
  const preview: SubtreePreview = {
    operationId: p.operationId,
    path: p.path,
    nodeCount: 0,
    truncated: false,
    depth: 0,
    dataBytes: 0,
    sample: [],
    ephemeralCount: 0,
    ephemerals: [],
    unreadable: 0,
    unreadableSample: [],
    rootStat: undefined as unknown as ZnodeStat,
  }
  const result = await scanSubtree(t.session, {
    root: p.path,
    maxNodes: p.maxNodes,
    withData: false,
    withAcl: false,
    signal: scope.signal,
    onNode: (node) => {
      preview.nodeCount += 1
      if (node.rel === '') preview.rootStat = node.stat
      preview.depth = Math.max(preview.depth, node.depth)
      preview.dataBytes += node.stat.dataLength
      if (preview.sample.length < p.sampleSize) preview.sample.push(node.path)
      if (isEphemeral(node.stat)) {
        preview.ephemeralCount += 1
        if (preview.ephemerals.length < MAX_EPHEMERALS) {
          preview.ephemerals.push({ path: node.path, owner: node.stat.ephemeralOwner, ownedByThisSession: node.stat.ephemeralOwner === sessionId })
        }
      }
      progress.update(preview.nodeCount)
      return undefined
    },
    onUnreadable: (path, error) => {
      if (preview.unreadableSample.length < MAX_UNREADABLE) preview.unreadableSample.push({ path, code: error.code as ErrorCode })
    },
  })
  progress.flush()
  preview.unreadable = result.unreadable
  preview.truncated = result.stoppedBy === 'max-nodes'
  return preview
}
