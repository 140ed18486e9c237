/**
 * Plain data that crosses the contract. Every 64-bit value is a string; znode
 * bytes travel as base64 (see NodeData).
 */
import type { ZnodeStat } from '../zk/stat'
import type { NodeData } from '../zk/node-data'
import type { ErrorInfo } from './errors'

export type { ZnodeStat, NodeData }

/** Environment tags, each shown as a colour wherever the connection appears. */
export const ENVIRONMENTS = ['production', 'staging', 'test', 'development', 'local', 'none'] as const
export type Environment = (typeof ENVIRONMENTS)[number]

/** A saved connection. Passwords are never part of it. */
export interface ConnectionProfile {
  id: string
  name: string
  /** `host:port[,host:port…][/chroot]` */
  connectString: string
  sessionTimeoutMs: number
  environment: Environment
  readOnly: boolean
  /** The user names of the digest credentials held for this profile. */
  authUsers: string[]
  /** Where the credentials live: nowhere, this process's memory, or encrypted on disk. */
  credentialStorage: 'none' | 'memory' | 'encrypted' | 'plain-file'
}

export const SESSION_STATES = [
  'connecting',
  'connected',
  'disconnected',
  'reconnected',
  'expired',
  'auth-failed',
  'failed',
  'closed',
] as const
export type SessionState = (typeof SESSION_STATES)[number]

/** One open connection and the state of its session. */
export interface ConnectionInfo {
  connectionId: string
  profileId?: string
  name: string
  connectString: string
  chroot?: string
  environment: Environment
  readOnly: boolean
  state: SessionState
  /** The session id, hex, once the server has assigned one. */
  sessionId?: string
  /** The session timeout the server granted, in ms. */
  negotiatedTimeoutMs?: number
  /** The member the session is connected to, `host:port`. */
  server?: string
  /** While disconnected: wall-clock ms at which the server will expire the session. */
  expiresAt?: number
  /** Why the state changed, in words (for failed, auth-failed, expired). */
  message?: string
  /** Wall-clock ms of this state change. */
  since: number
}

export interface AclEntry {
  scheme: string
  id: string
  /** Bit set: READ 1, WRITE 2, CREATE 4, DELETE 8, ADMIN 16. */
  perms: number
}

export interface ChildrenResult {
  path: string
  children: string[]
  stat: ZnodeStat
}

export interface NodeResult {
  path: string
  data: NodeData
  stat: ZnodeStat
  acl: AclEntry[]
}

export interface StatEntry {
  path: string
  stat?: ZnodeStat
  error?: ErrorInfo
}

export interface SandboxMember {
  id: number
  clientPort: number
  adminPort: number
  pid?: number
}

export interface SandboxInfo {
  /** 'unavailable': this host was started without the sandbox, so it cannot be started here. */
  state: 'stopped' | 'starting' | 'running' | 'stopping' | 'failed' | 'unavailable'
  connectString?: string
  members: SandboxMember[]
  /** Digest credentials that open the ACL-protected demo subtree, `user:password`. */
  credentials: string[]
  /** Where the protected demo subtree is. */
  protectedPath?: string
  message?: string
  /** What to run to install what is missing. */
  installHint?: string
}

export interface AppInfo {
  version: string
  host: 'desktop' | 'web'
  /** What the command line asked for when the app started. */
  startup: { connect?: string; sandbox: boolean }
  /** Whether credentials can be stored encrypted on this host. */
  secureStorage: boolean
  platform: string
}
