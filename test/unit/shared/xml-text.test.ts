import { describe, expect, it } from 'vitest'
import { parseXml, prettyXml } from '../../../shared/zk/xml-text'

function pretty(text: string): string {
  const parsed = parseXml(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return prettyXml(parsed.tokens)
}

describe('parseXml and prettyXml', () => {
  it('pretty-prints elements, attributes, comments, CDATA and text', () => {
    const text = '<?xml version="1.0"?><!-- c --><Configuration status="WARN"><Appenders><Console name=\'out\'/></Appenders><Loggers><Root level="info">  chinese 中文 &amp; more </Root><Empty></Empty><Data><![CDATA[<x>]]></Data></Loggers></Configuration>'
    expect(pretty(text)).toBe(
      [
        '<?xml version="1.0"?>',
        '<!-- c -->',
        '<Configuration status="WARN">',
        '  <Appenders>',
        "    <Console name='out'/>",
        '  </Appenders>',
        '  <Loggers>',
        '    <Root level="info">chinese 中文 &amp; more</Root>',
        '    <Empty></Empty>',
        '    <Data>',
        '      <![CDATA[<x>]]>',
        '    </Data>',
        '  </Loggers>',
        '</Configuration>',
      ].join('\n'),
    )
  })

  it('keeps a DOCTYPE with an internal subset', () => {
    expect(pretty('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toBe('<!DOCTYPE a [<!ENTITY x "y">]>\n<a>&x;</a>')
  })

  it.each([
    ['<a><b></a>', '</a> does not match <b> on line 1', 1, 7],
    ['<a>\n  <b>\n</a', 'the end tag </a is not closed with ">"', 3, 4],
    ['<a x=1/>', 'the value of "x" must be quoted', 1, 6],
    ['<a x="1" x="2"/>', 'attribute "x" appears twice', 1, 10],
    ['<a>fish & chips</a>', '"&" must start an entity such as &amp;', 1, 9],
    ['<a/><b/>', 'a second root element', 1, 5],
    ['hello', 'text outside the root element', 1, 1],
    ['<a>', '<a> is never closed', 1, 1],
  ])('locates the error in %j', (text, message, line, column) => {
    const parsed = parseXml(text)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error).toMatchObject({ message, line, column })
  })
})
