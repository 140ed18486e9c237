/**
 * JSON as a view of text: parse with the exact place of the first error,
 * keep numbers exactly as written (ids beyond 2^53, `1.50`), and pretty-print.
 *
 * The fast path is the engine's JSON.parse. Where the engine passes each
 * number's source text to the reviver (ES2026 "JSON.parse source text
 * access", in Chromium and newer Node), a number whose text would not survive
 * the round trip becomes a JsonNumber holding that text; elsewhere
 * lossless-json does the same, more slowly. Errors are located with
 * lossless-json, whose messages carry the position.
 */
import { parse as losslessParse } from 'lossless-json'

/** A number kept as its source text because a JS number would change it. */
export class JsonNumber {
  constructor(readonly source: string) {}
}

export type JsonValue = null | boolean | number | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue }

export interface JsonError {
  message: string
  /** Offset in the text (UTF-16 code units), when known. */
  position?: number
  /** 1-based. */
  line?: number
  column?: number
}

export type JsonParse = { ok: true; value: JsonValue } | { ok: false; error: JsonError }

interface SourceContext {
  source?: string
}

function keepNumber(text: string): number | JsonNumber {
  const value = Number(text)
  return String(value) === text ? value : new JsonNumber(text)
}

let sourceAccess: boolean | undefined
function hasSourceAccess(): boolean {
  if (sourceAccess === undefined) {
    let seen = false
    JSON.parse('1', (_key: string, value: unknown, context?: SourceContext) => {
      seen = context?.source === '1'
      return value
    })
    sourceAccess = seen
  }
  return sourceAccess
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return { line, column: position - start + 1 }
}

function locate(text: string, fallback: string): JsonError {
  try {
    losslessParse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const match = /at position (\d+)/.exec(message)
    if (match) {
      const position = Number(match[1])
      return { message: message.replace(/ at position \d+$/, ''), position, ...lineColumn(text, position) }
    }
    return { message }
  }
  return { message: fallback }
}

/**
 * Number text a JS number would not give back as written: 16 or more digits,
 * a trailing zero after the point, an exponent, or -0. A cheap test so that
 * most values take the engine's plain JSON.parse; it also matches such text
 * inside strings, which only costs the slower path.
 */
const RISKY_NUMBER = /[\d.eE+-]{16,}|\.\d*0(?!\d)|\d[eE]|-0(?![.\d])/

export function parseJson(text: string): JsonParse {
  // A byte order mark is not JSON, but it is how some Windows tools save it.
  const body = text.startsWith('\ufeff') ? text.slice(1) : text
  const offset = text.length - body.length
  try {
    if (!RISKY_NUMBER.test(body)) return { ok: true, value: JSON.parse(body) as JsonValue }
    if (hasSourceAccess()) {
      const value = JSON.parse(body, (_key: string, value: unknown, context?: SourceContext) =>
        typeof value === 'number' && context?.source !== undefined ? keepNumber(context.source) : value,
      ) as JsonValue
      return { ok: true, value }
    }
    return { ok: true, value: losslessParse(body, null, keepNumber) as JsonValue }
  } catch (error) {
    const found = locate(body, error instanceof Error ? error.message : String(error))
    if (found.position === undefined) return { ok: false, error: found }
    const position = found.position + offset
    return { ok: false, error: { ...found, position, ...lineColumn(text, position) } }
  }
}

function write(value: JsonValue, indent: string, step: string, out: string[]): void {
  if (value instanceof JsonNumber) {
    out.push(value.source)
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]')
      return
    }
    const inner = indent + step
    out.push('[\n')
    value.forEach((item, i) => {
      out.push(inner)
      write(item, inner, step, out)
      out.push(i < value.length - 1 ? ',\n' : '\n')
    })
    out.push(`${indent}]`)
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
    if (keys.length === 0) {
      out.push('{}')
      return
    }
    const inner = indent + step
    out.push('{\n')
    keys.forEach((key, i) => {
      out.push(`${inner}${JSON.stringify(key)}: `)
      write(value[key] ?? null, inner, step, out)
      out.push(i < keys.length - 1 ? ',\n' : '\n')
    })
    out.push(`${indent}}`)
  } else {
    out.push(JSON.stringify(value))
  }
}

/** Pretty JSON with numbers as they were written. */
export function prettyJson(value: JsonValue, step = '  '): string {
  const out: string[] = []
  write(value, '', step, out)
  return out.join('')
}
