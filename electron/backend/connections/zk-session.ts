/**
 * One ZooKeeper session: a thin promise wrapper over node-zookeeper-client
 * that reports state changes, fails fast while disconnected, puts a timeout
 * on every request and maps every failure to a contract error code.
 */
import zookeeper from 'node-zookeeper-client'
import type { Client, Stat } from 'node-zookeeper-client'
import type { Socket } from 'node:net'
import { ZkError } from '../../../shared/protocol/errors'
import type { AclEntry } from '../../../shared/protocol/types'
import { bytesToBigInt, convertStat, toHex, type ZnodeStat } from '../../../shared/zk/stat'
import { parseConnectString, formatHostPort } from '../../../shared/zk/connect-string'
import { ConnectionTracker, type TrackerUpdate } from './connection-tracker'
import { RequestDeadlines } from './request-deadlines'
import { toZkError } from './zk-errors'

export interface SessionUpdate extends TrackerUpdate {
  sessionId?: string
  negotiatedTimeoutMs?: number
  server?: string
}

export interface ZkSessionOptions {
  connectString: string
  sessionTimeoutMs: number
  /** Digest credentials, `user:password` each. */
  credentials: string[]
  requestTimeoutMs?: number
  /** Connection attempts before giving up on a session that never connected. */
  maxInitialAttempts?: number
  /** How long one attempt may wait for the server's handshake answer. */
  attemptTimeoutMs?: number
  onState: (update: SessionUpdate) => void
}

/** The library's internals we read: which server the socket is connected to. */
interface ClientInternals {
  connectionManager: {
    socket?: Socket
    on(event: 'state', listener: (raw: number) => void): void
    removeListener(event: 'state', listener: (raw: number) => void): void
  }
  /** Added by our patch of the library (its type declarations do not know it). */
  multiRead(ops: { type: 'getChildren' | 'getData'; path: string }[], callback: Callback<RawReadResult[]>): void
}

/** One op's answer from the library's multiRead. */
type RawReadResult = { children: string[] } | { data: Buffer | undefined; stat: Stat } | { error: unknown }

/** One path's answer from a batch: its children (with data and Stat when asked), or its error. */
export type BatchListing = { children: string[]; data?: Buffer; stat?: ZnodeStat } | { error: ZkError }

/** The library's code for a request the server does not know (multiRead before 3.6). */
const UNIMPLEMENTED = -6

/** Completes a library call: an error, or the value. */
export type Callback<T> = (error: unknown, value?: T) => void

export class ZkSession {
  private readonly client: Client
  private readonly tracker: ConnectionTracker
  private readonly requestTimeoutMs: number
  private readonly deadlines: RequestDeadlines
  private settled: Promise<SessionUpdate>
  private closing: Promise<void> | null = null
  private attemptTimer: ReturnType<typeof setTimeout> | undefined
  private lastFailure: string | undefined
  private multiReadSupported = true

  constructor(private readonly options: ZkSessionOptions) {
    const parsed = parseConnectString(options.connectString)
    if (!parsed.ok) throw new ZkError('INVALID_PARAMS', `invalid connect string: ${parsed.detail}`)
    const servers = parsed.value.hosts.map(formatHostPort).join(', ')
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000
    this.deadlines = new RequestDeadlines(this.requestTimeoutMs)
    this.client = zookeeper.createClient(options.connectString.trim(), {
      sessionTimeout: options.sessionTimeoutMs,
      spinDelay: 500,
      retries: 0,
    })
    for (const credential of options.credentials) {
      this.client.addAuthInfo('digest', Buffer.from(credential, 'utf8'))
    }
    let settle: (update: SessionUpdate) => void = () => undefined
    this.settled = new Promise((resolve) => (settle = resolve))
    this.tracker = new ConnectionTracker(
      {
        maxInitialAttempts: options.maxInitialAttempts ?? Math.max(3, parsed.value.hosts.length * 2),
        now: () => Date.now(),
        describeServers: () => servers,
        describeLastFailure: () => this.lastFailure,
        onGiveUp: () => this.client.close(),
        onUpdate: (update) => {
          const full = this.decorate(update)
          if (update.state !== 'disconnected') settle(full)
          options.onState(full)
        },
      },
      () => this.client.getSessionTimeout(),
    )
    const attemptTimeoutMs = options.attemptTimeoutMs ?? Math.min(10_000, Math.max(2_000, options.sessionTimeoutMs / 3))
    this.internals().connectionManager.on('state', (raw) => {
      this.tracker.onRawState(raw)
      this.watchAttempt(raw, attemptTimeoutMs)
    })
    this.client.connect()
  }

