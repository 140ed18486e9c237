/** Subtree operations exposed through the contract. */
import type { ApiHandlers } from '../../../shared/rpc/server'
import type { ConnectionManager } from '../connections/connection-manager'
import { searchSubtree } from '../tree/subtree-search'

type TreeHandlers = Pick<ApiHandlers, 'searchTree'>

export function treeHandlers(connections: ConnectionManager): TreeHandlers {
  return {
    searchTree: (params, { peer, signal }) =>
      searchSubtree(connections.session(params.connectionId), params, (progress) => peer.emit('search.progress', progress), signal),
  }
}
