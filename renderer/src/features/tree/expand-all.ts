/**
 * Expand all below a node, with a size guard. The subtree is measured level
 * by level from the Stats' numChildren before each level is listed, so a
 * node with a million descendants costs one level of Stats, not a million
 * names, before the user is asked.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import type { ChildrenResult, StatEntry } from '../../../../shared/protocol/types'
import type { ErrorInfo } from '../../../../shared/protocol/errors'
import { joinPath } from '../../../../shared/zk/path'
import { sortChildNames } from './sort-children'
import { mapLimit } from '../../../../shared/util/map-limit'
import { useTreeStore } from '../../stores/tree-store'
import { toErrorInfo } from '../../i18n/describe-error'

/** Above this many nodes the user is asked first. */
export const EXPAND_ALL_ASK = 2_000
/** Above this many nodes expanding all is refused: it would be no easier to read than a search. */
export const EXPAND_ALL_MAX = 50_000

const LIST_IN_FLIGHT = 8
const STAT_BATCH = 1_000
const STAT_IN_FLIGHT = 4

export type ExpandAllResult =
  | { status: 'done'; nodes: number }
  | { status: 'too-many'; atLeast: number }
  | { status: 'error'; error: ErrorInfo }

async function statsOf(api: ZkApi, connectionId: string, paths: readonly string[]): Promise<void> {
  const stats = useTreeStore.getState().trees[connectionId]?.stats
  const missing = paths.filter((path) => !stats?.get(path)?.stat)
  const batches: string[][] = []
  for (let i = 0; i < missing.length; i += STAT_BATCH) batches.push(missing.slice(i, i + STAT_BATCH))
  const answers = await mapLimit(batches, STAT_IN_FLIGHT, (batch) => api.getStats({ connectionId, paths: batch }))
  const entries: StatEntry[] = answers.flat()
  if (entries.length > 0) useTreeStore.getState().setStats(connectionId, entries)
}

/**
 * Lists every node below `path` and expands those with children, unless the
 * subtree has more than `limit` nodes, in which case nothing is expanded and
 * the count seen so far is returned.
 */
export async function expandAllBelow(api: ZkApi, connectionId: string, path: string, limit: number): Promise<ExpandAllResult> {
  const store = useTreeStore.getState()
  store.setLoading(connectionId, path, true)
  try {
    let level = [path]
    let total = 0
    const parents: string[] = []
    while (level.length > 0) {
      await statsOf(api, connectionId, level)
      const tree = useTreeStore.getState().trees[connectionId]
      if (!tree) return { status: 'error', error: { code: 'UNKNOWN_CONNECTION', message: '' } }
      const withChildren = level.filter((p) => (tree.stats.get(p)?.stat?.numChildren ?? 0) > 0)
      total += withChildren.reduce((sum, p) => sum + (tree.stats.get(p)?.stat?.numChildren ?? 0), 0)
      if (total > limit) return { status: 'too-many', atLeast: total }
      const listed = await mapLimit(withChildren, LIST_IN_FLIGHT, (p) =>
        api.getChildren({ connectionId, path: p }).then(
          (result): [string, ChildrenResult | null] => [p, result],
          // A node deleted (or closed to us) meanwhile is left out, not fatal.
          (): [string, ChildrenResult | null] => [p, null],
        ),
      )
      // Applied in one go: one render for the whole level.
      const next: string[] = []
      const state = useTreeStore.getState()
      for (const [parent, result] of listed) {
        if (!result) continue
        const names = sortChildNames(result.children)
        state.setChildren(connectionId, parent, names, result.stat)
        if (names.length > 0) parents.push(parent)
        for (const name of names) next.push(joinPath(parent, name))
      }
      level = next
    }
    useTreeStore.getState().expandMany(connectionId, parents.length > 0 ? parents : [path])
    return { status: 'done', nodes: total }
  } catch (error) {
    return { status: 'error', error: toErrorInfo(error) }
  } finally {
    useTreeStore.getState().setLoading(connectionId, path, false)
  }
}

export function collapseAllBelow(connectionId: string, path: string): void {
  useTreeStore.getState().collapseBelow(connectionId, path)
}
