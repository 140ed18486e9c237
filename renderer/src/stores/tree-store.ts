/**
 * The workspace tree of each open connection: loaded child names, the
 * expanded set, the flat visible rows, per-node Stats for rows that were on
 * screen, the focused row and the node open in the node panel.
 *
 * Stats live in a Map that is updated in place, with `statsRev` bumped on
 * every change: a parent with 100,000 children must not be copied each time a
 * screenful of Stats arrives. Selectors read through to the entries, so a
 * component re-renders only when the entry it shows changed.
 */
import { create } from 'zustand'
import type { ErrorCode, ErrorInfo } from '../../../shared/protocol/errors'
import type { StatEntry, ZnodeStat } from '../../../shared/protocol/types'
import { isWithin, joinPath } from '../../../shared/zk/path'
import { ROOT_ROW, allRows, spliceSubtree, type ChildrenMap, type ExpandedSet, type TreeRow, type ViewMap } from './tree-rows'
import { buildView, isDefaultView, type ChildViewOptions } from './child-view'
import { markRange, NO_MARKS, pruneMarks, toggleMark, type Marks } from './tree-marks'

export interface StatCell {
  stat?: ZnodeStat
  error?: ErrorCode
}

export interface ConnectionTree {
  children: ChildrenMap
  /** Paths whose children are being fetched. */
  loading: Readonly<Record<string, true>>
  /** Why listing the children of a path failed, the last time it was tried. */
  loadErrors: Readonly<Record<string, ErrorInfo>>
  expanded: ExpandedSet
  /** Sorted or filtered children, per parent; pass it to every tree-rows call so rows honour it. */
  views: ViewMap
  rows: readonly TreeRow[]
  stats: Map<string, StatCell>
  statsRev: number
  /** The row with keyboard focus, which is also the selected row. */
  focused: string
  /** The node shown in the node panel. */
  openPath: string | null
  /** The multi-selection, kept to rows that are shown. */
  marks: Marks
}

export interface TreeStoreState {
  trees: Readonly<Record<string, ConnectionTree>>
  ensureTree(connectionId: string): void
  dropTree(connectionId: string): void
  setLoading(connectionId: string, path: string, loading: boolean): void
  /** Stores sorted child names and the parent's Stat; drops what vanished below. */
  setChildren(connectionId: string, path: string, names: readonly string[], stat: ZnodeStat): void
  setLoadError(connectionId: string, path: string, error: ErrorInfo | null): void
  setExpanded(connectionId: string, path: string, expanded: boolean): void
  setStats(connectionId: string, entries: readonly StatEntry[]): void
  /** Forgets cached Stats so that the rows showing them ask again. */
  invalidateStats(connectionId: string, paths: readonly string[]): void
  /** Collapses everything except the root; loaded names stay cached. */
  collapseAll(connectionId: string): void
  /** Sorts and filters the loaded children of `path` (null: natural order, unfiltered). */
  setChildView(connectionId: string, path: string, options: ChildViewOptions | null): void
  /** Expands many nodes with one rebuild of the rows (for "expand all below"). */
  expandMany(connectionId: string, paths: readonly string[]): void
  /** Collapses `path` and everything expanded below it. */
  collapseBelow(connectionId: string, path: string): void
  focus(connectionId: string, path: string): void
  open(connectionId: string, path: string | null): void
  /** Adds `path` to the multi-selection or takes it out (Ctrl/⌘+click, Space). */
  toggleMark(connectionId: string, path: string): void
  /** Marks the rows from the selection's anchor to `path` (Shift+click, Shift+arrows). */
  markRange(connectionId: string, path: string): void
  clearMarks(connectionId: string): void
}

export function emptyTree(): ConnectionTree {
  return {
    children: {},
    loading: {},
    loadErrors: {},
    expanded: {},
    views: {},
    rows: [ROOT_ROW],
    stats: new Map(),
    statsRev: 0,
    focused: '/',
    openPath: null,
    marks: NO_MARKS,
  }
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record
  return rest
}