  /**
   * The library waits forever for a handshake answer from a port that accepts
   * connections but does not speak ZooKeeper (a TLS-only port, an HTTP
   * server): it never tries the next server. Ending such an attempt makes it
   * move on, and lets the attempt limit say why.
   */
  private watchAttempt(raw: number, timeoutMs: number): void {
    clearTimeout(this.attemptTimer)
    this.attemptTimer = undefined
    if (raw === 1 /* CONNECTING */ && !this.tracker.isTerminal) {
      this.lastFailure = 'connection refused or unreachable'
      const check = () => {
        const socket = this.internals().connectionManager.socket
        // Between servers the library waits a random spin delay before it opens the next
        // socket; until then the socket it holds is the old, closed one: check again later.
        if (!socket || socket.destroyed) {
          this.attemptTimer = setTimeout(check, timeoutMs)
          return
        }
        this.lastFailure = `the server accepted the connection but gave no ZooKeeper handshake within ${timeoutMs} ms: a TLS-only port, or not ZooKeeper?`
        socket.destroy()
      }
      this.attemptTimer = setTimeout(check, timeoutMs)
    }
  }

  /** Resolves with the first decisive state: connected, or why it never will be. */
  whenSettled(): Promise<SessionUpdate> {
    return this.settled
  }

  get state() {
    return this.tracker.state
  }

  get sessionIdHex(): string {
    return toHex(bytesToBigInt(this.client.getSessionId()))
  }

  getChildren(path: string): Promise<{ children: string[]; stat: ZnodeStat }> {
    return this.request(path, (done: Callback<{ children: string[]; stat: ZnodeStat }>) =>
      this.client.getChildren(path, (error, children, stat) =>
        done(error, error ? undefined : { children, stat: convertStat(stat) }),
      ),
    )
  }

  getData(path: string): Promise<{ data: Buffer; stat: ZnodeStat }> {
    return this.request(path, (done: Callback<{ data: Buffer; stat: ZnodeStat }>) =>
      this.client.getData(path, (error, data, stat) =>
        done(error, error ? undefined : { data: data ?? Buffer.alloc(0), stat: convertStat(stat) }),
      ),
    )
  }

  getAcl(path: string): Promise<AclEntry[]> {
    return this.request(path, (done: Callback<AclEntry[]>) =>
      this.client.getACL(path, (error, acls) => done(error, error ? undefined : acls.map(toAclEntry))),
    )
  }

  /** The Stat, or null when the node does not exist. */
  exists(path: string): Promise<ZnodeStat | null> {
    return this.request(path, (done: Callback<ZnodeStat | null>) =>
      this.client.exists(path, (error, stat: Stat | undefined) =>
        done(error, error ? undefined : stat ? convertStat(stat) : null),
      ),
    )
  }

  /** False once the server has said it cannot batch reads (multiRead came with 3.6). */
  get batchesReads(): boolean {
    return this.multiReadSupported
  }

  /**
   * The children of many nodes in one multiRead request (with their data and
   * Stat when asked), one answer per path in order; a node that cannot be
   * read gives its own error without failing the others. Null when the
   * server cannot batch reads: the caller reads node by node instead.
   */
  async multiGetChildren(paths: string[], withData = false): Promise<BatchListing[] | null> {
    if (!this.multiReadSupported) return null
    const ops: { type: 'getChildren' | 'getData'; path: string }[] = []
    for (const path of paths) {
      ops.push({ type: 'getChildren', path })
      if (withData) ops.push({ type: 'getData', path })
    }
    // request() maps errors to contract codes, which have none for this one: note it on the way.
    let unimplemented = false
    try {
      const results = await this.request(paths[0] ?? '/', (done: Callback<RawReadResult[]>) =>
        this.internals().multiRead(ops, (error, results) => {
          unimplemented = isUnimplemented(error)
          done(error, results)
        }),
      )
      return paths.map((path, i) => (withData ? joinListing(path, results[2 * i], results[2 * i + 1]) : joinListing(path, results[i])))
    } catch (error) {
      if (!unimplemented) throw error
      this.multiReadSupported = false
      await this.afterReconnect()
      return null
    }
  }

  /**
   * A server that does not know a request answers UNIMPLEMENTED and drops the
   * connection; the session lives on and the library connects again. Reads
   * sent before that would be lost, so wait for it, though not forever: a
   * server that kept the connection gives no event to wait for.
   */
  private afterReconnect(): Promise<void> {
    return new Promise((resolve) => {
      const manager = this.internals().connectionManager
      let dropped = false
      const done = () => {
        clearTimeout(timer)
        manager.removeListener('state', onState)
        resolve()
      }
      const onState = (raw: number) => {
        const connected = raw === 2 /* CONNECTED */ || raw === 3 /* CONNECTED_READ_ONLY */
        // Connected again, or never will be (closed, expired): the next read tells which.
        if ((connected && dropped) || raw < 0) done()
        else if (!connected) dropped = true
      }
      const timer = setTimeout(done, Math.min(this.requestTimeoutMs, 5_000))
      manager.on('state', onState)
    })
  }

