/**
 * The form a node's text is written back in: the charset and byte order
 * mark it was read with (shared/zk/edit-text.ts), and gzip when the bytes
 * were compressed.
 */
import type { NodeData } from '../../../../../shared/protocol/types'
import { base64ToBytes } from '../../../../../shared/zk/base64'
import { decodeBytes } from '../../../../../shared/zk/charsets'
import { textToBytes, type TextForm } from '../../../../../shared/zk/edit-text'
import type { Encoded } from '../../../../../shared/zk/text-encode'
import { isGzip } from '../../../../../shared/zk/node-data'
import { gunzip } from '../gunzip'
import { gzip } from './gzip-compress'

export interface EditForm extends TextForm {
  gzip: boolean
}

/** Whether saving writes anything but plain UTF-8 (the editor then says how it will be written). */
export function isPlainUtf8(form: EditForm): boolean {
  return form.charset === 'utf-8' && !form.bom && !form.gzip
}

export async function bytesToSave(text: string, form: EditForm): Promise<Encoded> {
  const encoded = textToBytes(text, form)
  if (!encoded.ok || !form.gzip) return encoded
  return { ok: true, bytes: await gzip(encoded.bytes) }
}

export interface TheirsText {
  text: string
  /** False when their bytes are not text in this form (binary, another charset, no longer gzip). */
  exact: boolean
}

/** The server's data read the way the user's text will be written, for the conflict view. */
export async function theirsText(data: NodeData, form: EditForm): Promise<TheirsText> {
  let bytes = base64ToBytes(data.base64)
  let exact = true
  if (form.gzip) {
    if (isGzip(bytes)) {
      try {
        const inflated = await gunzip(bytes)
        bytes = inflated.bytes
        exact = !inflated.truncated
      } catch {
        exact = false
      }
    } else if (bytes.length > 0) {
      exact = false
    }
  }
  const decoded = decodeBytes(bytes, form.charset)
  const text = form.bom && decoded.text.startsWith('\ufeff') ? decoded.text.slice(1) : decoded.text
  return { text, exact: exact && decoded.exact }
}
