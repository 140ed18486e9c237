import { describe, expect, it } from 'vitest'
import { parseProperties, propertiesLine } from '../../../shared/zk/properties-format'

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('zkui properties', () => {
  it('writes parent=name=value lines with newlines escaped', () => {
    expect(propertiesLine('/app/db/url', utf8('jdbc:x=1'))).toBe('/app/db=url=jdbc:x=1\n')
    expect(propertiesLine('/top', utf8('a\nb'))).toBe('/=top=a\\nb\n')
    expect(propertiesLine('/app/empty', new Uint8Array())).toBe('/app=empty=\n')
  })

  it('skips what would not read back exactly', () => {
    expect(propertiesLine('/', utf8('x'))).toBeUndefined()
    expect(propertiesLine('/app/a=b', utf8('x'))).toBeUndefined()
    expect(propertiesLine('/app/gbk', Uint8Array.from([0xb6, 0xa9]))).toBeUndefined()
    expect(propertiesLine('/app/crlf', utf8('a\r\nb'))).toBeUndefined()
    expect(propertiesLine('/app/literal', utf8('a\\nb'))).toBeUndefined()
    expect(propertiesLine('/app/bin', Uint8Array.from([0x41, 0x00]))).toBeUndefined()
  })

  it('reads lines back, with issues for the ones it cannot use', () => {
    const text = '#comment\n\n/app=url=jdbc:x=1\n/=top=a\\nb\r\n-/app/old\nbroken\n/app=url=again\n/bad//p=x=1\n'
    const parsed = parseProperties(text)
    expect(parsed.entries.map((e) => [e.path, new TextDecoder().decode(e.bytes)])).toEqual([
      ['/app/url', 'jdbc:x=1'],
      ['/top', 'a\nb'],
    ])
    expect(parsed.issues.map((i) => i.line)).toEqual([5, 6, 7, 8])
  })

  it('round-trips what it writes', () => {
    const values: [string, string][] = [
      ['/a/b', 'x'],
      ['/a/c', 'multi\nline\n'],
      ['/d', '订单 = 1'],
    ]
    const text = values.map(([p, v]) => propertiesLine(p, utf8(v))).join('')
    expect(parseProperties(text).entries.map((e) => [e.path, new TextDecoder().decode(e.bytes)])).toEqual(values)
  })
})
