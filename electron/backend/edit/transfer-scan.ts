/**
 * The read and check half of a copy or move: where it may go, and what the
 * source holds (data and ACL of every node). Throws before any write when
 * the target exists, its parent is missing, the target lies inside the
 * source, a node would not fit under the request limit at its new path, or
 * a move would leave nodes behind (ephemeral or unreadable ones).
 */
import { ZkError } from '../../../shared/protocol/errors'
import type { TransferParams } from '../../../shared/protocol/edit-api'
import { isWithin, parentPath } from '../../../shared/zk/path'
import { isEphemeral } from '../../../shared/zk/stat'
import type { Target } from './edit-context'
import type { Progress } from './progress'
import { joinRel, scanSubtree, type ScannedNode } from './subtree-scan'
import { assertFits, assertNotRoot, assertWritablePath } from './write-guards'

/** A copy holds the source in memory between reading and writing it. */
export const MAX_TRANSFER_NODES = 200_000
export const MAX_TRANSFER_BYTES = 512 * 1024 * 1024

export interface TransferSource {
  nodes: ScannedNode[]
  ephemeral: string[]
  unreadable: { path: string; error: ZkError }[]
}

export async function checkTarget(p: TransferParams, move: boolean, dst: Target): Promise<void> {
  const verb = move ? 'moved' : 'copied'
  if (move) {
    assertNotRoot(p.source.path, verb)
    assertWritablePath(p.source.path, 'move')
  }
  assertNotRoot(p.target.path, 'a target')
  assertWritablePath(p.target.path, 'write')
  if (p.source.connectionId === p.target.connectionId && isWithin(p.target.path, p.source.path)) {
    throw new ZkError('INVALID_PARAMS', `${p.target.path} lies inside ${p.source.path}: a subtree cannot be ${verb} into itself`, p.target.path)
  }
  const [existing, parent] = await Promise.all([dst.session.exists(p.target.path), dst.session.exists(parentPath(p.target.path) ?? '/')])
  if (existing) throw new ZkError('NODE_EXISTS', `${p.target.path} already exists on ${dst.info.name}: choose a new name`, p.target.path)
  if (!parent) throw new ZkError('NO_NODE', `the parent of ${p.target.path} does not exist on ${dst.info.name}`, p.target.path)
}

export async function scanSource(p: TransferParams, move: boolean, src: Target, dst: Target, progress: Progress, signal: AbortSignal): Promise<TransferSource> {
  const source: TransferSource = { nodes: [], ephemeral: [], unreadable: [] }
  let bytes = 0
  let tooBig = false
  await scanSubtree(src.session, {
    root: p.source.path,
    maxNodes: MAX_TRANSFER_NODES + 1,
    withData: true,
    withAcl: true,
    signal,
    onNode: (node) => {
      if (isEphemeral(node.stat)) {
        source.ephemeral.push(node.path)
        return undefined
      }
      source.nodes.push(node)
      bytes += node.data?.length ?? 0
      progress.update(source.nodes.length)
      if (source.nodes.length > MAX_TRANSFER_NODES || bytes > MAX_TRANSFER_BYTES) {
        tooBig = true
        return 'stop'
      }
      return undefined
    },
    onUnreadable: (path, error) => {
      if (error.code !== 'NO_NODE') source.unreadable.push({ path, error })
    },
  })
  progress.flush()
  if (tooBig) {
    throw new ZkError('TOO_LARGE', `${p.source.path} holds more than ${MAX_TRANSFER_NODES.toLocaleString('en-US')} nodes or ${MAX_TRANSFER_BYTES / 1024 / 1024} MiB: export and import it in parts`, p.source.path)
  }
  if (source.nodes[0]?.rel !== '') {
    throw new ZkError('INVALID_PARAMS', `${p.source.path} is an ephemeral node: it belongs to its session and cannot be ${move ? 'moved' : 'copied'}`, p.source.path)
  }
  if (move && (source.ephemeral.length > 0 || source.unreadable.length > 0)) {
    const what = [
      source.ephemeral.length ? `${source.ephemeral.length} ephemeral node(s) (owned by other sessions, e.g. ${source.ephemeral[0]})` : '',
      source.unreadable.length ? `${source.unreadable.length} unreadable node(s) (e.g. ${source.unreadable[0]?.path}: ${source.unreadable[0]?.error.code})` : '',
    ].filter(Boolean)
    throw new ZkError('INVALID_PARAMS', `cannot move ${p.source.path}: ${what.join(' and ')} would be left behind; copy it instead`, p.source.path)
  }
  for (const node of source.nodes) {
    const path = joinRel(p.target.path, node.rel)
    assertFits({ kind: 'create', path, dataBytes: node.data?.length ?? 0, acl: node.acl ?? [] }, dst.chroot, path)
  }
  return source
}
