import { describe, expect, it } from 'vitest'
import { decodeBytes, sniffCharset } from '../../../shared/zk/charsets'

// Node has no GBK encoder; these are the GBK bytes of 配置 (pei zhi) and 你好.
const PEIZHI = [0xc5, 0xe4, 0xd6, 0xc3]
const NIHAO = [0xc4, 0xe3, 0xba, 0xc3]
const gbk = (text: '配置你好') => new Uint8Array(text === '配置你好' ? [...PEIZHI, ...NIHAO] : [])

describe('decodeBytes', () => {
  it('reads GBK bytes as GB18030 exactly, and says UTF-8 is not exact', () => {
    const bytes = gbk('配置你好')
    expect(decodeBytes(bytes, 'gb18030')).toEqual({ text: '配置你好', exact: true })
    const utf8 = decodeBytes(bytes, 'utf-8')
    expect(utf8.exact).toBe(false)
    expect(utf8.text).toContain('\ufffd')
  })

  it('maps ISO-8859-1 byte for byte, 0x80-0x9f included (not windows-1252)', () => {
    const bytes = new Uint8Array([0x41, 0x80, 0x93, 0xe9, 0xff])
    const { text, exact } = decodeBytes(bytes, 'iso-8859-1')
    expect(exact).toBe(true)
    expect([...text].map((c) => c.charCodeAt(0))).toEqual([0x41, 0x80, 0x93, 0xe9, 0xff])
  })

  it('reads UTF-16 in both byte orders and keeps a byte order mark visible', () => {
    expect(decodeBytes(new Uint8Array([0x41, 0x00, 0x2d, 0x4e]), 'utf-16le').text).toBe('A中')
    expect(decodeBytes(new Uint8Array([0x00, 0x41, 0x4e, 0x2d]), 'utf-16be').text).toBe('A中')
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'utf-16le').text).toBe('\ufeffA')
    expect(decodeBytes(new Uint8Array([0x41, 0x00, 0x42]), 'utf-16le').exact).toBe(false)
  })
})

describe('sniffCharset', () => {
  it('takes valid UTF-8 (and ASCII) as UTF-8', () => {
    expect(sniffCharset(new TextEncoder().encode('订单服务 order'))).toBe('utf-8')
    expect(sniffCharset(new Uint8Array())).toBe('utf-8')
  })

  it('recognises GBK Chinese', () => {
    expect(sniffCharset(gbk('配置你好'))).toBe('gb18030')
  })

  it('recognises UTF-16 with and without a byte order mark', () => {
    expect(sniffCharset(new Uint8Array(Buffer.from('\ufeffhello', 'utf16le')))).toBe('utf-16le')
    expect(sniffCharset(new Uint8Array(Buffer.from('hello world', 'utf16le')))).toBe('utf-16le')
    expect(sniffCharset(new Uint8Array(Buffer.from('hello world', 'utf16le').swap16()))).toBe('utf-16be')
  })

  it('calls control characters and random bytes binary', () => {
    expect(sniffCharset(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe, 0x7f, 0x80, 0x41]))).toBeNull()
    expect(sniffCharset(new TextEncoder().encode('a\u0000b'))).toBeNull()
    expect(sniffCharset(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBeNull()
  })
})
