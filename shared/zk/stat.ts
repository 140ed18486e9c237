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
  if (bytes.length === 8 && (bytes[0] ?? 0) & 0x80) value -= 1n << 64n
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
    czxid: toHex(bytesToBigInt(raw.czxid)),
    mzxid: toHex(bytesToBigInt(raw.mzxid)),
    pzxid: toHex(bytesToBigInt(raw.pzxid)),
    ctime: bytesToBigInt(raw.ctime).toString(),
    mtime: bytesToBigInt(raw.mtime).toString(),
    version: raw.version,
    cversion: raw.cversion,
    aversion: raw.aversion,
    ephemeralOwner: toHex(bytesToBigInt(raw.ephemeralOwner)),
    dataLength: raw.dataLength,
    numChildren: raw.numChildren,
  }
}
