/**
 * Turns what the backend pushes (node changes, session states) into timeline
 * entries. It remembers the last child list of each node it heard about, so a
 * children change says which names came and went, and it reports a node's
 * creation or deletion once, although ZooKeeper tells it several times (the
 * node's own watches and its parent's children watch fire for one delete).
 */
import type { NodeChange } from '../../../../shared/protocol/watch-api'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { joinPath } from '../../../../shared/zk/path'
import type { TimelineEntry } from '../../stores/timeline-store'
import { diffChildren } from './children-diff'

export type TimelineDraft = Omit<TimelineEntry, 'id'>

/** Two reports of the same creation or deletion arrive within milliseconds; a real repeat is far apart. */
const REPEAT_MS = 5_000
/** Remembered child lists per connection; the oldest are forgotten past this. */
const MAX_LISTS = 20_000
const MAX_PRESENCE = 50_000

/** What the tree knew before the change was applied, which may be fresher than the journal. */
export interface Before {
  /** The loaded child list of the node, if the tree has one. */
  children?: readonly string[]
  /** The data version in the tree's Stat cache, if any. */
  version?: number
  /** The children version in the tree's Stat cache, if any. */
  cversion?: number
}

/** A node's children as last seen, with the version that says how many changes they had seen. */
interface KnownList {
  names: readonly string[]
  cversion?: number
}

interface ConnectionMemory {
  lists: Map<string, KnownList>
  presence: Map<string, { kind: 'created' | 'deleted'; at: number }>
  session?: ConnectionInfo
}

function bounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > max) {
    const oldest = map.keys().next()
    if (!oldest.done) map.delete(oldest.value)
  }
}

export class ChangeJournal {
  private readonly memory = new Map<string, ConnectionMemory>()

  /** A child list learnt elsewhere (a followed subtree's first walk), to diff the next change against. */
  rememberList(connectionId: string, path: string, names: readonly string[], cversion?: number): void {
    bounded(this.of(connectionId).lists, path, { names, ...(cversion !== undefined ? { cversion } : {}) }, MAX_LISTS)
  }

  forget(connectionId: string): void {
    this.memory.delete(connectionId)
  }

  record(change: NodeChange, before: Before = {}): TimelineDraft[] {
    const { path, at } = change
    const resync = change.resync ? { resync: true } : {}
    switch (change.change) {
      case 'created':
        return this.presence(change.connectionId, path, 'created', at, resync)
      case 'deleted':
        return this.presence(change.connectionId, path, 'deleted', at, resync)
      case 'data': {
        const fromVersion = change.previousVersion ?? before.version
        const toVersion = change.stat?.version
        // A re-read that found the version the console already had is no change.
        if (change.resync && fromVersion !== undefined && fromVersion === toVersion) return []
        // The first data of a node just reported created belongs to its creation.
        const last = this.memory.get(change.connectionId)?.presence.get(path)
        if (change.previousVersion === undefined && toVersion === 0 && last?.kind === 'created' && at - last.at < REPEAT_MS) return []
        return [
          {
            at,
            kind: 'data',
            path,
            ...(fromVersion !== undefined ? { fromVersion } : {}),
            ...(toVersion !== undefined ? { toVersion } : {}),
            ...(change.data ? { size: change.data.size } : {}),
            ...resync,
          },
        ]
      }
      case 'children':
        return this.children(change, before, resync)
    }
  }

  /** Session state changes; the same state reported twice (an adopted connection, a reload) is one entry. */
  recordSession(info: ConnectionInfo, lost: readonly string[] = []): TimelineDraft[] {
    const memory = this.of(info.connectionId)
    const last = memory.session
    // Events and call results race; an older state than the one recorded says nothing new.
    if (last && last.since > info.since) return []
    memory.session = info
    if (last && last.state === info.state && last.sessionId === info.sessionId) return []
    return [
      {
        at: info.since,
        kind: 'session',
        state: info.state,
        ...(info.message ? { message: info.message } : {}),
        ...(info.sessionId ? { sessionId: info.sessionId } : {}),
        ...(info.server ? { server: info.server } : {}),
        ...(info.state === 'disconnected' && info.expiresAt ? { expiresAt: info.expiresAt } : {}),
        ...(lost.length > 0 ? { lost: [...lost] } : {}),
      },
    ]
  }

  /** The session id the connection had before this state, for working out what a new session lost. */
  previousSession(connectionId: string): ConnectionInfo | undefined {
    return this.memory.get(connectionId)?.session
  }

  private children(change: NodeChange, before: Before, resync: { resync?: boolean }): TimelineDraft[] {
    const { connectionId, path, at } = change
    const memory = this.of(connectionId)
    const names = change.children ?? []
    const known = memory.lists.get(path)
    const previous = before.children ?? known?.names
    const cversion = change.stat?.cversion
    const previousCversion = before.cversion ?? known?.cversion
    bounded(memory.lists, path, { names, ...(cversion !== undefined ? { cversion } : {}) }, MAX_LISTS)
    const count = names.length
    if (!previous) return [{ at, kind: 'children', path, count, ...resync }]
    const { added, removed } = diffChildren(previous, names)
    if (change.resync && added.length === 0 && removed.length === 0) return []
    // A child created and deleted again between the notification and the re-read leaves only the count of changes.
    const changes = cversion !== undefined && previousCversion !== undefined ? cversion - previousCversion : undefined
    const extra = changes !== undefined && changes > added.length + removed.length ? { changes } : {}
    const out: TimelineDraft[] = []
    for (const name of added) out.push(...this.presence(connectionId, joinPath(path, name), 'created', at, resync))
    for (const name of removed) out.push(...this.presence(connectionId, joinPath(path, name), 'deleted', at, resync))
    out.push({ at, kind: 'children', path, added, removed, count, ...extra, ...resync })
    return out
  }

  private presence(connectionId: string, path: string, kind: 'created' | 'deleted', at: number, resync: { resync?: boolean }): TimelineDraft[] {
    const presence = this.of(connectionId).presence
    const last = presence.get(path)
    bounded(presence, path, { kind, at }, MAX_PRESENCE)
    if (last && last.kind === kind && at - last.at < REPEAT_MS) return []
    return [{ at, kind, path, ...resync }]
  }

  private of(connectionId: string): ConnectionMemory {
    let memory = this.memory.get(connectionId)
    if (!memory) {
      memory = { lists: new Map(), presence: new Map() }
      this.memory.set(connectionId, memory)
    }
    return memory
  }
}
