/**
 * zkui's properties dump: one `parent=name=value` line per leaf (a node
 * without children), newlines in the value written as `\n`, `#` comments.
 * It is lossy by design, so the writer exports only what reads back byte
 * for byte: UTF-8 text without carriage returns, without a literal `\n`
 * sequence, and names without `=`.
 */
import { decodeUtf8, looksBinary } from './node-data'
import { baseName, checkPath, joinPath, parentPath } from './path'

export function propertiesHeader(root: string, connectString: string, exportedAt: string): string {
  return `# ZooKeeper Console export of ${root} from ${connectString} at ${exportedAt}\n# format: parent=name=value (zkui), values with \\n for newlines\n`
}

/** The line for a leaf, or undefined when its path or data would not survive the format. */
export function propertiesLine(path: string, bytes: Uint8Array): string | undefined {
  const parent = parentPath(path)
  if (parent === null) return undefined
  const name = baseName(path)
  if (parent.includes('=') || name.includes('=')) return undefined
  const text = bytes.length === 0 ? '' : decodeUtf8(bytes)
  if (text === undefined || text.includes('\r') || text.includes('\\n')) return undefined
  if (looksBinary(text.replaceAll('\n', ''))) return undefined
  return `${parent}=${name}=${text.replaceAll('\n', '\\n')}\n`
}

export interface PropertiesEntry {
  path: string
  bytes: Uint8Array
}

export interface ParsedProperties {
  entries: PropertiesEntry[]
  issues: { line: number; message: string }[]
}

const encoder = new TextEncoder()

export function parseProperties(text: string): ParsedProperties {
  const entries: PropertiesEntry[] = []
  const issues: ParsedProperties['issues'] = []
  const seen = new Set<string>()
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const number = index + 1
    if (line.trim() === '' || line.trimStart().startsWith('#')) return
    if (line.startsWith('-')) return issues.push({ line: number, message: 'deletion lines ("-path") are not supported; nothing is deleted by an import' })
    const first = line.indexOf('=')
    const second = first < 0 ? -1 : line.indexOf('=', first + 1)
    if (first < 0 || second < 0) return issues.push({ line: number, message: 'expected parent=name=value' })
    const parent = line.slice(0, first)
    const name = line.slice(first + 1, second)
    const path = joinPath(parent, name)
    const check = checkPath(path)
    if (name === '' || name.includes('/') || !check.ok) {
      return issues.push({ line: number, message: `"${path}" is not a valid path (${check.problem ?? 'bad name'})` })
    }
    if (seen.has(path)) return issues.push({ line: number, message: `${path} appears twice` })
    seen.add(path)
    entries.push({ path, bytes: encoder.encode(line.slice(second + 1).replaceAll('\\n', '\n')) })
  })
  return { entries, issues }
}
