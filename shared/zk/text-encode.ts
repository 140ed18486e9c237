/**
 * Text back to bytes in each charset the console reads (see charsets.ts).
 * A character the charset has no bytes for is an error naming it and where
 * it is, never a silent '?' or U+FFFD: writing those would change the data
 * behind the user's back.
 */
import type { Charset } from './charsets'
import { encodeGb18030, type Unencodable } from './gb18030-encode'

export interface EncodeProblem extends Unencodable {
  charset: Charset
  /** 1-based, for the message. */
  line: number
  column: number
}

export type Encoded = { ok: true; bytes: Uint8Array } | { ok: false; problem: EncodeProblem }

/** The first unpaired surrogate: no charset can write it, and TextEncoder would turn it into U+FFFD. */
export function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0xd800 || unit > 0xdfff) continue
    const low = text.charCodeAt(i + 1)
    if (unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) i++
    else return i
  }
  return -1
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array | Unencodable {
  const lone = firstLoneSurrogate(text)
  if (lone >= 0) return { index: lone, codePoint: text.charCodeAt(lone) }
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    out[i * 2 + (littleEndian ? 0 : 1)] = unit & 0xff
    out[i * 2 + (littleEndian ? 1 : 0)] = unit >> 8
  }
  return out
}

function encodeLatin1(text: string): Uint8Array | Unencodable {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit > 0xff) return { index: i, codePoint: text.codePointAt(i) ?? unit }
    out[i] = unit
  }
  return out
}

function encodeUtf8(text: string): Uint8Array | Unencodable {
  const lone = firstLoneSurrogate(text)
  if (lone >= 0) return { index: lone, codePoint: text.charCodeAt(lone) }
  return new TextEncoder().encode(text)
}

function encodeIn(text: string, charset: Charset): Uint8Array | Unencodable {
  switch (charset) {
    case 'utf-8':
      return encodeUtf8(text)
    case 'utf-16le':
      return encodeUtf16(text, true)
    case 'utf-16be':
      return encodeUtf16(text, false)
    case 'iso-8859-1':
      return encodeLatin1(text)
    case 'gb18030':
      return encodeGb18030(text)
  }
}

/** Line and column (1-based, in UTF-16 units as an editor counts them) of `index`. */
function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index)
  const lineStart = before.lastIndexOf('\n') + 1
  let line = 1
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++
  return { line, column: index - lineStart + 1 }
}

export function encodeText(text: string, charset: Charset): Encoded {
  const result = encodeIn(text, charset)
  if (result instanceof Uint8Array) return { ok: true, bytes: result }
  return { ok: false, problem: { ...result, charset, ...position(text, result.index) } }
}
