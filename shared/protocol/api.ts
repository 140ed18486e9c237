/**
 * THE contract between the renderer and the backend. Every method takes one
 * params object (validated at runtime by `schemas.ts` before dispatch) and
 * resolves with plain JSON-safe data, or rejects with a ZkError carrying an
 * ErrorCode.
 */
import type {
  AppInfo,
  ChildrenResult,
  ConnectionInfo,
  ConnectionProfile,
  Environment,
  NodeResult,
  SandboxInfo,
  StatEntry,
  ZnodeStat,
} from './types'
import type { TreeApi, TreeEvents } from './tree-api'
import type { WatchApi, WatchEvents } from './watch-api'
import type { MonitorApi, MonitorEvents } from './monitor-api'
import type { EditApi, EditEvents } from './edit-api'
import type { HostApi } from './host-api'

/** Fields a user edits for a profile. */
export interface ProfileInput {
  /** Present when updating an existing profile. */
  id?: string
  name: string
  connectString: string
  sessionTimeoutMs: number
  environment: Environment
  readOnly: boolean
}

export interface NodeRef {
  connectionId: string
  path: string
}

export interface ZkApi extends TreeApi, WatchApi, MonitorApi, EditApi, HostApi {
  /** What this backend is and what the command line asked for. */
  getAppInfo(p: Record<string, never>): Promise<AppInfo>

  /** Saved connection profiles, without secrets. */
  listProfiles(p: Record<string, never>): Promise<ConnectionProfile[]>
  /**
   * Creates or updates a profile. `credentials` (`user:password` each) replace
   * the stored ones when given and are kept as they are when omitted.
   * `rememberCredentials` keeps them beyond this process (encrypted on desktop;
   * in web mode in a file only with this explicit choice).
   */
  saveProfile(p: {
    profile: ProfileInput
    credentials?: string[]
    rememberCredentials: boolean
  }): Promise<ConnectionProfile>
  deleteProfile(p: { profileId: string }): Promise<void>

  /** Opens a session for a saved profile. Resolves once the first state is known. */
  connect(p: { profileId: string }): Promise<ConnectionInfo>
  /** Opens a session for a connect string that is not saved (for example `--connect`). */
  connectAdHoc(p: {
    name?: string
    connectString: string
    sessionTimeoutMs?: number
    credentials?: string[]
    readOnly?: boolean
    environment?: Environment
  }): Promise<ConnectionInfo>
  /**
   * Opens a fresh session for an open connection, with the same settings and
   * credentials, after it failed, expired or lost its authentication.
   */
  reconnect(p: { connectionId: string }): Promise<ConnectionInfo>
  /**
   * Adds digest credentials (`user:password`) to an open connection for as long as it is open,
   * for example to read a node that answered NO_AUTH. The saved profile is not changed.
   */
  addCredentials(p: { connectionId: string; credentials: string[] }): Promise<ConnectionInfo>
  /** Closes the session; ephemeral nodes it owns go away. */
  disconnect(p: { connectionId: string }): Promise<void>
  /** Every open connection with its current state. */
  listConnections(p: Record<string, never>): Promise<ConnectionInfo[]>

  /** Child names (unsorted, as the server returns them) and the parent's Stat. */
  getChildren(p: NodeRef): Promise<ChildrenResult>
  /** Raw bytes, Stat and ACL of one node. */
  getNode(p: NodeRef): Promise<NodeResult>
  /** The Stat of a node, or null when it does not exist. */
  exists(p: NodeRef): Promise<{ stat: ZnodeStat | null }>
  /** Stats of many nodes at once, pipelined; one entry per path, errors per entry. */
  getStats(p: { connectionId: string; paths: string[] }): Promise<StatEntry[]>

  /** The local sandbox ensemble. */
  getSandbox(p: Record<string, never>): Promise<SandboxInfo>
  /** Starts (and seeds, the first time) the local 3-member sandbox ensemble. */
  startSandbox(p: Record<string, never>): Promise<SandboxInfo>
  stopSandbox(p: Record<string, never>): Promise<SandboxInfo>
}

/** Events pushed from the backend. */
export interface ZkEvents extends TreeEvents, WatchEvents, MonitorEvents, EditEvents {
  /** A connection's session changed state (also sent once when it opens). */
  'session.state': ConnectionInfo
  /** The sandbox ensemble changed state. */
  'sandbox.state': SandboxInfo
  /** The saved profiles changed. */
  'profiles.changed': { profiles: ConnectionProfile[] }
}

export type ZkMethod = keyof ZkApi
export type ZkEventName = keyof ZkEvents
export type ParamsOf<M extends ZkMethod> = Parameters<ZkApi[M]>[0]
export type ResultOf<M extends ZkMethod> = Awaited<ReturnType<ZkApi[M]>>
