/**
 * The JSON tree as flat rows, for a virtual list: only expanded containers
 * contribute their children, so a 1 MiB array costs one row per element
 * shown, and nothing below a collapsed node is visited.
 */
import { JsonNumber, type JsonValue } from '../../../../shared/zk/json-text'

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null'

export interface JsonRow {
  /** A JSON Pointer (RFC 6901): '' for the root, '/servers/0/host' below. */
  id: string
  depth: number
  /** Property name, array index, or null for the root. */
  key: string | number | null
  kind: JsonKind
  value: JsonValue
  /** Entries of an object or array. */
  size: number
  expanded: boolean
}

export function kindOf(value: JsonValue): JsonKind {
  if (value === null) return 'null'
  if (value instanceof JsonNumber) return 'number'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'object') return 'object'
  return typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean'
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1')

function entries(value: JsonValue): [string | number, JsonValue][] {
  if (Array.isArray(value)) return value.map((item, i) => [i, item])
  if (value !== null && typeof value === 'object' && !(value instanceof JsonNumber)) return Object.entries(value)
  return []
}

export function sizeOf(value: JsonValue): number {
  if (Array.isArray(value)) return value.length
  if (value !== null && typeof value === 'object' && !(value instanceof JsonNumber)) return Object.keys(value).length
  return 0
}

export function flattenJson(root: JsonValue, expanded: ReadonlySet<string>): JsonRow[] {
  const rows: JsonRow[] = []
  const visit = (value: JsonValue, id: string, depth: number, key: string | number | null) => {
    const kind = kindOf(value)
    const container = kind === 'object' || kind === 'array'
    const open = container && expanded.has(id)
    rows.push({ id, depth, key, kind, value, size: sizeOf(value), expanded: open })
    if (!open) return
    for (const [childKey, child] of entries(value)) visit(child, `${id}/${escapePointer(String(childKey))}`, depth + 1, childKey)
  }
  visit(root, '', 0, null)
  return rows
}

/**
 * What opens first: the whole value when it is small enough to read at a
 * glance; otherwise the root, and its children while they stay few.
 */
export function initialExpanded(root: JsonValue, smallNodes = 200, firstRows = 2000): Set<string> {
  const all = allContainerIds(root, smallNodes)
  if (all) return all
  const open = new Set<string>([''])
  let rows = sizeOf(root)
  for (const [key, child] of entries(root)) {
    const size = sizeOf(child)
    if (size === 0) continue
    if (rows + size > firstRows) break
    rows += size
    open.add(`/${escapePointer(String(key))}`)
  }
  return open
}

/** Every container id, up to `limit`; undefined when there are more (expand-all would be too much). */
export function allContainerIds(root: JsonValue, limit: number): Set<string> | undefined {
  const ids = new Set<string>()
  let rows = 0
  const visit = (value: JsonValue, id: string): boolean => {
    if (++rows > limit) return false
    const children = entries(value)
    if (children.length > 0) ids.add(id)
    return children.every(([key, child]) => visit(child, `${id}/${escapePointer(String(key))}`))
  }
  return visit(root, '') ? ids : undefined
}
