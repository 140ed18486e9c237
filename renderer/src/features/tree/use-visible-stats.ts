import { useEffect } from 'react'
import type { ZkApi } from '../../../../shared/protocol/api'
import type { TreeRow } from '../../stores/tree-rows'
import { useTreeStore } from '../../stores/tree-store'
import { requestStats } from './stat-requests'

/** Scrolling fast past rows should not ask for them; this is how long the view must rest. */
const SETTLE_MS = 80

/** Asks for the Stats of the rows between `first` and `last` that are not cached yet. */
export function useVisibleStats(
  api: ZkApi,
  connectionId: string,
  rows: readonly TreeRow[],
  first: number,
  last: number,
  statsRev: number,
  live: boolean,
): void {
  useEffect(() => {
    if (!live || last < first) return
    const stats = useTreeStore.getState().trees[connectionId]?.stats
    if (!stats) return
    const missing: string[] = []
    for (let i = first; i <= last; i++) {
      const row = rows[i]
      if (row && !stats.has(row.path)) missing.push(row.path)
    }
    if (missing.length === 0) return
    const timer = setTimeout(() => requestStats(api, connectionId, missing), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [api, connectionId, rows, first, last, statsRev, live])
}
