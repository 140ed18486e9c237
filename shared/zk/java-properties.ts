/**
 * Java `.properties` as java.util.Properties.load reads it: logical lines
 * joined across a trailing backslash, `#` and `!` comments, the key ending at
 * the first unescaped `=`, `:` or whitespace, and escapes (`\t`, `\n`, `\r`,
 * `\f`, `\uXXXX`, and `\x` for any other x) resolved in keys and values.
 * Where Java would throw (a malformed `\u`), this reports an issue and keeps
 * the text as written.
 */

export interface PropertyEntry {
  key: string
  value: string
  /** 1-based line where the entry starts. */
  line: number
}

export interface PropertiesIssue {
  line: number
  message: string
}

export interface ParsedJavaProperties {
  entries: PropertyEntry[]
  issues: PropertiesIssue[]
  /** Keys that appear more than once; as in Java, the last value wins in a map, but every entry is listed. */
  duplicates: string[]
}

const WHITESPACE = new Set([' ', '\t', '\f'])

function endsInContinuation(line: string): boolean {
  let backslashes = 0
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) backslashes++
  return backslashes % 2 === 1
}

/** Resolves escapes; `issue` is called once per malformed `\u`. */
export function unescapeProperties(text: string, issue: (message: string) => void = () => undefined): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c !== '\\' || i === text.length - 1) {
      out += c
      continue
    }
    const next = text[++i] ?? ''
    if (next === 'u') {
      const hex = text.slice(i + 1, i + 5)
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16))
        i += 4
      } else {
        issue(`malformed \\u escape: \\u${hex}`)
        out += `\\u`
      }
    } else {
      out += next === 't' ? '\t' : next === 'n' ? '\n' : next === 'r' ? '\r' : next === 'f' ? '\f' : next
    }
  }
  return out
}

/** Splits a logical line at the first unescaped separator. */
function splitEntry(line: string): { key: string; value: string } {
  let i = 0
  let key = ''
  for (; i < line.length; i++) {
    const c = line[i] ?? ''
    if (c === '\\') {
      key += c + (line[i + 1] ?? '')
      i++
      continue
    }
    if (c === '=' || c === ':' || WHITESPACE.has(c)) break
    key += c
  }
  // Whitespace, then at most one = or :, then whitespace again.
  while (i < line.length && WHITESPACE.has(line[i] ?? '')) i++
  if (line[i] === '=' || line[i] === ':') i++
  while (i < line.length && WHITESPACE.has(line[i] ?? '')) i++
  return { key, value: line.slice(i) }
}

export function parseJavaProperties(text: string): ParsedJavaProperties {
  const entries: PropertyEntry[] = []
  const issues: PropertiesIssue[] = []
  const physical = text.split(/\r\n|\r|\n/)
  for (let n = 0; n < physical.length; n++) {
    const startLine = n + 1
    let line = (physical[n] ?? '').replace(/^[ \t\f]+/, '')
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue
    while (endsInContinuation(line) && n + 1 < physical.length) {
      line = line.slice(0, -1) + (physical[++n] ?? '').replace(/^[ \t\f]+/, '')
    }
    if (endsInContinuation(line)) line = line.slice(0, -1)
    const raw = splitEntry(line)
    const report = (message: string) => issues.push({ line: startLine, message })
    entries.push({ key: unescapeProperties(raw.key, report), value: unescapeProperties(raw.value, report), line: startLine })
  }
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  for (const { key } of entries) {
    if (seen.has(key)) duplicates.add(key)
    seen.add(key)
  }
  return { entries, issues, duplicates: [...duplicates] }
}

/** Whether text reads as properties: every non-comment line is `key=value` or `key: value`, at least one uses `=`. */
export function looksLikeProperties(text: string): boolean {
  let entries = 0
  let equals = 0
  let continued = false
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim()
    const wasContinued: boolean = continued
    // A comment never continues onto the next line, in Java either.
    const comment: boolean = !wasContinued && (line.startsWith('#') || line.startsWith('!'))
    continued = !comment && endsInContinuation(line)
    if (wasContinued || comment || line === '') continue
    const match = /^[^\s=:]+\s*([=:])/.exec(line)
    if (!match) return false
    entries++
    if (match[1] === '=') equals++
  }
  return entries > 0 && equals > 0
}
