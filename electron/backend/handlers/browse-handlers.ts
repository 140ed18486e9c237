/** Reading for browsing: children, one node's bytes/Stat/ACL, existence, many Stats at once. */
import type { ApiHandlers } from '../../../shared/rpc/server'
import { toNodeData } from '../../../shared/zk/node-data'
import { mapLimit } from '../../../shared/util/map-limit'
import { toZkError } from '../connections/zk-errors'
import type { ConnectionManager } from '../connections/connection-manager'

/** How many requests one call keeps in flight on a session. */
const STAT_PIPELINE = 256

type BrowseHandlers = Pick<ApiHandlers, 'getChildren' | 'getNode' | 'exists' | 'getStats'>

export function browseHandlers(connections: ConnectionManager): BrowseHandlers {
  return {
    async getChildren({ connectionId, path }) {
      const { children, stat } = await connections.session(connectionId).getChildren(path)
      return { path, children, stat }
    },

    async getNode({ connectionId, path }) {
      const session = connections.session(connectionId)
      const [{ data, stat }, acl] = await Promise.all([session.getData(path), session.getAcl(path)])
      return { path, data: toNodeData(data), stat, acl }
    },

    async exists({ connectionId, path }) {
      return { stat: await connections.session(connectionId).exists(path) }
    },

    async getStats({ connectionId, paths }, { signal }) {
      const session = connections.session(connectionId)
      return mapLimit(
        paths,
        STAT_PIPELINE,
        async (path) => {
          try {
            const stat = await session.exists(path)
            return stat
              ? { path, stat }
              : { path, error: { code: 'NO_NODE' as const, message: 'the node does not exist', path } }
          } catch (error) {
            return { path, error: toZkError(error, path).toInfo() }
          }
        },
        signal,
      )
    },
  }
}
