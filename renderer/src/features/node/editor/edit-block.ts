/** Whether the node's data can be edited as text, and if not why: editing must never change bytes the user did not touch. */
import type { NodeData } from '../../../../../shared/protocol/types'
import { countControlChars, type Charset } from '../../../../../shared/zk/charsets'
import { openAsText } from '../../../../../shared/zk/edit-text'
import type { DataSource } from '../use-data-source'
import type { EditForm } from './edit-form'

export type EditBlock = 'readOnly' | 'notLive' | 'loading' | 'gzipFailed' | 'gzipTruncated' | 'notExact' | 'notReversible' | 'binary'

/** The text an edit starts from and the form it is written back in. */
export interface EditStart {
  text: string
  form: EditForm
}

export type EditCheck = { block: EditBlock } | { start: EditStart }

const EMPTY: EditStart = { text: '', form: { charset: 'utf-8', bom: false, gzip: false } }

/**
 * `source` holds the bytes as shown (decompressed unless the user asked to
 * see the compressed bytes), `charset` the one they are shown in: the edit
 * is written back the same way.
 */
export function editCheck(p: { data: NodeData; source: DataSource; charset: Charset; readOnly: boolean; live: boolean }): EditCheck {
  if (p.readOnly) return { block: 'readOnly' }
  if (!p.live) return { block: 'notLive' }
  if (p.data.size === 0) return { start: EMPTY }
  const { source } = p
  if (source.status === 'pending') return { block: 'loading' }
  if (source.status === 'failed') return { block: 'gzipFailed' }
  // Saving a cut text would drop the rest.
  if (source.gzip?.truncated) return { block: 'gzipTruncated' }
  const opened = openAsText(source.bytes, p.charset)
  if (!opened.ok) return { block: opened.reason }
  // Control characters are binary data, which a text editor would mangle.
  if (countControlChars(opened.text, 1) > 0) return { block: 'binary' }
  return { start: { text: opened.text, form: { ...opened.form, gzip: source.gzip !== undefined } } }
}
