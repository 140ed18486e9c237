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

/**
 * Type-ahead: the next row after `from` (wrapping) whose name starts with
 * `prefix`, ignoring case. `label` gives the name as shown (decoded names).
 */
export function findByPrefix(
  rows: readonly TreeRow[],
  from: number,
  prefix: string,
  label: (row: TreeRow) => string = (row) => row.name,
): number {
  const needle = prefix.toLowerCase()
  for (let step = 1; step <= rows.length; step++) {
    const i = (from + step) % rows.length
    const row = rows[i]
    if (row && label(row).toLowerCase().startsWith(needle)) return i
  }
  return -1
}

export type TreeCommand =
  | 'open'
  | 'expand-all'
  | 'collapse-all'
  | 'filter'
  | 'copy-path'
  | 'copy-name'
  | 'refresh'
  | 'search-here'
  | 'go-parent'
  | 'toggle-decode'
  | 'delete'

export interface KeyChord {
  key: string
  /** Ctrl, or Cmd on macOS. */
  mod: boolean
  shift: boolean
  alt: boolean
}

/** Keys that open the context menu: the Menu key and Shift+F10, as on every desktop. */
export function isMenuKey({ key, mod, shift, alt }: KeyChord): boolean {
  return (key === 'ContextMenu' && !mod && !alt) || (key === 'F10' && shift && !mod && !alt)
}

/** Shortcuts of the tree's commands (also shown in its context menu). */
export function commandForKey({ key, mod, shift, alt }: KeyChord): TreeCommand | null {
  if (alt) return null
  const lower = key.toLowerCase()
  if (mod && !shift && lower === 'c') return 'copy-path'
  if (mod && !shift && lower === 'f') return 'filter'
  if (mod && shift && lower === 'f') return 'search-here'
  if (!mod && !shift && key === 'Backspace') return 'go-parent'
  if (!mod && !shift && key === 'F5') return 'refresh'
  if (!mod && !shift && key === 'Delete') return 'delete'
  return null
}
