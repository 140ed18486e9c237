/**
 * Stat conversion. ZooKeeper's 64-bit fields (zxids, times, session ids)
 * arrive as 8 big-endian bytes; they are turned into BigInt and then into
 * strings, never into JS numbers, which would lose precision past 2^53.
 */

/** The Stat of a znode as it crosses the contract. */
export interface ZnodeStat {
  /** zxid of the create, hex ("0x…"). */
  czxid: string
  /** zxid of the last data change, hex. */
  mzxid: string
  /** zxid of the last change to the children, hex. */
  pzxid: string
  /** Creation time, milliseconds since the epoch, decimal string. */
  ctime: string
  /** Last modification time, milliseconds since the epoch, decimal string. */
  mtime: string
  version: number
  cversion: number
  aversion: number
  /** Session id of the owner of an ephemeral node, hex; "0x0" when persistent. */
  ephemeralOwner: string
  dataLength: number
  numChildren: number
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  // The common case, read natively: a walk converts six of these per node.
  if (bytes.length === 8) return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigInt64(0)
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return value
}

export function toHex(value: bigint): string {
  return value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`
}

export function hexToBigInt(hex: string): bigint {
  const negative = hex.startsWith('-')
  const digits = negative ? hex.slice(1) : hex
  const value = BigInt(digits.startsWith('0x') ? digits : `0x${digits}`)
  return negative ? -value : value
}

/** A zxid is an epoch in the high 32 bits and a counter in the low 32 bits. */
export function splitZxid(zxid: string | bigint): { epoch: number; counter: number } {
  const value = typeof zxid === 'bigint' ? zxid : hexToBigInt(zxid)
  const unsigned = value < 0n ? value + (1n << 64n) : value
  return { epoch: Number(unsigned >> 32n), counter: Number(unsigned & 0xffffffffn) }
}

export function isEphemeral(stat: Pick<ZnodeStat, 'ephemeralOwner'>): boolean {
  return stat.ephemeralOwner !== '0x0'
}

/** The raw fields of a Stat as a client library hands them over. */
export interface RawStat {
  czxid: Uint8Array
  mzxid: Uint8Array
  pzxid: Uint8Array
  ctime: Uint8Array
  mtime: Uint8Array
  ephemeralOwner: Uint8Array
  version: number
  cversion: number
  aversion: number
  dataLength: number
  numChildren: number
}

export function convertStat(raw: RawStat): ZnodeStat {
  return {
    czxid: longToHex(raw.czxid),
    mzxid: longToHex(raw.mzxid),
    pzxid: longToHex(raw.pzxid),
    ctime: longToDecimal(raw.ctime),
    mtime: longToDecimal(raw.mtime),
    version: raw.version,
    cversion: raw.cversion,
    aversion: raw.aversion,
    ephemeralOwner: longToHex(raw.ephemeralOwner),
    dataLength: raw.dataLength,
    numChildren: raw.numChildren,
  }
}

/*
 * A walk converts six longs per node. Real zxids, times and session ids are
 * positive and mostly small, so their two 32-bit halves are formatted as
 * plain numbers; only what needs more (negative, or past 2^53 in decimal)
 * takes the exact BigInt route.
 */

function highWord(bytes: Uint8Array): number {
  return ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)
}

function lowWord(bytes: Uint8Array): number {
  return (((bytes[4] ?? 0) << 24) | ((bytes[5] ?? 0) << 16) | ((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0)) >>> 0
}

/** The same as toHex(bytesToBigInt(bytes)). */
export function longToHex(bytes: Uint8Array): string {
  if (bytes.length === 8) {
    const high = highWord(bytes)
    if (high === 0) return `0x${lowWord(bytes).toString(16)}`
    if (high > 0) return `0x${high.toString(16)}${lowWord(bytes).toString(16).padStart(8, '0')}`
  }
  return toHex(bytesToBigInt(bytes))
}

/** The same as bytesToBigInt(bytes).toString(). */
export function longToDecimal(bytes: Uint8Array): string {
  if (bytes.length === 8) {
    const high = highWord(bytes)
    // Below 2^21 in the high word the value stays below 2^53: exact as a JS number.
    if (high >= 0 && high < 0x200000) return String(high * 0x1_0000_0000 + lowWord(bytes))
  }
  return bytesToBigInt(bytes).toString()
}
