import { describe, expect, it } from 'vitest'
import { openAsText, textToBytes } from '../../../shared/zk/edit-text'

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'))

describe('openAsText / textToBytes', () => {
  it('keeps a byte order mark out of the text and writes it back in front', () => {
    const opened = openAsText(bytes('fffe41002d4e'), 'utf-16le')
    expect(opened).toEqual({ ok: true, text: 'A中', form: { charset: 'utf-16le', bom: true } })
    if (!opened.ok) return
    const saved = textToBytes('B中', opened.form)
    expect(saved.ok && Buffer.from(saved.bytes).toString('hex')).toBe('fffe42002d4e')
  })

  it('writes no byte order mark when there was none', () => {
    const opened = openAsText(bytes('00414e2d'), 'utf-16be')
    expect(opened).toEqual({ ok: true, text: 'A中', form: { charset: 'utf-16be', bom: false } })
  })

  it('opens GBK text and writes the edit back as GBK', () => {
    const opened = openAsText(bytes('c5e4d6c3'), 'gb18030')
    expect(opened).toEqual({ ok: true, text: '配置', form: { charset: 'gb18030', bom: false } })
    if (!opened.ok) return
    const saved = textToBytes('配置你好', opened.form)
    expect(saved.ok && Buffer.from(saved.bytes).toString('hex')).toBe('c5e4d6c3c4e3bac3')
  })

  it('refuses bytes that are not valid in the charset', () => {
    expect(openAsText(bytes('410042'), 'utf-16le')).toEqual({ ok: false, reason: 'notExact' })
    expect(openAsText(bytes('ff'), 'utf-8')).toEqual({ ok: false, reason: 'notExact' })
  })

  it('refuses bytes that decode but would not be written back the same', () => {
    // 0xA3A0 reads as U+3000, which is written as 0xA1A1.
    expect(openAsText(bytes('a3a0'), 'gb18030')).toEqual({ ok: false, reason: 'notReversible' })
    // A single 0x80 reads as the euro sign, written back as 0xA2E3.
    expect(openAsText(bytes('4180'), 'gb18030')).toEqual({ ok: false, reason: 'notReversible' })
  })
})
