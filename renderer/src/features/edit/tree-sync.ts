/**
 * Makes the tree show a write at once. Watches (when live updates are on)
 * bring the same change a moment later; reloading a parent twice is harmless.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import { parentPath } from '../../../../shared/zk/path'
import { useTreeStore } from '../../stores/tree-store'
import { expand, refreshNode } from '../tree/tree-actions'

/** Reloads the children of the parents of `paths` (the ones the tree has loaded). */
export async function showChanges(api: ZkApi, connectionId: string, paths: readonly string[]): Promise<void> {
  const parents = new Set<string>()
  for (const path of paths) parents.add(parentPath(path) ?? '/')
  await Promise.all([...parents].map((parent) => refreshNode(api, connectionId, parent)))
}

/** After a create: reloads the parent, expands down to the new node and selects it. */
export async function revealCreated(api: ZkApi, connectionId: string, path: string, createdParents: readonly string[]): Promise<void> {
  const top = createdParents[0] ?? path
  await showChanges(api, connectionId, [top])
  const chain = [parentPath(top) ?? '/', ...createdParents]
  for (const node of chain) expand(api, connectionId, node)
  useTreeStore.getState().focus(connectionId, path)
}
