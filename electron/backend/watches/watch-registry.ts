/**
 * The watches of one connection: one entry per (path, kind), shared by every
 * owner that asked for it, armed once, re-armed after each notification, and
 * limited by a budget so the console never floods a server with watches.
 */
import type { Event } from 'node-zookeeper-client'
import type { NodeChange, WatchKind, WatchSpec, WatchStatus } from '../../../shared/protocol/watch-api'
import { toNodeData } from '../../../shared/zk/node-data'
import type { ZnodeStat } from '../../../shared/zk/stat'
import type { ZkSession } from '../connections/zk-session'
import { arm, armExistence, disarm, type ArmResult, type Watcher } from './watch-arming'

/** Who holds a watch: a window's peer, or a followed subtree. */
export interface WatchOwner {
  readonly id: string
  deliver(change: NodeChange): void
}

interface Entry {
  path: string
  kind: WatchKind
  owners: Map<string, WatchOwner>
  /** True once armed; false while over budget, pending a connection, or unreadable. */
  live: boolean
  watcher: Watcher
  stat?: ZnodeStat
  exists: boolean
  /** Dropped by a lowered budget: changes were missed, so the next arm re-sends what is there. */
  demoted?: boolean
}

/** Library event types (lib/Event.js). */
const NODE_CREATED = 1
const NODE_DELETED = 2
const NODE_DATA_CHANGED = 3
const NODE_CHILDREN_CHANGED = 4

export const DEFAULT_WATCH_BUDGET = 5_000
/** The library re-sends every armed path in one packet after a reconnect; keep it far below 1 MiB. */
export const MAX_WATCHED_PATH_BYTES = 512 * 1024
const NOT_LIVE_SAMPLE = 20

export interface RegistryDeps {
  connectionId: string
  session: () => ZkSession
  onStatus: (status: WatchStatus) => void
}

const keyOf = (path: string, kind: WatchKind) => `${kind}\u0000${path}`

export class WatchRegistry {
  private readonly entries = new Map<string, Entry>()
  private budget = DEFAULT_WATCH_BUDGET

  constructor(private readonly deps: RegistryDeps) {}

  add(owner: WatchOwner, spec: WatchSpec): void {
    const key = keyOf(spec.path, spec.kind)
    let entry = this.entries.get(key)
    if (!entry) {
      const created: Entry = { path: spec.path, kind: spec.kind, owners: new Map(), live: false, exists: true, watcher: () => undefined }
      created.watcher = (event) => void this.onNotification(created, event)
      entry = created
      this.entries.set(key, entry)
    }
    entry.owners.set(owner.id, owner)
    if (!entry.live) void this.tryArm(entry, spec.seen)
  }

  remove(ownerId: string, spec: Pick<WatchSpec, 'path' | 'kind'>): void {
    const entry = this.entries.get(keyOf(spec.path, spec.kind))
    if (!entry) return
    entry.owners.delete(ownerId)
    if (entry.owners.size === 0) this.drop(entry)
  }

