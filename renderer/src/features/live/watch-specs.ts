/**
 * Which watches a connection's tree needs: the children of every expanded
 * node that is on screen (all its ancestors expanded too) and the data of
 * every open node. Each carries the version the screen shows, so a change
 * that slipped in between the read and the arming is still reported.
 */
import type { WatchSpec } from '../../../../shared/protocol/watch-api'
import { parentPath } from '../../../../shared/zk/path'
import type { ConnectionTree } from '../../stores/tree-store'
import type { NodeTab } from '../../stores/node-tabs-store'

export type SpecMap = ReadonlyMap<string, WatchSpec>

export const specKey = (spec: Pick<WatchSpec, 'kind' | 'path'>): string => `${spec.kind}\u0000${spec.path}`

/** The nodes open in the inspector: its tabs, and the tree's open node (which the active tab follows). */
export function openPathsOf(tree: ConnectionTree, tabs: readonly NodeTab[]): string[] {
  const paths = new Set(tabs.map((tab) => tab.path))
  if (tree.openPath !== null) paths.add(tree.openPath)
  return [...paths]
}

function shownExpanded(tree: ConnectionTree, path: string): boolean {
  for (let parent = parentPath(path); parent !== null; parent = parentPath(parent)) {
    if (!tree.expanded[parent]) return false
  }
  return true
}

export function desiredSpecs(tree: ConnectionTree, tabs: readonly NodeTab[]): Map<string, WatchSpec> {
  const specs = new Map<string, WatchSpec>()
  for (const path of Object.keys(tree.expanded)) {
    // Until its names are loaded there is nothing on screen to keep true.
    if (tree.children[path] === undefined || !shownExpanded(tree, path)) continue
    const cversion = tree.stats.get(path)?.stat?.cversion
    const spec: WatchSpec = { path, kind: 'children', ...(cversion !== undefined ? { seen: { cversion } } : {}) }
    specs.set(specKey(spec), spec)
  }
  for (const path of openPathsOf(tree, tabs)) {
    const version = tree.stats.get(path)?.stat?.version
    const spec: WatchSpec = { path, kind: 'data', ...(version !== undefined ? { seen: { version } } : {}) }
    specs.set(specKey(spec), spec)
  }
  return specs
}

/** What to add and remove to go from `current` to `desired`; `seen` only matters when adding. */
export function diffSpecs(current: SpecMap, desired: SpecMap): { add: WatchSpec[]; remove: WatchSpec[] } {
  const add: WatchSpec[] = []
  const remove: WatchSpec[] = []
  for (const [key, spec] of desired) if (!current.has(key)) add.push(spec)
  for (const [key, spec] of current) if (!desired.has(key)) remove.push({ path: spec.path, kind: spec.kind })
  return { add, remove }
}
