/**
 * Keeps the backend's watches in step with what the tree and the inspector's
 * tabs show. It follows their stores rather than components, so watches stay while another view
 * of the workspace is in front, and it sends one updateWatches per connection
 * per short burst of changes (expanding a dozen nodes is one call), in order,
 * so a remove never overtakes the add it undoes.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import type { WatchSpec, WatchStatus } from '../../../../shared/protocol/watch-api'
import type { Disposable } from '../../../../shared/util/disposable'
import { useTreeStore, type ConnectionTree } from '../../stores/tree-store'
import { selectOpenPaths, useNodeTabsStore, type NodeTab } from '../../stores/node-tabs-store'
import { toErrorInfo } from '../../i18n/describe-error'
import { desiredSpecs, diffSpecs, specKey } from './watch-specs'

/** Long enough to gather a burst of expands, short enough not to be noticed. */
const SYNC_DELAY_MS = 30
/** The contract takes up to 20,000 specs per call; smaller calls keep each answer quick. */
const CHUNK = 5_000

export interface WatchManagerOptions {
  onStatus(status: WatchStatus): void
  /** A connection's tree went away (its tab closed): forget what belongs to it. */
  onDropped(connectionId: string): void
}

interface Inputs {
  expanded: ConnectionTree['expanded']
  children: ConnectionTree['children']
  openPath: ConnectionTree['openPath']
  tabs: readonly NodeTab[]
}

const quietCodes = new Set(['UNKNOWN_CONNECTION', 'CONNECTION_LOSS'])

export function startWatchManager(api: ZkApi, options: WatchManagerOptions): Disposable {
  const current = new Map<string, Map<string, WatchSpec>>()
  const inputs = new Map<string, Inputs>()
  const queues = new Map<string, Promise<void>>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let disposed = false

  const enqueue = (connectionId: string, add: WatchSpec[], remove: WatchSpec[]) => {
    const previous = queues.get(connectionId) ?? Promise.resolve()
    const next = previous.then(async () => {
      for (let i = 0; i < Math.max(add.length, remove.length); i += CHUNK) {
        const part = { add: add.slice(i, i + CHUNK), remove: remove.slice(i, i + CHUNK) }
        try {
          options.onStatus(await api.updateWatches({ connectionId, ...part }))
        } catch (error) {
          const info = toErrorInfo(error)
          if (!quietCodes.has(info.code)) console.error('updateWatches failed', info)
          // Whatever was not added is asked for again the next time the tree changes.
          const mine = current.get(connectionId)
          for (const spec of part.add) mine?.delete(specKey(spec))
          inputs.delete(connectionId)
          if (info.code === 'UNKNOWN_CONNECTION') return
        }
      }
    })
    queues.set(connectionId, next)
    void next.finally(() => {
      if (queues.get(connectionId) === next) queues.delete(connectionId)
    })
  }

  const sync = () => {
    timer = null
    if (disposed) return
    const trees = useTreeStore.getState().trees
    const nodeTabs = useNodeTabsStore.getState()
    for (const [connectionId, tree] of Object.entries(trees)) {
      const tabs = selectOpenPaths(connectionId)(nodeTabs)
      const last = inputs.get(connectionId)
      if (
        last &&
        last.expanded === tree.expanded &&
        last.children === tree.children &&
        last.openPath === tree.openPath &&
        last.tabs === tabs
      ) {
        continue
      }
      inputs.set(connectionId, { expanded: tree.expanded, children: tree.children, openPath: tree.openPath, tabs })
      const had = current.get(connectionId) ?? new Map<string, WatchSpec>()
      const desired = desiredSpecs(tree, tabs)
      const { add, remove } = diffSpecs(had, desired)
      current.set(connectionId, desired)
      if (add.length > 0 || remove.length > 0) enqueue(connectionId, add, remove)
    }
    for (const [connectionId, had] of [...current]) {
      if (trees[connectionId]) continue
      current.delete(connectionId)
      inputs.delete(connectionId)
      // The session is usually closing too; the backend then drops these by itself.
      if (had.size > 0) enqueue(connectionId, [], [...had.values()].map(({ path, kind }) => ({ path, kind })))
      options.onDropped(connectionId)
    }
  }

  const schedule = () => {
    if (timer === null && !disposed) timer = setTimeout(sync, SYNC_DELAY_MS)
  }
  const unsubscribeTree = useTreeStore.subscribe((state, previous) => {
    if (state.trees !== previous.trees) schedule()
  })
  const unsubscribeTabs = useNodeTabsStore.subscribe((state, previous) => {
    if (state.byConnection !== previous.byConnection) schedule()
  })
  schedule()

  return {
    dispose() {
      disposed = true
      unsubscribeTree()
      unsubscribeTabs()
      if (timer !== null) clearTimeout(timer)
    },
  }
}
