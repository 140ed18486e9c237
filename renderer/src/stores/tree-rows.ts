/**
 * The tree as the virtual list sees it: a flat array of visible rows derived
 * from loaded children and the expanded set. Expanding or collapsing one node
 * recomputes only that node's visible descendants and splices them in, so the
 * cost follows what changed, not the size of the tree.
 */
import { shownNames, type ChildView } from './child-view'

export interface TreeRow {
  path: string
  name: string
  /** 1 for the root, as aria-level counts. */
  depth: number
  /** Position among its siblings, 1-based, and the number of siblings (aria-posinset/setsize). */
  posInSet: number
  setSize: number
}

export type ChildrenMap = Readonly<Record<string, readonly string[]>>
export type ExpandedSet = Readonly<Record<string, true>>
/** Sorted or filtered views of some nodes' children (see child-view.ts); pass the tree's own. */
export type ViewMap = Readonly<Record<string, ChildView>>

export const ROOT_ROW: TreeRow = { path: '/', name: '/', depth: 1, posInSet: 1, setSize: 1 }

/** Visible descendants of `path` (not the node itself), in display order. */
export function visibleDescendants(
  path: string,
  depth: number,
  children: ChildrenMap,
  expanded: ExpandedSet,
  views?: ViewMap,
): TreeRow[] {
  const out: TreeRow[] = []
  if (!expanded[path]) return out
  // Iterative depth-first walk: an explicit stack of (path prefix, names, next index). The prefix
  // is built once per parent: this loop runs once per row, 100,000 times for a big parent.
  const stack: { prefix: string; names: readonly string[]; index: number; depth: number }[] = []
  const prefixOf = (parent: string) => (parent === '/' ? '/' : `${parent}/`)
  const top = shownNames(children, views, path)
  if (top) stack.push({ prefix: prefixOf(path), names: top, index: 0, depth: depth + 1 })
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    if (!frame) break
    if (frame.index >= frame.names.length) {
      stack.pop()
      continue
    }
    const name = frame.names[frame.index] as string
    frame.index++
    const childPath = frame.prefix + name
    out.push({ path: childPath, name, depth: frame.depth, posInSet: frame.index, setSize: frame.names.length })
    if (expanded[childPath]) {
      const names = shownNames(children, views, childPath)
      if (names && names.length > 0) stack.push({ prefix: prefixOf(childPath), names, index: 0, depth: frame.depth + 1 })
    }
  }
  return out
}

/** All visible rows from the root; used on first load and to check the incremental path. */
export function allRows(children: ChildrenMap, expanded: ExpandedSet, views?: ViewMap): TreeRow[] {
  return [ROOT_ROW, ...visibleDescendants('/', ROOT_ROW.depth, children, expanded, views)]
}

/** Index of the first row after `index` that is not below it. */
export function subtreeEnd(rows: readonly TreeRow[], index: number): number {
  const depth = rows[index]?.depth ?? 0
  let end = index + 1
  while (end < rows.length && (rows[end]?.depth ?? 0) > depth) end++
  return end
}

/**
 * Rebuilds the visible rows below `path` after its children or expanded state
 * changed. Returns the same array when `path` is not visible.
 */
export function spliceSubtree(
  rows: readonly TreeRow[],
  path: string,
  children: ChildrenMap,
  expanded: ExpandedSet,
  views?: ViewMap,
): readonly TreeRow[] {
  const index = rows.findIndex((row) => row.path === path)
  const row = rows[index]
  if (!row) return rows
  const end = subtreeEnd(rows, index)
  const inner = visibleDescendants(path, row.depth, children, expanded, views)
  if (inner.length === 0 && end === index + 1) return rows
  return rows.slice(0, index + 1).concat(inner, rows.slice(end))
}
