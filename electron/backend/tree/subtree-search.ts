/**
 * Subtree search on top of the pipelined walker: matches stream to the
 * asking peer in batches with progress, the walk stops at its limits or
 * when the caller cancels.
 */
import { ZkError } from '../../../shared/protocol/errors'
import type { SearchMatch, SearchParams, SearchProgress, SearchSummary } from '../../../shared/protocol/tree-api'
import { compileDataMatcher, compilePathMatcher, PatternError } from '../../../shared/zk/search-match'
import { walkSubtree, type WalkSession } from './subtree-walker'

/** How often progress and matches go out: often enough to feel live, rarely enough to stay cheap. */
const FLUSH_MS = 150

export async function searchSubtree(
  session: WalkSession,
  params: SearchParams,
  emit: (progress: SearchProgress) => void,
  signal?: AbortSignal,
): Promise<SearchSummary> {
  let matchPath: ((path: string) => boolean) | undefined
  let matchData: ReturnType<typeof compileDataMatcher> | undefined
  try {
    if (params.path) matchPath = compilePathMatcher(params.path)
    if (params.data) matchData = compileDataMatcher(params.data)
  } catch (error) {
    if (error instanceof PatternError) throw new ZkError('INVALID_PARAMS', error.message)
    throw error
  }

  const started = Date.now()
  let pending: SearchMatch[] = []
  let matched = 0
  let visited = 0
  const flush = () => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000)
    emit({ searchId: params.searchId, visited, matched, rate: Math.round(visited / seconds), matches: pending })
    pending = []
  }
  const timer = setInterval(flush, FLUSH_MS)

  try {
    const result = await walkSubtree(session, {
      root: params.root,
      maxDepth: params.maxDepth,
      maxNodes: params.maxNodes,
      withData: matchData !== undefined,
      ...(signal ? { signal } : {}),
      onNode: (node) => {
        visited += 1
        if (matchPath && !matchPath(node.path)) return
        let snippet: string | undefined
        if (matchData) {
          const found = matchData(node.data ?? Buffer.alloc(0))
          if (!found.matched) return
          snippet = found.snippet
        }
        matched += 1
        pending.push(snippet === undefined ? { path: node.path, stat: node.stat } : { path: node.path, stat: node.stat, snippet })
        return matched >= params.maxResults ? 'stop' : undefined
      },
    })
    const stoppedBy = result.stoppedBy === 'stopped' ? 'max-results' : result.stoppedBy
    return {
      searchId: params.searchId,
      visited: result.visited,
      matched,
      unreadable: result.unreadable,
      elapsedMs: Date.now() - started,
      ...(stoppedBy ? { stoppedBy } : {}),
      ...(result.belowMaxDepth > 0 ? { belowMaxDepth: result.belowMaxDepth } : {}),
    }
  } finally {
    clearInterval(timer)
    flush()
  }
}
