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
import { createFrameBatcher } from './frame-batcher'

type Queued =
  | { kind: 'session'; info: ConnectionInfo }
  | { kind: 'sandbox'; info: SandboxInfo }
  | { kind: 'profiles'; profiles: ConnectionProfile[] }

/** Keeps the last event per key, in arrival order of the last occurrence. */
export function coalesce(items: readonly Queued[]): Queued[] {
  const last = new Map<string, Queued>()
  for (const item of items) {
    const key = item.kind === 'session' ? `session:${item.info.connectionId}` : item.kind
    last.delete(key)
    last.set(key, item)
  }
  return [...last.values()]
}

function apply(items: Queued[]): void {
  const sessions: ConnectionInfo[] = []
  for (const item of coalesce(items)) {
    if (item.kind === 'session') sessions.push(item.info)
    else if (item.kind === 'sandbox') useSandboxStore.getState().setSandbox(item.info)
    else useConnectionsStore.getState().setProfiles(item.profiles)
  }
  if (sessions.length > 0) useConnectionsStore.getState().applySessionStates(sessions)
}

export function startEventBridge(client: RpcClient): Disposable {
  const store = new DisposableStore()
  const batcher = store.add(createFrameBatcher<Queued>(apply))
  store.add(client.on('session.state', (info) => batcher.push({ kind: 'session', info })))
  store.add(client.on('sandbox.state', (info) => batcher.push({ kind: 'sandbox', info })))
  store.add(client.on('profiles.changed', ({ profiles }) => batcher.push({ kind: 'profiles', profiles })))
  store.add(
    client.onClose(() => {
      batcher.flush()
      useAppStore.getState().setBackendLost(true)
    }),
  )
  return store
}
