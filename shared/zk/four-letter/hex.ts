/**
 * 64-bit ids (zxids, session ids) as `0x…` hex strings. JSON numbers above
 * 2^53 would silently lose bits, so the arithmetic is done on BigInt.
 */

/** `0x…` lowercase without leading zeros, from a decimal/hex string, a number or a bigint. Null if not an integer. */
export function toHex64(value: unknown): string | null {
  let big: bigint
  try {
    if (typeof value === 'bigint') big = value
    else if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) return null
      big = BigInt(value)
    } else if (typeof value === 'string' && /^(0x[0-9a-fA-F]+|-?[0-9]+)$/.test(value)) big = BigInt(value)
    else return null
  } catch {
    return null
  }
  // Negative values are Java longs printed signed (e.g. -1 for "none"): keep their 64-bit pattern.
  if (big < 0n) big = BigInt.asUintN(64, big)
  return `0x${big.toString(16)}`
}

/** Parses `0x…` or bare hex into a bigint; null when it is not hex. */
export function parseHex64(hex: string): bigint | null {
  const body = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex
  if (!/^[0-9a-fA-F]{1,16}$/.test(body)) return null
  return BigInt(`0x${body}`)
}

export interface ZxidParts {
  /** High 32 bits: the leader epoch that wrote it. */
  epoch: number
  /** Low 32 bits: the transaction counter within the epoch. */
  counter: number
}

export function zxidParts(hex: string): ZxidParts | null {
  const value = parseHex64(hex)
  if (value === null) return null
  return { epoch: Number(value >> 32n), counter: Number(value & 0xffffffffn) }
}

export function zxidFromParts(epoch: number, counter: number): string {
  return `0x${((BigInt(epoch) << 32n) | BigInt(counter >>> 0)).toString(16)}`
}
