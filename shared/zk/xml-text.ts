/**
 * XML as a view of text: a small well-formedness check (balanced tags, quoted
 * attributes, one root, entity syntax) that says where the first problem is,
 * and a pretty-printer. Not a validating parser: no DTDs, no namespaces
 * checks; enough to show configuration files (log4j2.xml, Solr's
 * solrconfig.xml, Hadoop's *-site.xml) readably and to tell a broken one.
 */
import { lineColumn } from './json-text'

export interface XmlError {
  message: string
  position: number
  line: number
  column: number
}

type Token =
  | { kind: 'open'; name: string; raw: string; selfClosing: boolean }
  | { kind: 'close'; name: string; raw: string }
  | { kind: 'text'; raw: string }
  | { kind: 'other'; raw: string }

export type XmlParse = { ok: true; tokens: Token[] } | { ok: false; error: XmlError }

const NAME = /^[A-Za-z_:\u00c0-\uffff][\w.\-:\u00b7-\uffff]*/
const ENTITY = /&(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9a-fA-F]+);/y

class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message)
  }
}

function checkEntities(text: string, start: number): void {
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i
    if (!ENTITY.test(text)) throw new XmlSyntaxError('"&" must start an entity such as &amp;', start + i)
  }
}

function expectEnd(text: string, from: number, end: string, what: string): number {
  const at = text.indexOf(end, from)
  if (at === -1) throw new XmlSyntaxError(`${what} is not closed with "${end}"`, from)
  return at + end.length
}

/** Parses the attributes of a start tag body (after the name) and returns where the tag ends. */
function readAttributes(text: string, from: number): { end: number; selfClosing: boolean } {
  const seen = new Set<string>()
  let i = from
  for (;;) {
    const spaceStart = i
    while (/\s/.test(text[i] ?? '')) i++
    const c = text[i]
    if (c === undefined) throw new XmlSyntaxError('the tag is not closed with ">"', from)
    if (c === '>') return { end: i + 1, selfClosing: false }
    if (c === '/' && text[i + 1] === '>') return { end: i + 2, selfClosing: true }
    if (i === spaceStart) throw new XmlSyntaxError('expected whitespace before an attribute', i)
    const name = NAME.exec(text.slice(i, i + 200))?.[0]
    if (!name) throw new XmlSyntaxError(`unexpected "${c}" in a tag`, i)
    if (seen.has(name)) throw new XmlSyntaxError(`attribute "${name}" appears twice`, i)
    seen.add(name)
    i += name.length
    while (/\s/.test(text[i] ?? '')) i++
    if (text[i] !== '=') throw new XmlSyntaxError(`attribute "${name}" has no value`, i)
    i++
    while (/\s/.test(text[i] ?? '')) i++
    const quote = text[i]
    if (quote !== '"' && quote !== "'") throw new XmlSyntaxError(`the value of "${name}" must be quoted`, i)
    const close = text.indexOf(quote, i + 1)
    if (close === -1) throw new XmlSyntaxError(`the value of "${name}" is not closed`, i)
    const value = text.slice(i + 1, close)
    const lt = value.indexOf('<')
    if (lt !== -1) throw new XmlSyntaxError('"<" is not allowed in an attribute value', i + 1 + lt)
    checkEntities(value, i + 1)
    i = close + 1
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const stack: { name: string; at: number }[] = []
  let roots = 0
  let i = 0
  while (i < text.length) {
    if (text[i] !== '<') {
      const next = text.indexOf('<', i)
      const end = next === -1 ? text.length : next
      const raw = text.slice(i, end)
      if (stack.length === 0 && raw.trim() !== '') throw new XmlSyntaxError('text outside the root element', i + raw.search(/\S/))
      checkEntities(raw, i)
      tokens.push({ kind: 'text', raw })
      i = end
      continue
    }
    const start = i
    let end: number
    if (text.startsWith('<!--', i)) end = expectEnd(text, i + 4, '-->', 'a comment')
    else if (text.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) throw new XmlSyntaxError('CDATA outside the root element', i)
      end = expectEnd(text, i + 9, ']]>', 'a CDATA section')
    } else if (text.startsWith('<?', i)) end = expectEnd(text, i + 2, '?>', 'a processing instruction')
    else if (text.startsWith('<!DOCTYPE', i)) {
      const subset = text.indexOf('[', i)
      const gt = text.indexOf('>', i)
      end = subset !== -1 && subset < gt ? expectEnd(text, expectEnd(text, subset, ']', 'the DOCTYPE subset'), '>', 'the DOCTYPE') : expectEnd(text, i, '>', 'the DOCTYPE')
    } else if (text[i + 1] === '/') {
      const name = NAME.exec(text.slice(i + 2, i + 202))?.[0]
      if (!name) throw new XmlSyntaxError('expected an element name after "</"', i + 2)
      end = expectEnd(text, i + 2 + name.length, '>', `the end tag </${name}`)
      if (text.slice(i + 2 + name.length, end - 1).trim() !== '') throw new XmlSyntaxError(`unexpected text in </${name}>`, i + 2 + name.length)
      const open = stack.pop()
      if (!open) throw new XmlSyntaxError(`</${name}> has no start tag`, i)
      if (open.name !== name) throw new XmlSyntaxError(`</${name}> does not match <${open.name}> on line ${lineColumn(text, open.at).line}`, i)
      tokens.push({ kind: 'close', name, raw: text.slice(start, end) })
      i = end
      continue
    } else {
      const name = NAME.exec(text.slice(i + 1, i + 201))?.[0]
      if (!name) throw new XmlSyntaxError('expected an element name after "<"', i + 1)
      if (stack.length === 0 && roots++ > 0) throw new XmlSyntaxError('a second root element', i)
      const tag = readAttributes(text, i + 1 + name.length)
      end = tag.end
      if (!tag.selfClosing) stack.push({ name, at: i })
      tokens.push({ kind: 'open', name, raw: text.slice(start, end), selfClosing: tag.selfClosing })
      i = end
      continue
    }
    tokens.push({ kind: 'other', raw: text.slice(start, end) })
    i = end
  }
  const open = stack.pop()
  if (open) throw new XmlSyntaxError(`<${open.name}> is never closed`, open.at)
  if (roots === 0) throw new XmlSyntaxError('no root element', 0)
  return tokens
}

