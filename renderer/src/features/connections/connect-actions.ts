/**
 * Opening and closing connections, shared by the dialog, the saved list, the
 * sandbox panel and startup. A connection whose first state is a failure gets
 * no workspace: the caller shows why, and the backend's leftover is closed.
 */
import type { ParamsOf, ZkApi } from '../../../../shared/protocol/api'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { useConnectionsStore } from '../../stores/connections-store'
import { useTreeStore } from '../../stores/tree-store'
import { forgetStatRequests } from '../tree/stat-requests'

export type ConnectOutcome = { ok: true; info: ConnectionInfo } | { ok: false; info: ConnectionInfo }

function isFailure(info: ConnectionInfo): boolean {
  return info.state === 'failed' || info.state === 'auth-failed' || info.state === 'expired' || info.state === 'closed'
}

async function settle(api: ZkApi, info: ConnectionInfo): Promise<ConnectOutcome> {
  if (isFailure(info)) {
    // The backend may still list the failed attempt; it is of no use to anyone.
    api.disconnect({ connectionId: info.connectionId }).catch(() => undefined)
    return { ok: false, info }
  }
  useTreeStore.getState().ensureTree(info.connectionId)
  useConnectionsStore.getState().openWorkspace(info)
  return { ok: true, info }
}

export async function connectProfile(api: ZkApi, profileId: string): Promise<ConnectOutcome> {
  return settle(api, await api.connect({ profileId }))
}

export async function connectAdHoc(api: ZkApi, params: ParamsOf<'connectAdHoc'>): Promise<ConnectOutcome> {
  return settle(api, await api.connectAdHoc(params))
}

/** Closes the tab at once; the session closes in the background. */
export function closeConnection(api: ZkApi, connectionId: string): void {
  useConnectionsStore.getState().closeWorkspace(connectionId)
  useTreeStore.getState().dropTree(connectionId)
  forgetStatRequests(connectionId)
  api.disconnect({ connectionId }).catch((error: unknown) => console.error('disconnect failed', error))
}

/** Gives every connection the backend already holds a tab (after a reload of the page). */
export function adoptConnections(infos: readonly ConnectionInfo[]): void {
  const { openWorkspace, activate, activeId } = useConnectionsStore.getState()
  for (const info of infos) {
    if (info.state === 'closed') continue
    useTreeStore.getState().ensureTree(info.connectionId)
    openWorkspace(info)
  }
  // Adopting is not the user choosing a tab: keep the start screen in front.
  activate(activeId)
}
