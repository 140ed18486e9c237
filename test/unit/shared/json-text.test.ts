import { describe, expect, it } from 'vitest'
import { JsonNumber, lineColumn, parseJson, prettyJson } from '../../../shared/zk/json-text'

describe('parseJson', () => {
  it('parses and pretty-prints, keeping numbers exactly as written', () => {
    const parsed = parseJson('{"id": 12345678901234567890, "ratio": 1.50, "n": 3, "s": "订单", "a": [], "o": {}}')
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const value = parsed.value as Record<string, unknown>
    expect(value.id).toEqual(new JsonNumber('12345678901234567890'))
    expect(value.n).toBe(3)
    expect(prettyJson(parsed.value)).toBe(
      '{\n  "id": 12345678901234567890,\n  "ratio": 1.50,\n  "n": 3,\n  "s": "订单",\n  "a": [],\n  "o": {}\n}',
    )
  })

  it('says where invalid JSON breaks, in line and column', () => {
    const text = '{\n  "port": 8080,\n  "name": oops\n}'
    const parsed = parseJson(text)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.position).toBe(text.indexOf('oops'))
    expect(parsed.error).toMatchObject({ line: 3, column: 11 })
    expect(parsed.error.message).not.toMatch(/position/)
  })

  it('accepts a leading byte order mark and counts it in positions', () => {
    expect(parseJson('\ufeff[1, 2]').ok).toBe(true)
    const broken = parseJson('\ufeff[1,,2]')
    expect(broken.ok || broken.error.position).toBe(4)
  })

  it('reports an empty value as an error', () => {
    expect(parseJson('').ok).toBe(false)
  })
})

describe('lineColumn', () => {
  it('is 1-based', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })
})
