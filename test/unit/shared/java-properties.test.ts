import { describe, expect, it } from 'vitest'
import { looksLikeProperties, parseJavaProperties } from '../../../shared/zk/java-properties'

describe('parseJavaProperties', () => {
  it('reads separators, comments, continuations and escapes as java.util.Properties does', () => {
    const text = [
      '# database',
      '! also a comment',
      'db.url=jdbc:mysql://db:3306/orders?useSSL=false',
      'db.user : app',
      'db.pool.max   20',
      'greeting=\\u4f60\\u597d, world',
      'key\\ with\\ spaces = value',
      'multi = first \\',
      '        second',
      'tabs=a\\tb',
      'empty=',
    ].join('\n')
    const { entries, issues } = parseJavaProperties(text)
    expect(issues).toEqual([])
    expect(entries.map((e) => [e.key, e.value, e.line])).toEqual([
      ['db.url', 'jdbc:mysql://db:3306/orders?useSSL=false', 3],
      ['db.user', 'app', 4],
      ['db.pool.max', '20', 5],
      ['greeting', '你好, world', 6],
      ['key with spaces', 'value', 7],
      ['multi', 'first second', 8],
      ['tabs', 'a\tb', 10],
      ['empty', '', 11],
    ])
  })

  it('reports a malformed \\u escape and lists duplicate keys', () => {
    const { entries, issues, duplicates } = parseJavaProperties('a=\\u12\na=2\r\nb=3')
    expect(issues).toEqual([{ line: 1, message: 'malformed \\u escape: \\u12' }])
    expect(entries.map((e) => e.value)).toEqual(['\\u12', '2', '3'])
    expect(duplicates).toEqual(['a'])
  })
})

describe('looksLikeProperties', () => {
  it('wants key=value lines', () => {
    expect(looksLikeProperties('# c\na=1\nb.c=2\n')).toBe(true)
    expect(looksLikeProperties('a=1\nlong = x \\\n  continued\n')).toBe(true)
    expect(looksLikeProperties('server:\n  port: 8080\n')).toBe(false)
    expect(looksLikeProperties('hello world')).toBe(false)
    expect(looksLikeProperties('')).toBe(false)
  })
})
