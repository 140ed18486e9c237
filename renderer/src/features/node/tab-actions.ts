/**
 * What the tabs UI and other features do to the inspector's tabs. The tree
 * store's `openPath` follows the active tab, so the tree and the inspector
 * agree on "the open node" and a plain click on the same row again is a no-op.
 */
import { useNodeTabsStore } from '../../stores/node-tabs-store'
import { useTreeStore } from '../../stores/tree-store'

/** Opens a node in a tab of its own (middle click, Ctrl+Enter, search results…). */
export function openInNewTab(connectionId: string, path: string): void {
  useNodeTabsStore.getState().openTab(connectionId, path)
  useTreeStore.getState().open(connectionId, path)
}

/** Moves the tree's selection to a node when the tree shows its row. */
function selectInTree(connectionId: string, path: string): void {
  const tree = useTreeStore.getState().trees[connectionId]
  if (tree && tree.focused !== path && tree.rows.some((row) => row.path === path)) useTreeStore.getState().focus(connectionId, path)
}

/** Activates a tab; the tree's selection follows. */
export function activateTab(connectionId: string, path: string): void {
  useNodeTabsStore.getState().activate(connectionId, path)
  selectInTree(connectionId, path)
  useTreeStore.getState().open(connectionId, path)
}

export function closeTab(connectionId: string, path: string): void {
  const active = useNodeTabsStore.getState().close(connectionId, path)
  // The tree's selection follows the active tab, as when a tab is activated.
  if (active && useTreeStore.getState().trees[connectionId]?.focused === path) selectInTree(connectionId, active)
  useTreeStore.getState().open(connectionId, active)
}

// The tabs (and the data they hold) of a connection go when its tree goes,
// whether or not the inspector is on screen at that moment.
useTreeStore.subscribe((s, previous) => {
  for (const connectionId of Object.keys(previous.trees)) {
    if (!s.trees[connectionId]) useNodeTabsStore.getState().drop(connectionId)
  }
})