/** Drops expanded entries at or below children of `path` that no longer exist. */
function pruneExpanded(
  expanded: ExpandedSet,
  path: string,
  previous: readonly string[] | undefined,
  names: readonly string[],
): ExpandedSet {
  if (!previous) return expanded
  const kept = new Set(names)
  const gone = new Set(previous.filter((name) => !kept.has(name)))
  if (gone.size === 0) return expanded
  const prefix = path === '/' ? '/' : `${path}/`
  const isGone = (key: string) =>
    key !== path && key.startsWith(prefix) && gone.has(key.slice(prefix.length).split('/', 1)[0] ?? '')
  const keys = Object.keys(expanded)
  if (!keys.some(isGone)) return expanded
  return Object.fromEntries(keys.filter((key) => !isGone(key)).map((key) => [key, true as const]))
}

/** ctime or mtime of each child from the cached Stats; children without one are left out. */
function childTimes(tree: ConnectionTree, path: string, names: readonly string[], key: 'ctime' | 'mtime'): Map<string, number> {
  const times = new Map<string, number>()
  for (const name of names) {
    const stat = tree.stats.get(joinPath(path, name))?.stat
    if (stat) times.set(name, Number(stat[key]))
  }
  return times
}

/** The views with the one of `path` recomputed for its current names (or dropped). */
function withView(tree: ConnectionTree, path: string, names: readonly string[], options: ChildViewOptions | null): ViewMap {
  if (!options || isDefaultView(options)) return tree.views[path] ? without(tree.views, path) : tree.views
  const times = options.sortKey === 'name' ? null : childTimes(tree, path, names, options.sortKey)
  return { ...tree.views, [path]: buildView(names, options, times) }
}

