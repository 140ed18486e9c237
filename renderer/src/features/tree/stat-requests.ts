/**
 * Stats for the rows on screen, fetched in batches with getStats and cached
 * in the tree store. A path is asked for at most once while a request for it
 * is in flight; rows that scroll past quickly are never asked for at all,
 * because callers debounce until scrolling settles.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import { useTreeStore } from '../../stores/tree-store'
import { toErrorInfo } from '../../i18n/describe-error'

/** Well under the contract's 5,000-path limit; one screen is about 50 rows. */
const BATCH = 500

const inFlight = new Map<string, Set<string>>()

function pendingFor(connectionId: string): Set<string> {
  let set = inFlight.get(connectionId)
  if (!set) {
    set = new Set()
    inFlight.set(connectionId, set)
  }
  return set
}

export function requestStats(api: ZkApi, connectionId: string, paths: readonly string[]): void {
  const pending = pendingFor(connectionId)
  const tree = useTreeStore.getState().trees[connectionId]
  if (!tree) return
  const wanted = paths.filter((path) => !pending.has(path) && !tree.stats.has(path))
  for (let i = 0; i < wanted.length; i += BATCH) {
    const batch = wanted.slice(i, i + BATCH)
    for (const path of batch) pending.add(path)
    api.getStats({ connectionId, paths: batch }).then(
      (entries) => {
        for (const path of batch) pending.delete(path)
        useTreeStore.getState().setStats(connectionId, entries)
      },
      (error: unknown) => {
        // Leave the paths unknown so that they are asked for again once the
        // session is back; a per-row error would be wrong, the rows are fine.
        for (const path of batch) pending.delete(path)
        const info = toErrorInfo(error)
        if (info.code !== 'NOT_CONNECTED' && info.code !== 'CONNECTION_LOSS' && info.code !== 'UNKNOWN_CONNECTION') {
          console.error('getStats failed', info)
        }
      },
    )
  }
}

export function forgetStatRequests(connectionId: string): void {
  inFlight.delete(connectionId)
}
