/**
 * Loading children and expanding or collapsing nodes. Cached names show at
 * once; a fresh getChildren replaces them when it answers (names only: the
 * details of each child come later, for rows on screen).
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import { sortChildNames } from './sort-children'
import { joinPath } from '../../../../shared/zk/path'
import { useTreeStore } from '../../stores/tree-store'
import { toErrorInfo } from '../../i18n/describe-error'

export async function loadChildren(api: ZkApi, connectionId: string, path: string): Promise<boolean> {
  const store = useTreeStore.getState()
  store.setLoading(connectionId, path, true)
  try {
    const result = await api.getChildren({ connectionId, path })
    useTreeStore.getState().setChildren(connectionId, path, sortChildNames(result.children), result.stat)
    return true
  } catch (error) {
    const info = toErrorInfo(error)
    const state = useTreeStore.getState()
    state.setLoadError(connectionId, path, { ...info, path })
    if (info.code === 'NO_NODE') state.setStats(connectionId, [{ path, error: info }])
    // Without names there is nothing to show below the node.
    if (!state.trees[connectionId]?.children[path]) state.setExpanded(connectionId, path, false)
    return false
  } finally {
    useTreeStore.getState().setLoading(connectionId, path, false)
  }
}

export function expand(api: ZkApi, connectionId: string, path: string): void {
  useTreeStore.getState().setExpanded(connectionId, path, true)
  void loadChildren(api, connectionId, path)
}

export function collapse(connectionId: string, path: string): void {
  useTreeStore.getState().setExpanded(connectionId, path, false)
}

export function toggle(api: ZkApi, connectionId: string, path: string): void {
  const tree = useTreeStore.getState().trees[connectionId]
  if (tree?.expanded[path]) collapse(connectionId, path)
  else expand(api, connectionId, path)
}

/** Collapses everything below the root, keeping the cache for a quick re-expand. */
export function collapseAll(connectionId: string): void {
  useTreeStore.getState().collapseAll(connectionId)
}

/** Reloads a node's children (if it is expanded) and drops its cached Stats so they are read again. */
export async function refreshNode(api: ZkApi, connectionId: string, path: string): Promise<void> {
  const tree = useTreeStore.getState().trees[connectionId]
  if (!tree) return
  const stale = [path, ...(tree.children[path] ?? []).map((name) => joinPath(path, name))]
  useTreeStore.getState().invalidateStats(connectionId, stale)
  if (tree.expanded[path]) await loadChildren(api, connectionId, path)
}
