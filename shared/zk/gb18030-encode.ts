/**
 * GB18030 (and so GBK) encoding without a shipped table: the reverse of the
 * runtime's own TextDecoder('gb18030'), built on first use and kept. Text
 * the console decoded with that decoder is written back with the same
 * mapping, so what was read is what is written, whatever revision of the
 * standard the runtime implements (GB18030-2005 and -2022 differ on a few
 * dozen characters).
 */

/** Two-byte sequences: lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE (190 per lead). */
const TWO_BYTE_COUNT = 126 * 190
/** Four-byte pointers 0–39419 cover the rest of the BMP; 189000 onwards is U+10000 onwards, linearly. */
const FOUR_BYTE_BMP_COUNT = 39420
const SUPPLEMENTARY_BASE = 189000

/**
 * Per BMP code unit: 0 = not encodable, below 0x10000 = the two bytes
 * (lead << 8 | trail), from 0x10000 = 0x10000 + the four-byte pointer.
 */
let table: Uint32Array | null = null

function twoByteSequences(): Uint8Array {
  const bytes = new Uint8Array(TWO_BYTE_COUNT * 2)
  let at = 0
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      bytes[at++] = lead
      bytes[at++] = trail
    }
  }
  return bytes
}

function fourBytes(pointer: number, out: Uint8Array, at: number): void {
  out[at] = 0x81 + Math.floor(pointer / 12600)
  out[at + 1] = 0x30 + Math.floor((pointer % 12600) / 1260)
  out[at + 2] = 0x81 + Math.floor((pointer % 1260) / 10)
  out[at + 3] = 0x30 + (pointer % 10)
}

function fourByteSequences(): Uint8Array {
  const bytes = new Uint8Array(FOUR_BYTE_BMP_COUNT * 4)
  for (let pointer = 0; pointer < FOUR_BYTE_BMP_COUNT; pointer++) fourBytes(pointer, bytes, pointer * 4)
  return bytes
}

/**
 * Decodes `count` sequences of `width` bytes. One decode call for all of
 * them when every one is valid and gives one code unit (the usual case,
 * ~25 ms); one call each otherwise, so a runtime that rejects some still
 * yields the rest. Undecodable sequences come back as -1.
 */
function decodeEach(sequences: Uint8Array, width: number): Int32Array {
  const count = sequences.length / width
  const units = new Int32Array(count).fill(-1)
  const strict = new TextDecoder('gb18030', { fatal: true })
  try {
    const all = strict.decode(sequences)
    if (all.length === count) {
      for (let i = 0; i < count; i++) units[i] = all.charCodeAt(i)
      return units
    }
  } catch {
    // Some sequence is invalid in this runtime: fall through to one at a time.
  }
  for (let i = 0; i < count; i++) {
    try {
      const one = strict.decode(sequences.subarray(i * width, (i + 1) * width))
      if (one.length === 1) units[i] = one.charCodeAt(0)
    } catch {
      // Not a character in this runtime's GB18030: leave it out of the table.
    }
  }
  return units
}

function buildTable(): Uint32Array {
  const built = new Uint32Array(0x10000)
  const two = twoByteSequences()
  const twoUnits = decodeEach(two, 2)
  // The first sequence for a character wins, as in the WHATWG encoder: two-byte before four-byte, lower pointer first.
  twoUnits.forEach((unit, i) => {
    if (unit >= 0 && built[unit] === 0) built[unit] = ((two[i * 2] ?? 0) << 8) | (two[i * 2 + 1] ?? 0)
  })
  const fourUnits = decodeEach(fourByteSequences(), 4)
  fourUnits.forEach((unit, pointer) => {
    if (unit >= 0 && built[unit] === 0) built[unit] = 0x10000 + pointer
  })
  return built
}

function gbTable(): Uint32Array {
  table ??= buildTable()
  return table
}

export interface Unencodable {
  /** UTF-16 index in the text of the first character that cannot be written. */
  index: number
  codePoint: number
}

/**
 * The GB18030 bytes of `text`, or the first character it has no bytes for
 * (a lone surrogate, or one of the few private-use code points the runtime's
 * decoder never produces).
 */
export function encodeGb18030(text: string): Uint8Array | Unencodable {
  const map = gbTable()
  // Four bytes is the most any character takes.
  const out = new Uint8Array(text.length * 4)
  let at = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) {
      out[at++] = unit
      continue
    }
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const low = text.charCodeAt(i + 1)
      if (unit > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return { index: i, codePoint: unit }
      const codePoint = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
      fourBytes(SUPPLEMENTARY_BASE + codePoint - 0x10000, out, at)
      at += 4
      i++
      continue
    }
    const entry = map[unit] ?? 0
    if (entry === 0) return { index: i, codePoint: unit }
    if (entry < 0x10000) {
      out[at++] = entry >> 8
      out[at++] = entry & 0xff
    } else {
      fourBytes(entry - 0x10000, out, at)
      at += 4
    }
  }
  return out.slice(0, at)
}
