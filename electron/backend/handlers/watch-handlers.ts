/** Live view: watches owned by the calling peer, followed subtrees, the budget. */
import type { ApiHandlers } from '../../../shared/rpc/server'
import type { WatchService } from '../watches/watch-service'

type WatchHandlers = Pick<ApiHandlers, 'updateWatches' | 'followSubtree' | 'unfollowSubtree' | 'getWatchStatus' | 'setWatchBudget'>

export function watchHandlers(watches: WatchService): WatchHandlers {
  return {
    updateWatches: async ({ connectionId, add, remove }, { peer }) => watches.update(peer, connectionId, add ?? [], remove ?? []),
    followSubtree: ({ connectionId, followId, root, maxNodes }, { peer, signal }) =>
      watches.follow(peer, connectionId, followId, root, maxNodes, signal),
    unfollowSubtree: async ({ connectionId, followId }, { peer }) => watches.unfollow(peer, connectionId, followId),
    getWatchStatus: async ({ connectionId }) => watches.status(connectionId),
    setWatchBudget: async ({ connectionId, budget }) => watches.setBudget(connectionId, budget),
  }
}
