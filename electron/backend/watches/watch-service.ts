/**
 * Watches for every open connection: a registry per connection, peers and
 * followed subtrees as owners, and the session events that re-arm them.
 */
import type { FollowResult, NodeChange, WatchSpec, WatchStatus } from '../../../shared/protocol/watch-api'
import type { Peer } from '../../../shared/rpc/server'
import { joinPath } from '../../../shared/zk/path'
import type { ConnectionManager } from '../connections/connection-manager'
import { walkSubtree } from '../tree/subtree-walker'
import { WatchRegistry, type WatchOwner } from './watch-registry'

export class WatchService {
  private readonly registries = new Map<string, WatchRegistry>()
  private readonly peerOwners = new Map<string, WatchOwner>()
  private readonly follows = new Map<string, { registry: WatchRegistry; owner: WatchOwner }>()
  private readonly subscription: { dispose(): void }

  constructor(
    private readonly connections: ConnectionManager,
    private readonly broadcastStatus: (status: WatchStatus) => void,
  ) {
    this.subscription = connections.onSessionEvent((connectionId, event) => {
      const registry = this.registries.get(connectionId)
      if (!registry) return
      if (event === 'reconnected') registry.armWaiting()
      else if (event === 'renewed') registry.rearmAll()
      else {
        registry.dispose()
        this.registries.delete(connectionId)
      }
    })
  }

  update(peer: Peer, connectionId: string, add: WatchSpec[], remove: WatchSpec[]): WatchStatus {
    const registry = this.registry(connectionId)
    const owner = this.peerOwner(peer)
    for (const spec of remove) registry.remove(owner.id, spec)
    for (const spec of add) registry.add(owner, spec)
    return registry.status()
  }

  status(connectionId: string): WatchStatus {
    return this.registry(connectionId).status()
  }

  setBudget(connectionId: string, budget: number): WatchStatus {
    const registry = this.registry(connectionId)
    registry.setBudget(budget)
    return registry.status()
  }

  async follow(peer: Peer, connectionId: string, followId: string, root: string, maxNodes: number, signal?: AbortSignal): Promise<FollowResult> {
    const registry = this.registry(connectionId)
    const key = `${peer.id}\u0000${connectionId}\u0000${followId}`
    this.unfollow(peer, connectionId, followId)
    const ownerId = `follow:${key}`
    const followed = new Set<string>()
    let truncated = false
    const watchNode = (path: string) => {
      // A walk or a notification that ends after the follow was dropped must not re-add it.
      if (this.follows.get(key)?.owner !== owner) return
      if (followed.has(path)) return
      if (followed.size >= maxNodes) {
        truncated = true
        return
      }
      followed.add(path)
      registry.add(owner, { path, kind: 'children' })
      registry.add(owner, { path, kind: 'data' })
    }
    const owner: WatchOwner = {
      id: ownerId,
      deliver: (change: NodeChange) => {
        peer.emit('node.changed', change)
        // New children of a followed node are followed too.
        if (change.change === 'children') for (const child of change.children ?? []) watchNode(joinPath(change.path, child))
      },
    }
    this.follows.set(key, { registry, owner })
    peer.own({ dispose: () => this.unfollow(peer, connectionId, followId) })
    const walk = await walkSubtree(this.connections.session(connectionId), {
      root,
      maxDepth: 1_000,
      maxNodes,
      ...(signal ? { signal } : {}),
      onNode: (node) => {
        watchNode(node.path)
        return undefined
      },
    })
    const status = registry.status()
    return { followId, watched: followed.size, truncated: truncated || walk.stoppedBy !== undefined || status.notLiveCount > 0 }
  }

  unfollow(peer: Peer, connectionId: string, followId: string): void {
    const key = `${peer.id}\u0000${connectionId}\u0000${followId}`
    const follow = this.follows.get(key)
    if (!follow) return
    this.follows.delete(key)
    follow.registry.removeOwner(follow.owner.id)
  }

  dispose(): void {
    this.subscription.dispose()
    for (const registry of this.registries.values()) registry.dispose()
    this.registries.clear()
  }

  private registry(connectionId: string): WatchRegistry {
    let registry = this.registries.get(connectionId)
    if (!registry) {
      this.connections.info(connectionId) // throws UNKNOWN_CONNECTION for a bad id
      registry = new WatchRegistry({
        connectionId,
        session: () => this.connections.session(connectionId),
        onStatus: (status) => this.broadcastStatus(status),
      })
      this.registries.set(connectionId, registry)
    }
    return registry
  }

  private peerOwner(peer: Peer): WatchOwner {
    let owner = this.peerOwners.get(peer.id)
    if (!owner) {
      const created: WatchOwner = { id: peer.id, deliver: (change) => peer.emit('node.changed', change) }
      owner = created
      this.peerOwners.set(peer.id, created)
      // When the window or socket goes away, so do its watches.
      peer.own({
        dispose: () => {
          this.peerOwners.delete(peer.id)
          for (const registry of this.registries.values()) registry.removeOwner(peer.id)
        },
      })
    }
    return owner
  }
}
