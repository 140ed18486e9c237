/**
 * Applies a watched change to what the screen shows: the tree gets new child
 * lists (sorted, as it keeps them) and fresh Stats for its rows, and focus
 * moves off a row that vanished; the inspector's entry for an open node gets
 * the new data and Stat, or learns that the node is gone (it keeps the last
 * data it read). The node open in the inspector keeps focus when it is
 * deleted, so its panel, and any edit in it, stays where the user left it.
 */
import type { NodeChange } from '../../../../shared/protocol/watch-api'
import { sortNatural } from '../../../../shared/zk/natural-sort'
import { isWithin, joinPath } from '../../../../shared/zk/path'
import { useTreeStore, type ConnectionTree } from '../../stores/tree-store'
import { useNodeTabsStore } from '../../stores/node-tabs-store'
import { diffChildren, survivingNeighbour } from './children-diff'
import type { Before } from './change-journal'

export interface FlashTarget {
  connectionId: string
  path: string
  /** The row in the tree, or the data of the open node. */
  target: 'row' | 'data'
}

/** What the tree knew before a change, for the journal's diff and version. */
export function beforeOf(change: NodeChange): Before {
  const tree = useTreeStore.getState().trees[change.connectionId]
  if (!tree) return {}
  const children = tree.children[change.path]
  const stat = tree.stats.get(change.path)?.stat
  return {
    ...(children ? { children } : {}),
    ...(stat ? { version: stat.version, cversion: stat.cversion } : {}),
  }
}

/**
 * Applies one change and says what to flash: only what really changed, so
 * the re-reads after a reconnect or a new session do not light up the screen.
 */
export function applyChange(change: NodeChange, before: Before): FlashTarget[] {
  const { connectionId, path } = change
  useNodeTabsStore.getState().applyChange(change)
  const store = useTreeStore.getState()
  const tree = store.trees[connectionId]
  if (!tree) return []
  switch (change.change) {
    case 'children':
      return applyChildren(tree, change)
    case 'data': {
      if (change.stat) store.setStats(connectionId, [{ path, stat: change.stat }])
      if (before.version !== undefined && before.version === change.stat?.version) return []
      const shown = useNodeTabsStore.getState().byConnection[connectionId]?.active === path
      return [{ connectionId, path, target: 'row' }, ...(shown ? [{ connectionId, path, target: 'data' as const }] : [])]
    }
    case 'created':
      if (change.stat) store.setStats(connectionId, [{ path, stat: change.stat }])
      return [{ connectionId, path, target: 'row' }]
    case 'deleted':
      // The row shows as missing until its parent's list drops it.
      store.setStats(connectionId, [{ path, error: { code: 'NO_NODE', message: 'deleted', path } }])
      return []
  }
}

function applyChildren(tree: ConnectionTree, change: NodeChange): FlashTarget[] {
  const { connectionId, path, stat } = change
  const store = useTreeStore.getState()
  if (!stat) return []
  const previous = tree.children[path]
  if (!previous) {
    // Not loaded here (a followed node): only its row's Stat is worth keeping fresh.
    store.setStats(connectionId, [{ path, stat }])
    return []
  }
  const names = sortNatural(change.children ?? [])
  const { added, removed } = diffChildren(previous, names)
  const focused = tree.focused
  const lost = removed.find((name) => isWithin(focused, joinPath(path, name)))
  store.setChildren(connectionId, path, names, stat)
  // A node re-created later under the same name must not show the old Stat.
  if (removed.length > 0) store.invalidateStats(connectionId, removed.map((name) => joinPath(path, name)))
  if (lost !== undefined && focused !== tree.openPath) store.focus(connectionId, survivingNeighbour(path, previous, names, lost))
  if (added.length === 0 && removed.length === 0) return []
  return [{ connectionId, path, target: 'row' }, ...added.map((name) => ({ connectionId, path: joinPath(path, name), target: 'row' as const }))]
}
