import { describe, expect, it } from 'vitest'
import { hexDump, hexRow, hexRowCount } from '../hex-dump'

describe('hex dump', () => {
  it('formats offset, 16 bytes in two groups and printable ASCII', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x41])
    expect(hexRowCount(bytes.length)).toBe(2)
    expect(hexRow(bytes, 0)).toEqual({ offset: '00000000', hex: '89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52', ascii: '.PNG........IHDR' })
    // A short last row keeps the columns aligned.
    expect(hexRow(bytes, 1).hex).toHaveLength(hexRow(bytes, 0).hex.length)
    expect(hexDump(bytes).split('\n')[1]).toMatch(/^00000010 {2}41 {2,}A$/)
  })
})
