/**
 * Charsets a znode's bytes can be read in, and a guess at which one they are
 * in. Decoding is a view of the bytes, never a change to them, so every
 * decode also says whether it was exact (each byte sequence valid in that
 * charset) and the caller can warn when it was not.
 */

export const CHARSETS = ['utf-8', 'gb18030', 'iso-8859-1', 'utf-16le', 'utf-16be'] as const
export type Charset = (typeof CHARSETS)[number]

export function isCharset(value: unknown): value is Charset {
  return typeof value === 'string' && (CHARSETS as readonly string[]).includes(value)
}

export interface Decoded {
  text: string
  /** False when some bytes are not valid in the charset and were shown as U+FFFD. */
  exact: boolean
}

const CHUNK = 0x8000

/**
 * ISO-8859-1 by hand: WHATWG's TextDecoder treats the label as windows-1252,
 * which maps 0x80–0x9F to other characters. Here every byte is the code point
 * of the same value, so the text maps back to exactly the same bytes.
 */
function latin1(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return text
}

const strict = new Map<Charset, TextDecoder>()
const loose = new Map<Charset, TextDecoder>()

function decoder(charset: Charset, fatal: boolean): TextDecoder {
  const cache = fatal ? strict : loose
  let found = cache.get(charset)
  if (!found) {
    // ignoreBOM keeps a byte order mark as U+FEFF, so the text still shows every byte.
    found = new TextDecoder(charset, { fatal, ignoreBOM: true })
    cache.set(charset, found)
  }
  return found
}

export function decodeBytes(bytes: Uint8Array, charset: Charset): Decoded {
  if (charset === 'iso-8859-1') return { text: latin1(bytes), exact: true }
  try {
    return { text: decoder(charset, true).decode(bytes), exact: true }
  } catch {
    return { text: decoder(charset, false).decode(bytes), exact: false }
  }
}

/** Control characters other than tab, line feed and carriage return (which a text view would hide or mangle). */
export function countControlChars(text: string, limit = Infinity): number {
  let count = 0
  for (let i = 0; i < text.length && count < limit; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) count++
  }
  return count
}

function hasCjk(text: string): boolean {
  return /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/.test(text)
}

/** Bytes that look like UTF-16 text without a byte order mark: ASCII with every other byte zero. */
function utf16Without(bytes: Uint8Array): Charset | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = bytes.length / 2
  if (oddZero >= pairs * 0.9 && evenZero === 0) return 'utf-16le'
  if (evenZero >= pairs * 0.9 && oddZero === 0) return 'utf-16be'
  return null
}

/**
 * The charset the bytes are most likely in, or null when they do not look
 * like text at all. Order matters: a byte order mark decides; valid UTF-8 is
 * taken as UTF-8 (ASCII is both); UTF-16 without a mark is recognised by its
 * zero bytes; GB18030 only when it decodes cleanly, without control
 * characters, to something with Chinese in it, because it accepts most byte
 * sequences and would otherwise claim random binary data.
 */
export function sniffCharset(bytes: Uint8Array): Charset | null {
  if (bytes.length === 0) return 'utf-8'
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  const utf8 = decodeBytes(bytes, 'utf-8')
  if (utf8.exact && countControlChars(utf8.text, 1) === 0) return 'utf-8'
  // ASCII in UTF-16 is valid UTF-8 full of NULs, so this comes before giving up.
  const utf16 = utf16Without(bytes)
  if (utf16) return utf16
  if (utf8.exact) return null
  const gb = decodeBytes(bytes, 'gb18030')
  if (gb.exact && countControlChars(gb.text, 1) === 0 && hasCjk(gb.text)) return 'gb18030'
  return null
}
