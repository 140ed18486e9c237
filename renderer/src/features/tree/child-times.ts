/**
 * Sorting children by ctime or mtime needs their Stats. They are read only
 * when the user picks such a sort, for the loaded children of that one node,
 * in batches with several in flight on the session, with progress, and can be
 * cancelled. Stats already cached (rows that were on screen) are not read again.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import { joinPath } from '../../../../shared/zk/path'
import { mapLimit } from '../../../../shared/util/map-limit'
import { useTreeStore } from '../../stores/tree-store'
import { loadChildren } from './tree-actions'

const BATCH = 1_000
const IN_FLIGHT = 4

export interface Progress {
  done: number
  total: number
}

export async function loadChildStats(
  api: ZkApi,
  connectionId: string,
  path: string,
  onProgress: (progress: Progress) => void,
  signal: AbortSignal,
): Promise<void> {
  // The sort is of the loaded children: load them first if the node was never listed.
  if (!useTreeStore.getState().trees[connectionId]?.children[path]) await loadChildren(api, connectionId, path)
  signal.throwIfAborted()
  const tree = useTreeStore.getState().trees[connectionId]
  const names = tree?.children[path] ?? []
  const missing = names.map((name) => joinPath(path, name)).filter((child) => !tree?.stats.get(child)?.stat)
  const batches: string[][] = []
  for (let i = 0; i < missing.length; i += BATCH) batches.push(missing.slice(i, i + BATCH))
  let done = 0
  onProgress({ done, total: missing.length })
  await mapLimit(
    batches,
    IN_FLIGHT,
    async (batch) => {
      const entries = await api.getStats({ connectionId, paths: batch })
      signal.throwIfAborted()
      useTreeStore.getState().setStats(connectionId, entries)
      done += batch.length
      onProgress({ done, total: missing.length })
    },
    signal,
  )
}
