/** Whether the node's data can be edited as text, and if not why: editing must never change bytes the user did not touch. */
import type { NodeData } from '../../../../../shared/protocol/types'
import type { Charset } from '../../../../../shared/zk/charsets'

export type EditBlock = 'readOnly' | 'notLive' | 'loading' | 'gzip' | 'charset' | 'binary'

export function editBlock(p: { data: NodeData; charset: Charset; readOnly: boolean; live: boolean; pending: boolean }): EditBlock | undefined {
  if (p.readOnly) return 'readOnly'
  if (!p.live) return 'notLive'
  if (p.data.size === 0) return undefined
  if (p.pending) return 'loading'
  // The editor would show the decompressed text and save it uncompressed.
  if (p.data.gzip) return 'gzip'
  // Only UTF-8 is written back; re-encoding GBK or UTF-16 text as UTF-8 would silently change the bytes.
  if (p.charset !== 'utf-8') return 'charset'
  if (p.data.encoding !== 'utf8' || p.data.text === undefined) return 'binary'
  return undefined
}

/** The text an edit starts from: the bytes as UTF-8 (exact, or editBlock would have said no). */
export function editableText(data: NodeData): string {
  return data.text ?? ''
}