export const useTreeStore = create<TreeStoreState>()((set) => {
  /** Applies `change` to one connection's tree, if it exists. */
  const update = (connectionId: string, change: (tree: ConnectionTree) => ConnectionTree | null) =>
    set((s) => {
      const tree = s.trees[connectionId]
      if (!tree) return s
      let next = change(tree)
      if (!next || next === tree) return s
      // Rows that went away (deleted, collapsed) leave the selection with them.
      if (next.rows !== tree.rows && next.marks.marked.length > 0) next = { ...next, marks: pruneMarks(next.marks, next.rows) }
      return { trees: { ...s.trees, [connectionId]: next } }
    })

  return {
    trees: {},
    ensureTree: (connectionId) =>
      set((s) => (s.trees[connectionId] ? s : { trees: { ...s.trees, [connectionId]: emptyTree() } })),
    dropTree: (connectionId) => set((s) => ({ trees: without(s.trees, connectionId) })),
    setLoading: (connectionId, path, loading) =>
      update(connectionId, (tree) => {
        if (Boolean(tree.loading[path]) === loading) return null
        return { ...tree, loading: loading ? { ...tree.loading, [path]: true } : without(tree.loading, path) }
      }),
    setChildren: (connectionId, path, names, stat) =>
      update(connectionId, (tree) => {
        const children = { ...tree.children, [path]: names }
        // Forget expansion below children that are gone, so a node re-created
        // later under the same name does not appear expanded with stale names.
        const expanded = pruneExpanded(tree.expanded, path, tree.children[path], names)
        tree.stats.set(path, { stat })
        const view = tree.views[path]
        const views = view ? withView(tree, path, names, view) : tree.views
        return {
          ...tree,
          children,
          expanded,
          views,
          loadErrors: tree.loadErrors[path] ? without(tree.loadErrors, path) : tree.loadErrors,
          rows: spliceSubtree(tree.rows, path, children, expanded, views),
          statsRev: tree.statsRev + 1,
        }
      }),
    setLoadError: (connectionId, path, error) =>
      update(connectionId, (tree) => ({
        ...tree,
        loadErrors: error ? { ...tree.loadErrors, [path]: error } : without(tree.loadErrors, path),
      })),
    setExpanded: (connectionId, path, isExpanded) =>
      update(connectionId, (tree) => {
        if (Boolean(tree.expanded[path]) === isExpanded) return null
        const expanded = isExpanded ? { ...tree.expanded, [path]: true as const } : without(tree.expanded, path)
        // Collapsing an ancestor of the focused row moves focus to the ancestor.
        const focused = !isExpanded && tree.focused !== path && isWithin(tree.focused, path) ? path : tree.focused
        return { ...tree, expanded, focused, rows: spliceSubtree(tree.rows, path, tree.children, expanded, tree.views) }
      }),
    setStats: (connectionId, entries) =>
      update(connectionId, (tree) => {
        if (entries.length === 0) return null
        for (const entry of entries) {
          tree.stats.set(entry.path, entry.stat ? { stat: entry.stat } : { error: entry.error?.code ?? 'ZK_ERROR' })
        }
        return { ...tree, statsRev: tree.statsRev + 1 }
      }),
    invalidateStats: (connectionId, paths) =>
      update(connectionId, (tree) => {
        for (const path of paths) tree.stats.delete(path)
        return { ...tree, statsRev: tree.statsRev + 1 }
      }),
    collapseAll: (connectionId) =>
      update(connectionId, (tree) => {
        const expanded: ExpandedSet = tree.expanded['/'] ? { '/': true } : {}
        return { ...tree, expanded, focused: '/', rows: allRows(tree.children, expanded, tree.views) }
      }),
    setChildView: (connectionId, path, options) =>
      update(connectionId, (tree) => {
        const names = tree.children[path]
        if (!names) return null
        const views = withView(tree, path, names, options)
        if (views === tree.views) return null
        return { ...tree, views, rows: spliceSubtree(tree.rows, path, tree.children, tree.expanded, views) }
      }),
    expandMany: (connectionId, paths) =>
      update(connectionId, (tree) => {
        const fresh = paths.filter((path) => !tree.expanded[path])
        if (fresh.length === 0) return null
        const expanded: ExpandedSet = { ...tree.expanded, ...Object.fromEntries(fresh.map((path) => [path, true as const])) }
        return { ...tree, expanded, rows: allRows(tree.children, expanded, tree.views) }
      }),
    collapseBelow: (connectionId, path) =>
      update(connectionId, (tree) => {
        const keys = Object.keys(tree.expanded)
        if (!keys.some((key) => isWithin(key, path))) return null
        const expanded: ExpandedSet = Object.fromEntries(keys.filter((key) => !isWithin(key, path)).map((key) => [key, true as const]))
        const focused = tree.focused !== path && isWithin(tree.focused, path) ? path : tree.focused
        return { ...tree, expanded, focused, rows: spliceSubtree(tree.rows, path, tree.children, expanded, tree.views) }
      }),
    focus: (connectionId, path) => update(connectionId, (tree) => (tree.focused === path ? null : { ...tree, focused: path })),
    open: (connectionId, path) =>
      update(connectionId, (tree) => (tree.openPath === path ? null : { ...tree, openPath: path })),
    toggleMark: (connectionId, path) => update(connectionId, (tree) => ({ ...tree, marks: toggleMark(tree.marks, tree.focused, path) })),
    markRange: (connectionId, path) => update(connectionId, (tree) => ({ ...tree, marks: markRange(tree.marks, tree.rows, tree.focused, path) })),
    clearMarks: (connectionId) => update(connectionId, (tree) => (tree.marks.marked.length === 0 && tree.marks.anchor === null ? null : { ...tree, marks: NO_MARKS })),
  }
})

export const selectTree =
  (connectionId: string) =>
  (s: TreeStoreState): ConnectionTree | undefined =>
    s.trees[connectionId]

export const selectStatCell =
  (connectionId: string, path: string) =>
  (s: TreeStoreState): StatCell | undefined =>
    s.trees[connectionId]?.stats.get(path)

/**
 * Whether a node has children, as far as anything loaded says: the loaded list
 * wins, then the Stat; undefined while neither is known.
 */
export function hasChildren(tree: ConnectionTree, path: string): boolean | undefined {
  const names = tree.children[path]
  if (names) return names.length > 0
  const stat = tree.stats.get(path)?.stat
  return stat ? stat.numChildren > 0 : undefined
}