export function parseXml(text: string): XmlParse {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text
  const offset = text.length - body.length
  try {
    return { ok: true, tokens: tokenize(body) }
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error
    const position = error.position + offset
    return { ok: false, error: { message: error.message, position, ...lineColumn(text, position) } }
  }
}

/**
 * One element, comment or instruction per line, indented by depth; an
 * element holding only text stays on one line. Whitespace between elements
 * is dropped and text is trimmed: this is a view, the bytes stay as they are.
 */
export function prettyXml(tokens: readonly Token[], step = '  '): string {
  const lines: string[] = []
  let depth = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (!token) continue
    const indent = step.repeat(depth)
    if (token.kind === 'open') {
      const text = tokens[i + 1]
      const close = tokens[i + 2]
      if (!token.selfClosing && text?.kind === 'text' && close?.kind === 'close') {
        lines.push(`${indent}${token.raw}${text.raw.trim()}${close.raw}`)
        i += 2
      } else if (!token.selfClosing && tokens[i + 1]?.kind === 'close') {
        lines.push(`${indent}${token.raw}${tokens[i + 1]?.raw ?? ''}`)
        i += 1
      } else {
        lines.push(`${indent}${token.raw}`)
        if (!token.selfClosing) depth++
      }
    } else if (token.kind === 'close') {
      depth = Math.max(0, depth - 1)
      lines.push(`${step.repeat(depth)}${token.raw}`)
    } else if (token.kind === 'text') {
      const trimmed = token.raw.trim()
      if (trimmed !== '') for (const line of trimmed.split('\n')) lines.push(`${indent}${line.trim()}`)
    } else {
      lines.push(`${indent}${token.raw}`)
    }
  }
  return lines.join('\n')
}
