/**
 * The live view of this window: the sink for live events, the watch manager
 * that follows the tree, and the budget setting. Started once by the event
 * bridge. Follow actions reach it through liveRuntime(): they need the same
 * journal the sink writes with, and there is one window per renderer.
 */
import type { RpcClient } from '../../../../shared/rpc/client'
import { DisposableStore, type Disposable } from '../../../../shared/util/disposable'
import { useTimelineStore } from '../../stores/timeline-store'
import { startBudgetSync } from './budget-sync'
import { useLiveStore } from './live-store'
import { createLiveSink, type LiveSink } from './live-sink'
import { startWatchManager } from './watch-manager'
import '../../styles/live.css'

export interface LiveRuntime {
  client: RpcClient
  sink: LiveSink
}

let runtime: LiveRuntime | null = null

export function liveRuntime(): LiveRuntime | null {
  return runtime
}

export function startLiveView(client: RpcClient): Disposable & { sink: LiveSink } {
  const store = new DisposableStore()
  const sink = store.add(createLiveSink())
  const budget = store.add(startBudgetSync(client.api))
  store.add(
    startWatchManager(client.api, {
      onStatus: (status) => {
        useLiveStore.getState().setStatus(status)
        budget.seen(status)
      },
      onDropped: (connectionId) => {
        budget.forget(connectionId)
        sink.journal.forget(connectionId)
        useTimelineStore.getState().drop(connectionId)
        useLiveStore.getState().drop(connectionId)
      },
    }),
  )
  const mine: LiveRuntime = { client, sink }
  runtime = mine
  store.add({
    dispose: () => {
      if (runtime === mine) runtime = null
    },
  })
  return { sink, dispose: () => store.dispose() }
}