  removeOwner(ownerId: string): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.owners.delete(ownerId) && entry.owners.size === 0) this.drop(entry)
    }
  }

  setBudget(budget: number): void {
    this.budget = budget
    this.demoteOverBudget()
    this.armWaiting()
    this.announce()
  }

  /** Paths counted once however many kinds of watch they have; a path is not live if any of its watches is not. */
  status(): WatchStatus {
    const notLive = new Set<string>()
    for (const entry of this.entries.values()) if (!entry.live) notLive.add(entry.path)
    return {
      connectionId: this.deps.connectionId,
      watchedPaths: this.livePaths.size,
      budget: this.budget,
      notLive: [...notLive].slice(0, NOT_LIVE_SAMPLE),
      notLiveCount: notLive.size,
    }
  }

  /**
   * A lowered budget takes effect at once: watches beyond it stop being live, children watches
   * (expanded nodes) before data watches (open nodes: what an editor relies on to see someone
   * else's change), the newest first. The server keeps each until it fires once or the session
   * reconnects, since the library cannot remove a watch; it is never re-armed meanwhile.
   */
  private demoteOverBudget(): void {
    const newestFirst = [...this.entries.values()].reverse()
    const order = [...newestFirst.filter((e) => e.kind === 'children'), ...newestFirst.filter((e) => e.kind !== 'children')]
    for (const entry of order) {
      if (this.livePaths.size <= this.budget) return
      if (!entry.live) continue
      this.forget(entry)
      this.setLive(entry, false)
      entry.demoted = true
    }
  }

  /** After a reconnect: arm what could not be armed while the connection was down. */
  armWaiting(): void {
    for (const entry of this.entries.values()) if (!entry.live) void this.tryArm(entry)
  }

  /** After a new session: every watch is gone on the server; re-arm all and re-send what is there now. */
  rearmAll(): void {
    for (const entry of this.entries.values()) {
      this.setLive(entry, false)
      void this.tryArm(entry, undefined, true)
    }
  }

  dispose(): void {
    for (const entry of [...this.entries.values()]) this.drop(entry)
  }

  /** Live entries per path, and the bytes of live paths: kept up to date instead of recounted. */
  private readonly livePaths = new Map<string, number>()
  private liveBytes = 0

  private setLive(entry: Entry, live: boolean): void {
    if (entry.live === live) return
    entry.live = live
    const count = (this.livePaths.get(entry.path) ?? 0) + (live ? 1 : -1)
    if (count > 0) this.livePaths.set(entry.path, count)
    else this.livePaths.delete(entry.path)
    this.liveBytes += (live ? 1 : -1) * (entry.path.length + 8)
  }

  private fits(entry: Entry): boolean {
    const paths = this.livePaths.size + (this.livePaths.has(entry.path) ? 0 : 1)
    return paths <= this.budget && this.liveBytes + entry.path.length + 8 <= MAX_WATCHED_PATH_BYTES
  }

  private async tryArm(entry: Entry, seen?: WatchSpec['seen'], resync = false): Promise<void> {
    if (entry.live || entry.owners.size === 0) return
    if (!this.fits(entry)) {
      this.announce()
      return
    }
    this.setLive(entry, true)
    this.announce()
    const catchUp = resync || entry.demoted === true
    entry.demoted = false
    try {
      const result = await arm(this.deps.session(), entry.path, entry.kind, entry.watcher)
      if (!this.entries.has(keyOf(entry.path, entry.kind))) return
      if (entry.demoted) return this.forget(entry)
      this.afterArm(entry, result, seen, catchUp)
    } catch {
      // Not connected, no permission: stays waiting and is tried again after a reconnect.
      entry.demoted = catchUp
      this.setLive(entry, false)
      this.announce()
    }
  }

  private afterArm(entry: Entry, result: ArmResult, seen: WatchSpec['seen'], resync: boolean): void {
    const wasThere = entry.exists
    entry.exists = result.exists
    if (!result.exists) {
      entry.stat = undefined
      if (wasThere || resync) this.send(entry, { change: 'deleted', ...(resync ? { resync } : {}) })
      return
    }
    const before = entry.stat
    entry.stat = result.stat
    const moved =
      entry.kind === 'children'
        ? seen?.cversion !== undefined && seen.cversion !== result.stat.cversion
        : seen?.version !== undefined && seen.version !== result.stat.version
    if (!moved && !resync && !(before && !wasThere)) return
    if (entry.kind === 'children') this.send(entry, { change: 'children', stat: result.stat, children: result.children ?? [], resync: true })
    else if (result.data) this.send(entry, { change: 'data', stat: result.stat, data: toNodeData(result.data), resync: true })
  }

  private async onNotification(entry: Entry, event: Event): Promise<void> {
    if (this.entries.get(keyOf(entry.path, entry.kind)) !== entry) return
    if (entry.demoted) return this.forget(entry)
    // The server consumed the watch; until it is re-armed it is not live.
    this.setLive(entry, false)
    if (entry.owners.size === 0) return
    const type = event.getType()
    const session = this.deps.session()
    try {
      if (type === NODE_DELETED) {
        entry.exists = false
        entry.stat = undefined
        this.send(entry, { change: 'deleted' })
        this.setLive(entry, true)
        const result = await armExistence(session, entry.path, entry.watcher)
        // Re-created between the delete and our exists(): report it and watch it properly.
        if (result.exists) {
          this.setLive(entry, false)
          this.send(entry, { change: 'created', stat: result.stat })
          entry.exists = true
          await this.tryArm(entry)
        }
        return
      }
      const previousVersion = entry.stat?.version
      this.setLive(entry, true)
      const result = await arm(session, entry.path, entry.kind, entry.watcher)
      if (entry.demoted) return this.forget(entry)
      if (!result.exists) {
        entry.exists = false
        this.send(entry, { change: 'deleted' })
        return
      }
      if (type === NODE_CREATED || !entry.exists) {
        entry.exists = true
        this.send(entry, { change: 'created', stat: result.stat })
      }
      entry.stat = result.stat
      if (entry.kind === 'children' && (type === NODE_CHILDREN_CHANGED || type === NODE_CREATED)) {
        this.send(entry, { change: 'children', stat: result.stat, children: result.children ?? [] })
      } else if (entry.kind === 'data' && result.data && (type === NODE_DATA_CHANGED || type === NODE_CREATED)) {
        this.send(entry, {
          change: 'data',
          stat: result.stat,
          data: toNodeData(result.data),
          ...(previousVersion !== undefined ? { previousVersion } : {}),
        })
      }
    } catch {
      this.setLive(entry, false)
    } finally {
      this.announce()
    }
  }

  /** An arm that finished after the budget dropped its entry: take the listener back out. */
  private forget(entry: Entry): void {
    disarm(this.deps.session().libraryClient(), entry.path, entry.watcher)
  }

  private send(entry: Entry, change: Omit<NodeChange, 'connectionId' | 'path' | 'at'>): void {
    const full: NodeChange = { connectionId: this.deps.connectionId, path: entry.path, at: Date.now(), ...change }
    for (const owner of entry.owners.values()) owner.deliver(full)
  }

  private drop(entry: Entry): void {
    this.entries.delete(keyOf(entry.path, entry.kind))
    if (entry.live) disarm(this.deps.session().libraryClient(), entry.path, entry.watcher)
    this.setLive(entry, false)
    this.armWaiting()
    this.announce()
  }

  private lastAnnounced = ''

  private announce(): void {
    const status = this.status()
    const signature = `${status.watchedPaths}/${status.budget}/${status.notLiveCount}`
    if (signature === this.lastAnnounced) return
    this.lastAnnounced = signature
    this.deps.onStatus(status)
  }
}
