/**
 * The breadth-first walk both ways of reading share: a frontier of paths,
 * read in requests of one or many paths with several requests in flight,
 * within depth and node limits, cancellable. Memory holds the frontier,
 * never the whole tree.
 */
import { joinPath } from '../../../shared/zk/path'
import type { ZkError } from '../../../shared/protocol/errors'
import { toZkError } from '../connections/zk-errors'

/** What a read must tell the walk about a node: its children. */
export interface Listing {
  children: string[]
}

/** One path's answer: its listing, or why it could not be read. */
export type ReadOutcome<L extends Listing> = L | { error: ZkError }

/**
 * Reads the listings of some paths, one outcome per path in order. Rejects
 * only when the whole request failed (a lost session, a timeout).
 */
export type ReadListings<L extends Listing> = (paths: string[]) => Promise<ReadOutcome<L>[]>

export interface FrontierOptions<L extends Listing> {
  root: string
  maxDepth: number
  maxNodes: number
  /** Paths per request. */
  batchSize: number
  /** Requests in flight at once. */
  concurrency: number
  signal?: AbortSignal
  /** Return 'stop' to end the walk early. */
  onListing(path: string, depth: number, listing: L): 'stop' | undefined
  onUnreadable?(path: string, error: ZkError): void
}

export interface WalkResult {
  visited: number
  unreadable: number
  /** Children of nodes at maxDepth: nodes the depth limit kept the walk from visiting. */
  belowMaxDepth: number
  stoppedBy?: 'max-nodes' | 'stopped' | 'cancelled'
}

interface Entry {
  path: string
  depth: number
}

export function walkFrontier<L extends Listing>(read: ReadListings<L>, options: FrontierOptions<L>): Promise<WalkResult> {
  const concurrency = Math.max(1, options.concurrency)
  const batchSize = Math.max(1, options.batchSize)
  const queue: Entry[] = [{ path: options.root, depth: 0 }]
  let head = 0
  let active = 0
  let scheduled = 1
  const result: WalkResult = { visited: 0, unreadable: 0, belowMaxDepth: 0 }
  let finished = false

  return new Promise<WalkResult>((resolve, reject) => {
    const end = (error?: ZkError) => {
      finished = true
      options.signal?.removeEventListener('abort', onAbort)
      if (error) reject(error)
      else resolve(result)
    }
    const finish = (stoppedBy?: WalkResult['stoppedBy']) => {
      if (finished) return
      if (stoppedBy) result.stoppedBy = stoppedBy
      if (stoppedBy === 'stopped' || stoppedBy === 'cancelled') end()
      else if (active === 0 && head >= queue.length) end()
    }
    const onAbort = () => finish('cancelled')
    if (options.signal?.aborted) return finish('cancelled')
    options.signal?.addEventListener('abort', onAbort, { once: true })

    const unreadable = (path: string, error: ZkError) => {
      result.unreadable += 1
      options.onUnreadable?.(path, error)
    }

    /** False when the walk must end here. */
    const take = (entry: Entry, outcome: ReadOutcome<L>): boolean => {
      if ('error' in outcome) {
        if (isFatalWalkError(outcome.error)) {
          end(outcome.error)
          return false
        }
        unreadable(entry.path, outcome.error)
        return true
      }
      result.visited += 1
      if (options.onListing(entry.path, entry.depth, outcome) === 'stop') {
        finish('stopped')
        return false
      }
      if (entry.depth >= options.maxDepth) {
        result.belowMaxDepth += outcome.children.length
        return true
      }
      for (const child of outcome.children) {
        if (scheduled >= options.maxNodes) {
          result.stoppedBy ??= 'max-nodes'
          break
        }
        scheduled += 1
        queue.push({ path: joinPath(entry.path, child), depth: entry.depth + 1 })
      }
      return true
    }

    const visit = async (batch: Entry[], paths: string[]) => {
      try {
        const outcomes = await read(paths)
        if (finished) return
        for (let i = 0; i < batch.length; i++) {
          if (!take(batch[i] as Entry, outcomes[i] as ReadOutcome<L>)) return
        }
      } catch (error) {
        if (finished) return
        const zkError = toZkError(error, paths[0])
        if (isFatalWalkError(zkError)) return end(zkError)
        for (const entry of batch) unreadable(entry.path, zkError)
      } finally {
        // Here rather than in a .finally() on the call: two promises fewer per request.
        active -= 1
        // Drop the consumed prefix now and then so a long walk does not keep it alive.
        if (head > 65_536 && head * 2 > queue.length) {
          queue.splice(0, head)
          head = 0
        }
        pump()
        finish()
      }
    }

    const pump = () => {
      while (!finished && active < concurrency && head < queue.length) {
        const batch: Entry[] = []
        const paths: string[] = []
        while (batch.length < batchSize && head < queue.length) {
          const next = queue[head] as Entry
          queue[head] = undefined as never
          head += 1
          batch.push(next)
          paths.push(next.path)
        }
        active += 1
        void visit(batch, paths)
      }
    }
    pump()
    finish()
  })
}

/** A walk whose session can no longer answer ends with that error rather than counting every node unreadable. */
export function isFatalWalkError(error: ZkError): boolean {
  return error.code === 'SESSION_EXPIRED' || error.code === 'NOT_CONNECTED' || error.code === 'UNKNOWN_CONNECTION'
}
