/**
 * What a recursive operation would touch: node count, a sample of paths,
 * ephemeral nodes with their owners (and whether the owner is this console),
 * unreadable nodes. Reads only names and Stats. Several roots (a
 * multi-selection) are counted side by side into one preview, with a
 * count per root; maxNodes bounds them all together.
 */
import type { PreviewParams, PreviewRoot, SubtreePreview } from '../../../shared/protocol/edit-api'
import type { ErrorCode } from '../../../shared/protocol/errors'
import { topmostPaths } from '../../../shared/zk/path'
import { isEphemeral, type ZnodeStat } from '../../../shared/zk/stat'
import { readTarget, type CallScope, type EditContext } from './edit-context'
import { Progress } from './progress'
import { scanRoots, scanSubtree } from './subtree-scan'

const MAX_EPHEMERALS = 1000
const MAX_UNREADABLE = 100

export async function previewSubtree(ctx: EditContext, p: PreviewParams, scope: CallScope): Promise<SubtreePreview> {
  const t = readTarget(ctx, p.connectionId)
  const progress = new Progress(scope.emit, p.operationId, 'preview')
  progress.phase('scanning')
  const sessionId = t.session.sessionIdHex
  const preview: SubtreePreview = {
    operationId: p.operationId,
    path: p.path,
    roots: [],
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
  const roots = topmostPaths([p.path, ...(p.morePaths ?? [])])
  const counts: (PreviewRoot | undefined)[] = roots.map(() => undefined)
  await scanRoots(roots, scope.signal, async (root, index, scan) => {
    if (preview.nodeCount >= p.maxNodes) {
      preview.truncated = true
      return
    }
    const counted: PreviewRoot = { path: root, nodeCount: 0, ephemeralCount: 0 }
    counts[index] = counted
    const result = await scanSubtree(t.session, {
      root,
      maxNodes: p.maxNodes,
      withData: false,
      withAcl: false,
      ...scan,
      onNode: (node) => {
        // maxNodes bounds all roots together; the scans run side by side.
        if (preview.nodeCount >= p.maxNodes) {
          preview.truncated = true
          return 'stop'
        }
        preview.nodeCount += 1
        counted.nodeCount += 1
        if (node.path === p.path) preview.rootStat = node.stat
        preview.depth = Math.max(preview.depth, node.depth)
        preview.dataBytes += node.stat.dataLength
        if (preview.sample.length < p.sampleSize) preview.sample.push(node.path)
        if (isEphemeral(node.stat)) {
          preview.ephemeralCount += 1
          counted.ephemeralCount += 1
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
    preview.unreadable += result.unreadable
    if (result.stoppedBy === 'max-nodes') preview.truncated = true
  })
  preview.roots = counts.filter((counted) => counted !== undefined)
  progress.flush()
  return preview
}
