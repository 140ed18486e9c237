/**
 * Following a subtree: the backend keeps every node of it live (new ones too)
 * and streams their changes, which land in the timeline like any other. Before
 * asking, the console reads the subtree's child lists once, so that the very
 * first change of each node already says which children came and went.
 */
import type { RpcClient } from '../../../../shared/rpc/client'
import { mapLimit } from '../../../../shared/util/map-limit'
import { joinPath } from '../../../../shared/zk/path'
import { toErrorInfo } from '../../i18n/describe-error'
import type { ChangeJournal } from './change-journal'
import { useLiveStore } from './live-store'
import { liveRuntime } from './live-view'

export const DEFAULT_FOLLOW_NODES = 1_000
const IN_FLIGHT = 16

/** The follow call under way per connection, so Stop can cancel it and wait for it to settle. */
const running = new Map<string, { controller: AbortController; done: Promise<unknown> }>()

/** Child lists of up to `maxNodes` nodes below `root`, breadth first; unreadable nodes are skipped. */
async function readBaseline(client: RpcClient, journal: ChangeJournal, connectionId: string, root: string, maxNodes: number, signal: AbortSignal): Promise<void> {
  let level = [root]
  let seen = 0
  while (level.length > 0 && seen < maxNodes) {
    const batch = level.slice(0, maxNodes - seen)
    seen += batch.length
    const lists = await mapLimit(
      batch,
      IN_FLIGHT,
      async (path) => {
        try {
          const { children, stat } = await client.call('getChildren', { connectionId, path }, { signal })
          journal.rememberList(connectionId, path, children, stat.cversion)
          return children.map((name) => joinPath(path, name))
        } catch (error) {
          if (signal.aborted) throw error
          return []
        }
      },
      signal,
    )
    level = lists.flat()
  }
}

export async function startFollow(connectionId: string, root: string, maxNodes: number): Promise<void> {
  const runtime = liveRuntime()
  if (!runtime) return
  await stopFollow(connectionId)
  const followId = `follow-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  const live = useLiveStore.getState()
  live.setFollow(connectionId, { followId, root, maxNodes, phase: 'starting' })
  const controller = new AbortController()
  const { signal } = controller
  const done = (async () => {
    try {
      await readBaseline(runtime.client, runtime.sink.journal, connectionId, root, maxNodes, signal)
      // A large subtree takes a while to walk; no time limit other than Stop.
      const result = await runtime.client.call('followSubtree', { connectionId, followId, root, maxNodes }, { signal, timeoutMs: 0 })
      if (useLiveStore.getState().connections[connectionId]?.follow?.followId !== followId) return
      live.setFollow(connectionId, { followId, root, maxNodes, phase: 'on', watched: result.watched, truncated: result.truncated })
    } catch (error) {
      if (signal.aborted || useLiveStore.getState().connections[connectionId]?.follow?.followId !== followId) return
      live.setFollow(connectionId, { followId, root, maxNodes, phase: 'failed', error: toErrorInfo(error) })
    }
  })()
  running.set(connectionId, { controller, done })
  await done
  if (running.get(connectionId)?.done === done) running.delete(connectionId)
}

export async function stopFollow(connectionId: string): Promise<void> {
  const runtime = liveRuntime()
  const follow = useLiveStore.getState().connections[connectionId]?.follow
  if (!runtime || !follow) return
  useLiveStore.getState().setFollow(connectionId, undefined)
  const call = running.get(connectionId)
  if (call) {
    call.controller.abort()
    // Unfollow only once the follow call is over, so no watch is added after it.
    await call.done
    running.delete(connectionId)
  }
  try {
    await runtime.client.api.unfollowSubtree({ connectionId, followId: follow.followId })
  } catch (error) {
    const info = toErrorInfo(error)
    if (info.code !== 'UNKNOWN_CONNECTION' && info.code !== 'CONNECTION_LOSS') console.error('unfollowSubtree failed', info)
  }
}
