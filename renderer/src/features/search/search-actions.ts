/**
 * Starting and cancelling searches. The call has no timeout (a walk of a
 * million nodes takes as long as it takes) and is cancelled through its
 * AbortSignal; matches arrive meanwhile as `search.progress` events, which the
 * event bridge hands to the search store.
 */
import type { RpcClient } from '../../../../shared/rpc/client'
import type { SearchParams } from '../../../../shared/protocol/tree-api'
import { useSearchStore } from '../../stores/search-store'
import { toErrorInfo } from '../../i18n/describe-error'

const running = new Map<string, AbortController>()
let counter = 0

function newSearchId(): string {
  counter += 1
  return `s${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`
}

/**
 * The last matches travel as an event just before the summary, and the event
 * bridge applies events on the next animation frame (or its fallback timer).
 * Finishing after that frame keeps "Done: 3 matched" from showing above an
 * empty list for a moment.
 */
function afterQueuedProgress(finish: () => void): void {
  let done = false
  const once = () => {
    if (done) return
    done = true
    finish()
  }
  requestAnimationFrame(once)
  setTimeout(once, 300)
}

/**
 * A cancelled call ends on this side at once, without the backend's summary,
 * so the summary is made here: the counts streamed so far (the walk's last
 * progress event still arrives and raises them) and the time until Cancel.
 * Unreadable nodes are not streamed, so none are claimed.
 */
function finishCancelled(connectionId: string, searchId: string, elapsedMs: number): void {
  const store = useSearchStore.getState()
  const run = store.searches[connectionId]?.run
  if (run?.searchId !== searchId || run.status !== 'running') return
  const { visited, matched } = run
  store.finish(connectionId, searchId, { searchId, visited, matched, unreadable: 0, elapsedMs, stoppedBy: 'cancelled' })
}

export function startSearch(client: RpcClient, params: Omit<SearchParams, 'searchId'>): void {
  const { connectionId } = params
  running.get(connectionId)?.abort()
  const controller = new AbortController()
  running.set(connectionId, controller)
  const searchId = newSearchId()
  const store = useSearchStore.getState()
  const { root, maxDepth, maxNodes, maxResults } = params
  store.begin(connectionId, searchId, { root, maxDepth, maxNodes, maxResults })
  const startedAt = performance.now()
  client.call('searchTree', { ...params, searchId }, { signal: controller.signal, timeoutMs: 0 }).then(
    (summary) => afterQueuedProgress(() => useSearchStore.getState().finish(connectionId, searchId, summary)),
    (error: unknown) => {
      const info = toErrorInfo(error)
      if (info.code === 'CANCELLED') finishCancelled(connectionId, searchId, Math.round(performance.now() - startedAt))
      else useSearchStore.getState().end(connectionId, searchId, 'failed', info)
    },
  ).finally(() => {
    if (running.get(connectionId) === controller) running.delete(connectionId)
  })
}

export function cancelSearch(connectionId: string): void {
  running.get(connectionId)?.abort()
}
