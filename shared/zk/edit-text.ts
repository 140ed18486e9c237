/**
 * A node's bytes as text to edit, and the text back to bytes in the same
 * form: the same charset, with a byte order mark only if there was one.
 * Editing is offered only when that round trip gives back exactly the bytes
 * that were read, so a save changes nothing but what the user typed.
 */
import { decodeBytes, type Charset } from './charsets'
import { encodeText, type Encoded } from './text-encode'

export interface TextForm {
  charset: Charset
  /** The bytes started with a byte order mark; it is kept out of the editor and written back in front. */
  bom: boolean
}

export type Editable =
  | { ok: true; text: string; form: TextForm }
  /** notExact: some bytes are not valid in the charset; notReversible: they are, but would not be written back the same. */
  | { ok: false; reason: 'notExact' | 'notReversible' }

const BOM = '\ufeff'

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export function textToBytes(text: string, form: TextForm): Encoded {
  return encodeText(form.bom ? BOM + text : text, form.charset)
}

export function openAsText(bytes: Uint8Array, charset: Charset): Editable {
  const decoded = decodeBytes(bytes, charset)
  if (!decoded.exact) return { ok: false, reason: 'notExact' }
  const bom = decoded.text.startsWith(BOM)
  const form: TextForm = { charset, bom }
  const text = bom ? decoded.text.slice(1) : decoded.text
  const back = textToBytes(text, form)
  // E.g. GB18030 0xA3A0 and 0xA1A1 both read as U+3000; only one of them can be written.
  if (!back.ok || !sameBytes(back.bytes, bytes)) return { ok: false, reason: 'notReversible' }
  return { ok: true, text, form }
}
