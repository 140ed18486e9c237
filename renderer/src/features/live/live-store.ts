/**
 * What the live view knows per connection beyond the tree and the inspector:
 * the watch budget state the backend reports, the followed subtree, and the
 * new-session notice the user dismissed.
 */
import { create } from 'zustand'
import type { ErrorInfo } from '../../../../shared/protocol/errors'
import type { WatchStatus } from '../../../../shared/protocol/watch-api'

export interface FollowState {
  followId: string
  root: string
  maxNodes: number
  phase: 'starting' | 'on' | 'failed'
  /** Nodes of the subtree live, once the backend has walked it. */
  watched?: number
  truncated?: boolean
  error?: ErrorInfo
}

export interface LiveConnection {
  status?: WatchStatus
  follow?: FollowState
  /** The last time a new session replaced an expired one, and the ephemeral nodes seen here that went with the old one. */
  renewal?: { since: number; lost: readonly string[] }
  /** `since` of the new-session notice the user dismissed. */
  dismissedRenewal?: number
}

export interface LiveState {
  connections: Readonly<Record<string, LiveConnection>>
  setStatus(status: WatchStatus): void
  setFollow(connectionId: string, follow: FollowState | undefined): void
  setRenewal(connectionId: string, since: number, lost: readonly string[]): void
  dismissRenewal(connectionId: string, since: number): void
  drop(connectionId: string): void
}

const EMPTY: LiveConnection = {}

export const useLiveStore = create<LiveState>()((set) => {
  const update = (connectionId: string, change: (c: LiveConnection) => LiveConnection | null) =>
    set((s) => {
      const current = s.connections[connectionId] ?? EMPTY
      const next = change(current)
      return next && next !== current ? { connections: { ...s.connections, [connectionId]: next } } : s
    })
  return {
    connections: {},
    setStatus: (status) => update(status.connectionId, (c) => ({ ...c, status })),
    setFollow: (connectionId, follow) =>
      update(connectionId, (c) => {
        if (follow) return { ...c, follow }
        const { follow: _stopped, ...rest } = c
        return rest
      }),
    setRenewal: (connectionId, since, lost) => update(connectionId, (c) => ({ ...c, renewal: { since, lost } })),
    dismissRenewal: (connectionId, since) => update(connectionId, (c) => ({ ...c, dismissedRenewal: since })),
    drop: (connectionId) =>
      set((s) => {
        if (!s.connections[connectionId]) return s
        const { [connectionId]: _dropped, ...rest } = s.connections
        return { connections: rest }
      }),
  }
})

export const selectWatchStatus =
  (connectionId: string) =>
  (s: LiveState): WatchStatus | undefined =>
    s.connections[connectionId]?.status

export const selectFollow =
  (connectionId: string) =>
  (s: LiveState): FollowState | undefined =>
    s.connections[connectionId]?.follow

export const selectLive =
  (connectionId: string) =>
  (s: LiveState): LiveConnection | undefined =>
    s.connections[connectionId]
