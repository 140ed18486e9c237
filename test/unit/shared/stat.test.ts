import { describe, expect, it } from 'vitest'
import {
  bytesToBigInt,
  convertStat,
  hexToBigInt,
  isEphemeral,
  longToDecimal,
  longToHex,
  splitZxid,
  toHex,
  type RawStat,
} from '../../../shared/zk/stat'

/** 8 big-endian bytes, as node-zookeeper-client hands over a long. */
function long(value: bigint): Buffer {
  const buffer = Buffer.alloc(8)
  buffer.writeBigInt64BE(BigInt.asIntN(64, value))
  return buffer
}

describe('64-bit conversion', () => {
  it('keeps values above 2^53 exact', () => {
    const zxid = bytesToBigInt(long(0x100000000000001n))
    expect(zxid).toBe(0x100000000000001n)
    expect(toHex(zxid)).toBe('0x100000000000001')
    // The same value as a JS number would have lost its last bit.
    expect(Number(zxid) === Number(zxid - 1n)).toBe(true)

    const session = bytesToBigInt(Buffer.from([0x01, 0x00, 0x0a, 0x3b, 0x4c, 0x5d, 0x6e, 0x7f]))
    expect(toHex(session)).toBe('0x1000a3b4c5d6e7f')
    expect(session.toString()).toBe('72068843838467711')
  })

  it('reads the largest positive long', () => {
    expect(toHex(bytesToBigInt(long(0x7fffffffffffffffn)))).toBe('0x7fffffffffffffff')
  })

  it('reads 8 bytes with the top bit set as a negative long', () => {
    expect(bytesToBigInt(Buffer.alloc(8, 0xff))).toBe(-1n)
    expect(toHex(bytesToBigInt(Buffer.alloc(8, 0xff)))).toBe('-0x1')
    const min = Buffer.from([0x80, 0, 0, 0, 0, 0, 0, 0])
    expect(bytesToBigInt(min)).toBe(-(1n << 63n))
    expect(toHex(bytesToBigInt(min))).toBe('-0x8000000000000000')
  })

  it('reads zero and small values', () => {
    expect(toHex(bytesToBigInt(Buffer.alloc(8)))).toBe('0x0')
    expect(toHex(bytesToBigInt(long(255n)))).toBe('0xff')
  })

  it('hexToBigInt inverts toHex, with or without the prefix', () => {
    for (const value of [0n, 1n, -1n, 0x100000000000001n, 0x1000a3b4c5d6e7fn, -(1n << 63n), (1n << 63n) - 1n]) {
      expect(hexToBigInt(toHex(value))).toBe(value)
    }
    expect(hexToBigInt('ff')).toBe(255n)
    expect(hexToBigInt('0xFF')).toBe(255n)
  })
})

describe('longToHex and longToDecimal (the fast path of convertStat)', () => {
  it('agree with the exact BigInt conversion at every boundary of their shortcuts', () => {
    const values = [
      0n, 1n, 0xffn, 0xffffffffn, 0x100000000n, 0x1_00000001n, 0x1fffff_ffffffffn, 0x200000_00000000n,
      (1n << 53n) - 1n, 1n << 53n, (1n << 53n) + 1n, 0x7fffffff_ffffffffn, -1n, -(1n << 32n), -(1n << 63n),
      0x1000a3b4c5d6e7fn, 1_700_000_000_123n,
    ]
    for (const value of values) {
      const bytes = long(value)
      expect(longToHex(bytes)).toBe(toHex(bytesToBigInt(bytes)))
      expect(longToDecimal(bytes)).toBe(bytesToBigInt(bytes).toString())
    }
  })

  it('pads the low word of a large zxid', () => {
    expect(longToHex(long(0x500000003n))).toBe('0x500000003')
    expect(longToDecimal(long(0x200000_00000000n))).toBe('9007199254740992')
  })
})

describe('splitZxid', () => {
  it('splits the epoch (high 32 bits) from the counter (low 32 bits)', () => {
    expect(splitZxid('0x500000003')).toEqual({ epoch: 5, counter: 3 })
    expect(splitZxid('0x100000000000001')).toEqual({ epoch: 0x1000000, counter: 1 })
    expect(splitZxid(0x7fffffff_fffffffen)).toEqual({ epoch: 0x7fffffff, counter: 0xfffffffe })
    expect(splitZxid('0x0')).toEqual({ epoch: 0, counter: 0 })
  })

  it('treats a negative zxid as its unsigned 64-bit pattern', () => {
    expect(splitZxid('-0x1')).toEqual({ epoch: 0xffffffff, counter: 0xffffffff })
    expect(splitZxid(-1n)).toEqual({ epoch: 0xffffffff, counter: 0xffffffff })
  })
})

describe('convertStat', () => {
  const raw: RawStat = {
    czxid: long(0x100000000000001n),
    mzxid: long(0x200000005n),
    pzxid: long(0x200000007n),
    ctime: long(1_700_000_000_123n),
    mtime: long(9_007_199_254_740_993n),
    ephemeralOwner: long(0x1000a3b4c5d6e7fn),
    version: 3,
    cversion: 7,
    aversion: 1,
    dataLength: 42,
    numChildren: 2,
  }

  it('turns longs into hex zxids and decimal times, and copies the ints', () => {
    expect(convertStat(raw)).toEqual({
      czxid: '0x100000000000001',
      mzxid: '0x200000005',
      pzxid: '0x200000007',
      ctime: '1700000000123',
      mtime: '9007199254740993',
      version: 3,
      cversion: 7,
      aversion: 1,
      ephemeralOwner: '0x1000a3b4c5d6e7f',
      dataLength: 42,
      numChildren: 2,
    })
  })

  it('produces only JSON-safe values that survive a round trip', () => {
    const stat = convertStat(raw)
    expect(JSON.parse(JSON.stringify(stat))).toEqual(stat)
    for (const key of ['czxid', 'mzxid', 'pzxid', 'ephemeralOwner'] as const) {
      expect(stat[key]).toMatch(/^-?0x[0-9a-f]+$/)
    }
  })

  it('reports a persistent node with ephemeralOwner 0x0', () => {
    const stat = convertStat({ ...raw, ephemeralOwner: Buffer.alloc(8) })
    expect(stat.ephemeralOwner).toBe('0x0')
    expect(isEphemeral(stat)).toBe(false)
  })
})

describe('isEphemeral', () => {
  it('is true for any owner other than 0x0', () => {
    expect(isEphemeral({ ephemeralOwner: '0x0' })).toBe(false)
    expect(isEphemeral({ ephemeralOwner: '0x1000a3b4c5d6e7f' })).toBe(true)
    expect(isEphemeral({ ephemeralOwner: '-0x7f00000000000001' })).toBe(true)
  })
})
