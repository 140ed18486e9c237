/**
 * Reads a batch of the search's frontier: in one multiRead request when the
 * server has it, node by node (all at once) when it does not.
 */
import type { ZnodeStat } from '../../../shared/zk/stat'
import type { ZkSession } from '../connections/zk-session'
import { toZkError } from '../connections/zk-errors'
import { isFatalWalkError, type ReadListings, type ReadOutcome } from './frontier-walk'
import type { WalkSession } from './subtree-walker'

/** A node as the search sees it: the Stat only when the read brought it. */
export interface SearchListing {
  children: string[]
  data?: Buffer
  stat?: ZnodeStat
}

export function batchedReader(
  session: WalkSession & Pick<ZkSession, 'multiGetChildren'>,
  withData: boolean,
): ReadListings<SearchListing> {
  const readOne = async (path: string): Promise<ReadOutcome<SearchListing>> => {
    try {
      if (!withData) return await session.getChildren(path)
      const [listing, content] = await Promise.all([session.getChildren(path), session.getData(path)])
      return { ...listing, data: content.data }
    } catch (error) {
      const zkError = toZkError(error, path)
      // A session that can no longer answer ends the walk rather than marking every node unreadable.
      if (isFatalWalkError(zkError)) throw zkError
      return { error: zkError }
    }
  }
  // multiGetChildren answers null once the server has said it cannot batch reads.
  return async (paths) => (await session.multiGetChildren(paths, withData)) ?? Promise.all(paths.map(readOne))
}
