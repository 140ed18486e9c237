import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../../shared/zk/charsets'
import { encodeGb18030 } from '../../../shared/zk/gb18030-encode'
import { encodeText, firstLoneSurrogate } from '../../../shared/zk/text-encode'

const gb = new TextDecoder('gb18030', { fatal: true })
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

function encoded(text: string, charset: Parameters<typeof encodeText>[1]): string {
  const result = encodeText(text, charset)
  if (!result.ok) throw new Error(`could not encode: ${JSON.stringify(result.problem)}`)
  return hex(result.bytes)
}

describe('GB18030', () => {
  it('writes the GBK bytes of common Chinese text and the standard four-byte forms', () => {
    expect(encoded('配置你好', 'gb18030')).toBe('c5e4d6c3c4e3bac3')
    expect(encoded('A€', 'gb18030')).toBe('41a2e3')
    expect(encoded('\u0080', 'gb18030')).toBe('81308130')
    expect(encoded('\u{10000}', 'gb18030')).toBe('90308130')
    expect(encoded('\u{10ffff}', 'gb18030')).toBe('e3329a35')
  })

  it('round-trips every code point the decoder can produce', () => {
    let all = ''
    let count = 0
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const char = String.fromCodePoint(cp)
      const bytes = encodeGb18030(char)
      if (!(bytes instanceof Uint8Array)) continue
      all += char
      count++
    }
    // Only private-use code points the decoder never yields may be missing (GB18030-2022 moved them).
    expect(count).toBeGreaterThan(0x10ffff - 0x800 - 64)
    const bytes = encodeGb18030(all)
    if (!(bytes instanceof Uint8Array)) throw new Error('encoding failed')
    expect(gb.decode(bytes)).toBe(all)
  })

  it('has bytes for every character any two- or four-byte sequence decodes to, and they decode back to it', () => {
    const sequences: Uint8Array[] = []
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) sequences.push(new Uint8Array([lead, trail]))
    }
    for (let pointer = 0; pointer < 39420; pointer++) {
      const b1 = 0x81 + Math.floor(pointer / 12600)
      const b2 = 0x30 + Math.floor((pointer % 12600) / 1260)
      sequences.push(new Uint8Array([b1, b2, 0x81 + Math.floor((pointer % 1260) / 10), 0x30 + (pointer % 10)]))
    }
    const wrong: string[] = []
    for (const seq of sequences) {
      const char = gb.decode(seq)
      const back = encodeGb18030(char)
      if (!(back instanceof Uint8Array) || gb.decode(back) !== char) wrong.push(hex(seq))
    }
    expect(sequences.length).toBe(23940 + 39420)
    expect(wrong).toEqual([])
  })

  it('names the first character it cannot write, with its line and column', () => {
    const result = encodeText('ok\nab\ud800c', 'gb18030')
    expect(result).toEqual({ ok: false, problem: { charset: 'gb18030', index: 5, codePoint: 0xd800, line: 2, column: 3 } })
  })
})

describe('UTF-16', () => {
  it('writes both byte orders, surrogate pairs included, and a byte order mark only when the text has one', () => {
    expect(encoded('A中', 'utf-16le')).toBe('41002d4e')
    expect(encoded('A中', 'utf-16be')).toBe('00414e2d')
    expect(encoded('\ufeffA', 'utf-16le')).toBe('fffe4100')
    expect(encoded('\ufeffA', 'utf-16be')).toBe('feff0041')
    expect(encoded('😀', 'utf-16le')).toBe('3dd800de')
    expect(decodeBytes(Buffer.from('3dd800de', 'hex'), 'utf-16le').text).toBe('😀')
  })

  it('refuses a lone surrogate instead of writing something the decoder would reject', () => {
    expect(encodeText('a\udc00', 'utf-16be')).toMatchObject({ ok: false, problem: { index: 1, codePoint: 0xdc00, line: 1, column: 2 } })
  })
})

describe('ISO-8859-1', () => {
  it('writes every code point up to U+00FF as its own byte', () => {
    let text = ''
    for (let c = 0; c <= 0xff; c++) text += String.fromCharCode(c)
    const result = encodeText(text, 'iso-8859-1')
    expect(result.ok && [...result.bytes]).toEqual([...Array(256).keys()])
  })

  it('refuses a character outside Latin-1 and never writes a question mark', () => {
    expect(encodeText('café\n€5', 'iso-8859-1')).toEqual({
      ok: false,
      problem: { charset: 'iso-8859-1', index: 5, codePoint: 0x20ac, line: 2, column: 1 },
    })
    expect(encodeText('x😀', 'iso-8859-1')).toMatchObject({ ok: false, problem: { codePoint: 0x1f600 } })
  })
})

describe('UTF-8', () => {
  it('writes well-formed text and refuses a lone surrogate that TextEncoder would turn into U+FFFD', () => {
    expect(encoded('配置', 'utf-8')).toBe('e9858de7bdae')
    expect(encodeText('\ud83d!', 'utf-8')).toMatchObject({ ok: false, problem: { index: 0, codePoint: 0xd83d } })
    expect(firstLoneSurrogate('😀x')).toBe(-1)
  })
})
