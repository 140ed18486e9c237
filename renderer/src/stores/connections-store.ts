/**
 * Saved profiles and open connections. A connection gets a workspace tab once
 * this window opened it (or found it open on load); session events for other
 * connections are kept but do not open tabs.
 */
import { create } from 'zustand'
import type { ConnectionInfo, ConnectionProfile, SessionState } from '../../../shared/protocol/types'

export interface ConnectionsState {
  profiles: ConnectionProfile[]
  profilesLoaded: boolean
  /** Latest known info per connection id. */
  connections: Record<string, ConnectionInfo>
  /** Workspace tabs, left to right. */
  order: string[]
  /** The tab in front; null shows the start screen. */
  activeId: string | null
  setProfiles(profiles: ConnectionProfile[]): void
  applySessionStates(infos: readonly ConnectionInfo[]): void
  /** Gives a connection a tab (if it has none) and brings it to the front. */
  openWorkspace(info: ConnectionInfo): void
  closeWorkspace(connectionId: string): void
  activate(connectionId: string | null): void
}

/** Events and call results race; the newer state (by `since`) wins. */
function newer(existing: ConnectionInfo | undefined, incoming: ConnectionInfo): ConnectionInfo {
  if (existing && existing.since > incoming.since) return existing
  return incoming
}

export const useConnectionsStore = create<ConnectionsState>()((set) => ({
  profiles: [],
  profilesLoaded: false,
  connections: {},
  order: [],
  activeId: null,
  setProfiles: (profiles) => set({ profiles, profilesLoaded: true }),
  applySessionStates: (infos) =>
    set((s) => {
      const connections = { ...s.connections }
      for (const info of infos) {
        const existing = connections[info.connectionId]
        // A late "closed" for a tab the user already closed must not bring it back.
        if (!existing && info.state === 'closed') continue
        connections[info.connectionId] = newer(existing, info)
      }
      return { connections }
    }),
  openWorkspace: (info) =>
    set((s) => ({
      connections: { ...s.connections, [info.connectionId]: newer(s.connections[info.connectionId], info) },
      order: s.order.includes(info.connectionId) ? s.order : [...s.order, info.connectionId],
      activeId: info.connectionId,
    })),
  closeWorkspace: (connectionId) =>
    set((s) => {
      const index = s.order.indexOf(connectionId)
      const order = s.order.filter((id) => id !== connectionId)
      const { [connectionId]: _closed, ...connections } = s.connections
      const activeId =
        s.activeId === connectionId ? (order[Math.min(index, order.length - 1)] ?? null) : s.activeId
      return { order, connections, activeId }
    }),
  activate: (activeId) => set({ activeId }),
}))

export const selectActiveConnection = (s: ConnectionsState): ConnectionInfo | null =>
  s.activeId ? (s.connections[s.activeId] ?? null) : null

export const selectConnection =
  (connectionId: string) =>
  (s: ConnectionsState): ConnectionInfo | undefined =>
    s.connections[connectionId]

export const selectProfile =
  (profileId: string | undefined) =>
  (s: ConnectionsState): ConnectionProfile | undefined =>
    profileId === undefined ? undefined : s.profiles.find((p) => p.id === profileId)

/** States in which requests can be served (possibly from a reconnected session). */
export function isLive(state: SessionState): boolean {
  return state === 'connected' || state === 'reconnected'
}

/** States after which the session will not come back by itself. */
export function isFinal(state: SessionState): boolean {
  return state === 'expired' || state === 'auth-failed' || state === 'failed' || state === 'closed'
}