  /** Closes the session (its ephemeral nodes go away) and waits briefly for the server to confirm. */
  close(): Promise<void> {
    if (this.closing) return this.closing
    const wasOpen = !this.tracker.isTerminal
    clearTimeout(this.attemptTimer)
    this.tracker.closedByUser()
    this.closing = new Promise<void>((resolve) => {
      if (!wasOpen) {
        this.client.close()
        resolve()
        return
      }
      const timer = setTimeout(resolve, 2_000)
      this.internals().connectionManager.on('state', (raw) => {
        if (raw === -2) {
          clearTimeout(timer)
          resolve()
        }
      })
      this.client.close()
    })
    return this.closing
  }

  /**
   * Runs one library call on this session with the same guarantees as the
   * built-in reads: fails fast unless connected, times out, maps errors.
   * Feature modules (writes, watches) build on this instead of reaching the client.
   */
  run<T>(path: string, start: (client: Client, done: Callback<T>) => void): Promise<T> {
    return this.request(path, (done: Callback<T>) => start(this.client, done))
  }

  /** The library client, for bookkeeping that sends nothing (forgetting a watcher listener). */
  /** Digest credentials added to the live session (and to its reconnects): the server applies them at once. */
  addCredentials(credentials: readonly string[]): void {
    for (const credential of credentials) this.client.addAuthInfo('digest', Buffer.from(credential, 'utf8'))
  }

  libraryClient(): Client {
    return this.client
  }

  private request<T>(path: string, start: (done: Callback<T>) => void): Promise<T> {
    const state = this.tracker.state
    if (state !== 'connected' && state !== 'reconnected') {
      return Promise.reject(
        new ZkError(
          state === 'expired' ? 'SESSION_EXPIRED' : 'NOT_CONNECTED',
          `the session is ${state}; the request for ${path} was not sent`,
          path,
        ),
      )
    }
    return new Promise<T>((resolve, reject) => {
      const deadline = this.deadlines.start(() =>
        reject(new ZkError('TIMEOUT', `ZooKeeper did not answer within ${this.requestTimeoutMs} ms`, path)),
      )
      try {
        start((error, value) => {
          if (!this.deadlines.settle(deadline)) return
          if (error) reject(toZkError(error, path))
          else resolve(value as T)
        })
      } catch (error) {
        // The library refused the call outright (an invalid path): nothing is in flight to time out.
        this.deadlines.settle(deadline)
        throw error
      }
    })
  }

  private decorate(update: TrackerUpdate): SessionUpdate {
    const connected = update.state === 'connected' || update.state === 'reconnected'
    if (!connected) return update
    const socket = this.internals().connectionManager.socket
    const server =
      socket?.remoteAddress && socket.remotePort ? `${socket.remoteAddress}:${socket.remotePort}` : undefined
    return {
      ...update,
      sessionId: this.sessionIdHex,
      negotiatedTimeoutMs: this.client.getSessionTimeout(),
      ...(server ? { server } : {}),
    }
  }

  private internals(): ClientInternals {
    return this.client as unknown as ClientInternals
  }
}

/** The library's ACL objects hold `permission` (its type declarations wrongly say `perms`). */
interface RawAcl {
  permission: number
  id: { scheme: string; id: string }
}

function toAclEntry(acl: unknown): AclEntry {
  const raw = acl as RawAcl
  return { scheme: raw.id.scheme, id: raw.id.id, perms: raw.permission }
}

function isUnimplemented(error: unknown): boolean {
  const code = (error as { getCode?: () => number } | null)?.getCode
  return typeof code === 'function' && code.call(error) === UNIMPLEMENTED
}

/** One path's answer from the library's results: children, plus data and Stat from the paired getData. */
function joinListing(path: string, listing: RawReadResult | undefined, content?: RawReadResult): BatchListing {
  if (!listing) return { error: new ZkError('ZK_ERROR', 'the server answered fewer reads than were asked', path) }
  if ('error' in listing) return { error: toZkError(listing.error, path) }
  if (!('children' in listing)) return { error: new ZkError('ZK_ERROR', 'the server answered a read of another kind', path) }
  if (!content) return { children: listing.children }
  if ('error' in content) return { error: toZkError(content.error, path) }
  if (!('stat' in content)) return { error: new ZkError('ZK_ERROR', 'the server answered a read of another kind', path) }
  return { children: listing.children, data: content.data ?? Buffer.alloc(0), stat: convertStat(content.stat) }
}
