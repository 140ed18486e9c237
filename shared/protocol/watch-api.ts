/**
 * Live view: the renderer says which paths it shows (expanded nodes watch
 * their children, open nodes their data) and the backend keeps one-shot
 * ZooKeeper watches armed on exactly those, reference-counted across views
 * and within a per-connection budget, pushing every change back.
 */
import { z } from 'zod'
import type { NodeData } from '../zk/node-data'
import type { ZnodeStat } from '../zk/stat'

export const WATCH_KINDS = ['children', 'data'] as const
export type WatchKind = (typeof WATCH_KINDS)[number]

export interface WatchSpec {
  path: string
  kind: WatchKind
  /** What the caller already shows, so a change that raced the arming is still reported. */
  seen?: { version?: number; cversion?: number }
}

export interface WatchStatus {
  connectionId: string
  /** Distinct paths with at least one armed watch. */
  watchedPaths: number
  budget: number
  /** Paths asked for but not live because the budget is spent (first few). */
  notLive: string[]
  notLiveCount: number
}

export type NodeChangeKind = 'created' | 'deleted' | 'data' | 'children'

export interface NodeChange {
  connectionId: string
  path: string
  change: NodeChangeKind
  /** Wall-clock ms when the backend learned of it. */
  at: number
  stat?: ZnodeStat
  /** For 'children': the full new list. */
  children?: string[]
  /** For 'data': the new bytes. */
  data?: NodeData
  /** For 'data': the version the backend saw before. */
  previousVersion?: number
  /** Set when the change was found by re-reading after a reconnect or a new session, not by a notification. */
  resync?: boolean
}

export interface FollowResult {
  followId: string
  /** Nodes of the subtree now live. */
  watched: number
  /** True when the subtree did not fit the budget or the node limit. */
  truncated: boolean
}

export interface WatchApi {
  /** Adds and removes watches owned by the calling peer; returns the connection's budget state. */
  updateWatches(p: { connectionId: string; add?: WatchSpec[]; remove?: WatchSpec[] }): Promise<WatchStatus>
  /** Keeps every node of a subtree live (children and data), new nodes included, within the budget. */
  followSubtree(p: { connectionId: string; followId: string; root: string; maxNodes: number }): Promise<FollowResult>
  unfollowSubtree(p: { connectionId: string; followId: string }): Promise<void>
  getWatchStatus(p: { connectionId: string }): Promise<WatchStatus>
  /** Sets how many paths this connection may watch (default 5,000). */
  setWatchBudget(p: { connectionId: string; budget: number }): Promise<WatchStatus>
}

export interface WatchEvents {
  /** A watched node changed. Sent to the peers that watch it. */
  'node.changed': NodeChange
  /** The connection's watch budget state changed. */
  'watch.status': WatchStatus
}

export const watchParamSchemas = (zPath: z.ZodType<string>) => {
  const zId = z.string().min(1).max(200)
  const zSpec = z.strictObject({
    path: zPath,
    kind: z.enum(WATCH_KINDS),
    seen: z.strictObject({ version: z.number().int().optional(), cversion: z.number().int().optional() }).optional(),
  })
  return {
    updateWatches: z.strictObject({
      connectionId: zId,
      add: z.array(zSpec).max(20_000).optional(),
      remove: z.array(zSpec).max(20_000).optional(),
    }),
    followSubtree: z.strictObject({ connectionId: zId, followId: zId, root: zPath, maxNodes: z.number().int().min(1).max(100_000) }),
    unfollowSubtree: z.strictObject({ connectionId: zId, followId: zId }),
    getWatchStatus: z.strictObject({ connectionId: zId }),
    setWatchBudget: z.strictObject({ connectionId: zId, budget: z.number().int().min(1).max(100_000) }),
  }
}
