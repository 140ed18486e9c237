/**
 * Keyboard behaviour of the tree (WAI-ARIA tree pattern), as a pure function
 * from a key and the current rows to what should happen.
 */
import type { TreeRow } from '../../stores/tree-rows'

export type TreeKeyAction =
  | { type: 'focus'; index: number }
  | { type: 'expand'; path: string }
  | { type: 'collapse'; path: string }
  | { type: 'activate'; path: string }

export interface TreeKeyContext {
  rows: readonly TreeRow[]
  index: number
  isExpanded(path: string): boolean
  /** True or false when known; undefined while neither names nor Stat are loaded. */
  hasChildren(path: string): boolean | undefined
}

export function treeKeyAction(key: string, ctx: TreeKeyContext): TreeKeyAction | null {
  const { rows, index } = ctx
  const row = rows[index]
  if (!row) return rows.length > 0 ? { type: 'focus', index: 0 } : null
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { type: 'focus', index: index + 1 } : null
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', index: index - 1 } : null
    case 'Home':
      return { type: 'focus', index: 0 }
    case 'End':
      return { type: 'focus', index: rows.length - 1 }
    case 'ArrowRight': {
      if (ctx.hasChildren(row.path) === false) return null
      if (!ctx.isExpanded(row.path)) return { type: 'expand', path: row.path }
      const next = rows[index + 1]
      return next && next.depth > row.depth ? { type: 'focus', index: index + 1 } : null
    }
    case 'ArrowLeft': {
      if (ctx.isExpanded(row.path) && ctx.hasChildren(row.path) !== false) return { type: 'collapse', path: row.path }
      for (let i = index - 1; i >= 0; i--) {
        if ((rows[i]?.depth ?? 0) < row.depth) return { type: 'focus', index: i }
      }
      return null
    }
    case 'Enter':
      return { type: 'activate', path: row.path }
    default:
      return null
  }
}

/** Type-ahead: the next row after `from` (wrapping) whose name starts with `prefix`, ignoring case. */
export function findByPrefix(rows: readonly TreeRow[], from: number, prefix: string): number {
  const needle = prefix.toLowerCase()
  for (let step = 1; step <= rows.length; step++) {
    const i = (from + step) % rows.length
    if (rows[i]?.name.toLowerCase().startsWith(needle)) return i
  }
  return -1
}
