/**
 * The ONE subscriber to backend events. Events are queued, coalesced per
 * animation frame (only the newest state of each connection, of the sandbox and
 * of the profile list matters) and applied to the stores as plain data.
 */
import type { RpcClient } from '../../../shared/rpc/client'
import type { ConnectionInfo, ConnectionProfile, SandboxInfo } from '../../../shared/protocol/types'
import { DisposableStore, type Disposable } from '../../../shared/util/disposable'
import { useConnectionsStore } from '../stores/connections-store'
import { useSandboxStore } from '../stores/sandbox-store'
import { useAppStore } from '../stores/app-store'
import { applySearchProgress } from '../stores/search-store'
import { createFrameBatcher } from './frame-batcher'
import { applyMonitorEvents, monitorEventKey, type MonitorBridgeEvent } from '../features/monitor/monitor-events'
import { startLiveView } from '../features/live/live-view'
import { startEditEvents } from '../features/edit/edit-events'

type Queued =
  | { kind: 'session'; info: ConnectionInfo }
  | { kind: 'sandbox'; info: SandboxInfo }
  | { kind: 'profiles'; profiles: ConnectionProfile[] }
  | { kind: 'monitor'; item: MonitorBridgeEvent }

/** Keeps the last event per key, in arrival order of the last occurrence. */
export function coalesce(items: readonly Queued[]): Queued[] {
  const last = new Map<string, Queued>()
  for (const item of items) {
    const key = item.kind === 'session' ? `session:${item.info.connectionId}` : item.kind === 'monitor' ? monitorEventKey(item.item) : item.kind
    last.delete(key)
    last.set(key, item)
  }
  return [...last.values()]
}

function apply(items: Queued[]): void {
  const sessions: ConnectionInfo[] = []
  const monitor: MonitorBridgeEvent[] = []
  for (const item of coalesce(items)) {
    if (item.kind === 'session') sessions.push(item.info)
    else if (item.kind === 'monitor') monitor.push(item.item)
    else if (item.kind === 'sandbox') useSandboxStore.getState().setSandbox(item.info)
    else useConnectionsStore.getState().setProfiles(item.profiles)
  }
  if (sessions.length > 0) useConnectionsStore.getState().applySessionStates(sessions)
  if (monitor.length > 0) applyMonitorEvents(monitor)
}

export function startEventBridge(client: RpcClient): Disposable {
  const store = new DisposableStore()
  const batcher = store.add(createFrameBatcher<Queued>(apply))
  // Live events keep every state (the timeline lists each one) and a lone change goes through at once: their own batch.
  const live = store.add(startLiveView(client))
  store.add(
    client.on('session.state', (info) => {
      batcher.push({ kind: 'session', info })
      live.sink.sessionState(info)
    }),
  )
  store.add(client.on('node.changed', (change) => live.sink.nodeChanged(change)))
  store.add(client.on('watch.status', (status) => live.sink.watchStatus(status)))
  store.add(client.on('sandbox.state', (info) => batcher.push({ kind: 'sandbox', info })))
  store.add(client.on('profiles.changed', ({ profiles }) => batcher.push({ kind: 'profiles', profiles })))
  // Every sample, alert and leader change is kept; only a monitor's newest member list and lifecycle state matter.
  store.add(client.on('monitor.sample', (payload) => batcher.push({ kind: 'monitor', item: { event: 'monitor.sample', payload } })))
  store.add(client.on('monitor.alert', (payload) => batcher.push({ kind: 'monitor', item: { event: 'monitor.alert', payload } })))
  store.add(client.on('monitor.leader', (payload) => batcher.push({ kind: 'monitor', item: { event: 'monitor.leader', payload } })))
  store.add(client.on('monitor.members', (payload) => batcher.push({ kind: 'monitor', item: { event: 'monitor.members', payload } })))
  store.add(client.on('monitor.lifecycle', (payload) => batcher.push({ kind: 'monitor', item: { event: 'monitor.lifecycle', payload } })))
  // Edit progress and reports (by operationId) go to the edit store.
  store.add(startEditEvents(client))
  // Search progress is not coalesced (every event carries matches), only batched per frame.
  const searches = store.add(createFrameBatcher(applySearchProgress))
  store.add(client.on('search.progress', (progress) => searches.push(progress)))
  store.add(
    client.onClose(() => {
      batcher.flush()
      useAppStore.getState().setBackendLost(true)
    }),
  )
  return store
}
