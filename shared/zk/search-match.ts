/**
 * Pure matchers for subtree search: path by substring, glob or regex; data by
 * text or regex after decoding with a chosen charset. Compiled once per search.
 */
import type { DataQuery, PathQuery } from '../protocol/tree-api'

export type PathMatcher = (path: string) => boolean
export type DataMatcher = (bytes: Uint8Array) => { matched: boolean; snippet?: string }

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** `*` and `?` stay within one path segment; `**` crosses segments. */
export function globToRegex(glob: string, caseSensitive: boolean): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*'
      i++
    } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else source += escapeRegex(c)
  }
  // A glob without a slash matches a node's name anywhere; with one it matches the whole path.
  const anchored = glob.includes('/') ? `^${source}$` : `(^|/)${source}$`
  return new RegExp(anchored, caseSensitive ? '' : 'i')
}

export class PatternError extends Error {}

function compileRegex(pattern: string, caseSensitive: boolean): RegExp {
  try {
    return new RegExp(pattern, caseSensitive ? '' : 'i')
  } catch (error) {
    throw new PatternError(`invalid regular expression: ${error instanceof Error ? error.message : String(error)}`)
  }
}

export function compilePathMatcher(query: PathQuery): PathMatcher {
  switch (query.mode) {
    case 'substring': {
      if (query.caseSensitive) return (path) => path.includes(query.pattern)
      const needle = query.pattern.toLowerCase()
      return (path) => path.toLowerCase().includes(needle)
    }
    case 'glob': {
      const regex = globToRegex(query.pattern, query.caseSensitive)
      return (path) => regex.test(path)
    }
    case 'regex': {
      const regex = compileRegex(query.pattern, query.caseSensitive)
      return (path) => regex.test(path)
    }
  }
}

const SNIPPET_CONTEXT = 40

function snippetAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - SNIPPET_CONTEXT)
  const end = Math.min(text.length, index + length + SNIPPET_CONTEXT)
  const body = text.slice(start, end).replace(/\s+/g, ' ')
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`
}

export function compileDataMatcher(query: DataQuery): DataMatcher {
  const decoder = new TextDecoder(query.encoding)
  const regex =
    query.mode === 'regex'
      ? compileRegex(query.pattern, query.caseSensitive)
      : new RegExp(escapeRegex(query.pattern), query.caseSensitive ? '' : 'i')
  return (bytes) => {
    if (bytes.length === 0) return { matched: false }
    const text = decoder.decode(bytes)
    const found = regex.exec(text)
    if (!found) return { matched: false }
    return { matched: true, snippet: snippetAround(text, found.index, found[0].length) }
  }
}
