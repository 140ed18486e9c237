/**
 * Exports a subtree as it is walked: nodes go to the destination in chunks
 * while the walk goes on, so a 100,000-node export holds a few chunks in
 * memory, not the tree. A file appears under its name only once complete.
 */
import { ZkError } from '../../../shared/protocol/errors'
import type { ExportParams, ExportResult } from '../../../shared/protocol/edit-api'
import { EXPORT_FORMAT_ID, EXPORT_FORMAT_VERSION, exportNodeText, exportPrefix, exportSuffix, toExportNode } from '../../../shared/zk/export-format'
import { propertiesHeader, propertiesLine } from '../../../shared/zk/properties-format'
import { isEphemeral } from '../../../shared/zk/stat'
import { openDestination } from './destination'
import { readTarget, type CallScope, type EditContext } from './edit-context'
import { Progress } from './progress'
import { scanSubtree, type ScannedNode } from './subtree-scan'

const CHUNK_CHARS = 256 * 1024
const MAX_NODES = 10_000_000
const MAX_UNREADABLE_LISTED = 100

export async function exportTree(ctx: EditContext, p: ExportParams, scope: CallScope): Promise<ExportResult> {
  const t = readTarget(ctx, p.connectionId)
  const out = await openDestination(p.destination, ctx.fileAccess)
  const started = Date.now()
  const progress = new Progress(scope.emit, p.operationId, 'export')
  const result: ExportResult = {
    operationId: p.operationId,
    format: p.format,
    nodes: 0,
    skippedEphemeral: 0,
    skippedNotRepresentable: 0,
    unreadable: 0,
    unreadableSample: [],
    bytes: 0,
    elapsedMs: 0,
  }
  const exportedAt = new Date().toISOString()
  let buffer =
    p.format === 'json'
      ? exportPrefix({
          format: EXPORT_FORMAT_ID,
          version: EXPORT_FORMAT_VERSION,
          exportedAt,
          source: { connectString: t.info.connectString, root: p.path, ...(t.chroot ? { chroot: t.chroot } : {}) },
          includeEphemeral: p.includeEphemeral,
        })
      : propertiesHeader(p.path, t.info.connectString, exportedAt)
  // Writes run one after another behind the walk; the first failure (inline cap, disk) stops the walk.
  let writing: Promise<void> = Promise.resolve()
  let failure: unknown
  const drain = () => {
    const text = buffer
    buffer = ''
    writing = writing.then(() => out.write(text)).catch((error: unknown) => {
      failure ??= error
    })
  }
  const render = (node: ScannedNode): string | undefined => {
    const data = node.data ?? Buffer.alloc(0)
    if (p.format === 'json') return exportNodeText(toExportNode(node.path, node.rel, data, node.acl ?? [], node.stat, data.toString('base64')), result.nodes === 0)
    if (node.children.length > 0) return data.length > 0 ? undefined : ''
    return propertiesLine(node.path, data)
  }

  try {
    progress.phase('scanning')
    const walk = await scanSubtree(t.session, {
      root: p.path,
      maxNodes: MAX_NODES,
      withData: true,
      withAcl: p.format === 'json',
      signal: scope.signal,
      onNode: (node) => {
        if (failure) return 'stop'
        if (isEphemeral(node.stat) && !p.includeEphemeral) {
          result.skippedEphemeral += 1
          return undefined
        }
        const text = render(node)
        if (text === undefined) result.skippedNotRepresentable += 1
        else if (text !== '' || p.format === 'json') {
          buffer += text
          result.nodes += 1
        }
        if (buffer.length >= CHUNK_CHARS) drain()
        progress.update(result.nodes)
        return undefined
      },
      onUnreadable: (path) => {
        if (result.unreadableSample.length < MAX_UNREADABLE_LISTED) result.unreadableSample.push(path)
      },
    })
    result.unreadable = walk.unreadable
    if (p.format === 'json') buffer += exportSuffix({ nodes: result.nodes, skippedEphemeral: result.skippedEphemeral, unreadable: result.unreadable })
    drain()
    await writing
    if (failure) throw failure
    const written = await out.finish()
    progress.flush()
    result.bytes = written.bytes
    if (written.filePath !== undefined) result.filePath = written.filePath
    if (written.text !== undefined) result.text = written.text
    result.elapsedMs = Date.now() - started
    return result
  } catch (error) {
    await writing
    await out.abort()
    throw error instanceof ZkError ? error : new ZkError('INTERNAL', `export failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
