import { bytesToBase64 } from './base64'

/**
 * How a znode's bytes cross the contract. The base64 bytes are the truth;
 * `text` is only a convenience view present when the bytes are valid UTF-8.
 */
export interface NodeData {
  base64: string
  size: number
  /** What the bytes look like at first sight. */
  encoding: 'empty' | 'utf8' | 'binary'
  /** The bytes decoded as UTF-8, only when they decode cleanly. */
  text?: string
  /** True when the bytes start with the gzip magic number. */
  gzip: boolean
}

// ignoreBOM keeps a leading byte order mark in the text, so saving the text loses no bytes.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/** True when a decoded string holds control characters a text view would mangle. */
export function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true
  }
  return false
}

export function toNodeData(bytes: Uint8Array): NodeData {
  if (bytes.length === 0) return { base64: '', size: 0, encoding: 'empty', text: '', gzip: false }
  const gzip = isGzip(bytes)
  const text = gzip ? undefined : decodeUtf8(bytes)
  if (text !== undefined && !looksBinary(text)) {
    return { base64: bytesToBase64(bytes), size: bytes.length, encoding: 'utf8', text, gzip }
  }
  return { base64: bytesToBase64(bytes), size: bytes.length, encoding: 'binary', gzip }
}
