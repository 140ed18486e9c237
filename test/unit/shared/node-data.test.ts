import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from '../../../shared/zk/base64'
import { decodeUtf8, isGzip, looksBinary, toNodeData } from '../../../shared/zk/node-data'

const encode = (text: string) => new TextEncoder().encode(text)

describe('toNodeData', () => {
  it('describes empty data', () => {
    expect(toNodeData(new Uint8Array())).toEqual({ base64: '', size: 0, encoding: 'empty', text: '', gzip: false })
  })

  it('decodes ASCII and UTF-8 text, including Chinese', () => {
    expect(toNodeData(encode('hello'))).toEqual({
      base64: 'aGVsbG8=',
      size: 5,
      encoding: 'utf8',
      text: 'hello',
      gzip: false,
    })
    const chinese = encode('配置中心：应用=订单服务')
    const data = toNodeData(chinese)
    expect(data.encoding).toBe('utf8')
    expect(data.text).toBe('配置中心：应用=订单服务')
    expect(data.size).toBe(chinese.length)
    expect(data.size).toBeGreaterThan('配置中心：应用=订单服务'.length)
    expect(data.base64).toBe(Buffer.from(chinese).toString('base64'))
  })

  it('keeps tabs and line breaks as text', () => {
    const data = toNodeData(encode('a=1\r\n\tb=2\n'))
    expect(data.encoding).toBe('utf8')
    expect(data.text).toBe('a=1\r\n\tb=2\n')
  })

  it('treats invalid UTF-8 (GBK bytes of 中文) as binary, without a text view', () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])
    const data = toNodeData(gbk)
    expect(data.encoding).toBe('binary')
    expect(data.text).toBeUndefined()
    expect(data.size).toBe(4)
    expect(base64ToBytes(data.base64)).toEqual(gbk)
  })

  it('detects gzip by its magic number', () => {
    const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03])
    const data = toNodeData(gzip)
    expect(data.gzip).toBe(true)
    expect(data.encoding).toBe('binary')
    expect(data.text).toBeUndefined()
    expect(toNodeData(encode('\u001f')).gzip).toBe(false)
  })

  it('treats control characters as binary', () => {
    for (const bytes of [[0x61, 0x00, 0x62], [0x01], [0x61, 0x1b, 0x5b, 0x30, 0x6d], [0x0b], [0x0c]]) {
      const data = toNodeData(new Uint8Array(bytes))
      expect(data.encoding, bytes.join(',')).toBe('binary')
      expect(data.text).toBeUndefined()
    }
  })

  it('gives a text view that encodes back to exactly the same bytes', () => {
    for (const text of ['plain', '中文', 'a=1\r\nb=\t2', '\u00e9\u{1F600}']) {
      const bytes = encode(text)
      const data = toNodeData(bytes)
      expect(data.encoding).toBe('utf8')
      expect(encode(data.text ?? '')).toEqual(bytes)
    }
  })

  it('keeps a UTF-8 byte order mark in the text view', () => {
    // Raw bytes are the truth: editing the text view and saving must not drop
    // bytes the user did not touch, and a BOM is part of the value.
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x3d, 0x31])
    const data = toNodeData(bytes)
    expect(data.encoding).toBe('utf8')
    expect(data.text).toBe('\ufeffa=1')
    expect(encode(data.text ?? '')).toEqual(bytes)
  })
})

describe('helpers', () => {
  it('decodeUtf8 returns undefined for invalid sequences', () => {
    expect(decodeUtf8(encode('ok'))).toBe('ok')
    expect(decodeUtf8(new Uint8Array([0xc3]))).toBeUndefined()
    expect(decodeUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBeUndefined()
  })

  it('isGzip needs both magic bytes', () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b]))).toBe(true)
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false)
    expect(isGzip(new Uint8Array([0x8b, 0x1f]))).toBe(false)
  })

  it('looksBinary flags C0 controls but not tab, LF and CR', () => {
    expect(looksBinary('a\tb\nc\rd')).toBe(false)
    expect(looksBinary('a\u0000')).toBe(true)
    expect(looksBinary('\u001f')).toBe(true)
    expect(looksBinary('中文')).toBe(false)
  })
})

describe('base64', () => {
  it('round-trips all 256 byte values and matches Buffer', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const encoded = bytesToBase64(all)
    expect(encoded).toBe(Buffer.from(all).toString('base64'))
    expect(base64ToBytes(encoded)).toEqual(all)
  })

  it('handles every padding length', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => 250 - i)
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes)
    }
  })

  it('round-trips 1 MiB of random bytes, matching Buffer, across chunk boundaries', () => {
    const bytes = new Uint8Array(randomBytes(1024 * 1024))
    const encoded = bytesToBase64(bytes)
    expect(encoded === Buffer.from(bytes).toString('base64')).toBe(true)
    const decoded = base64ToBytes(encoded)
    expect(decoded.length).toBe(bytes.length)
    expect(Buffer.compare(Buffer.from(decoded), Buffer.from(bytes))).toBe(0)
    expect(toNodeData(bytes).size).toBe(1024 * 1024)
  })

  it('encodes a view into a larger buffer using only the view', () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9, 9])
    expect(bytesToBase64(backing.subarray(2, 5))).toBe(Buffer.from([1, 2, 3]).toString('base64'))
  })
})
