/**
 * Subtree search: walks pipelined on one session, streams matches and
 * progress to the peer that asked, and can be cancelled.
 */
import { z } from 'zod'
import type { ZnodeStat } from '../zk/stat'

export const PATH_MATCH_MODES = ['substring', 'glob', 'regex'] as const
export const DATA_MATCH_MODES = ['text', 'regex'] as const
/** Charsets a data search can decode with (TextDecoder labels). */
export const SEARCH_ENCODINGS = ['utf-8', 'gb18030', 'iso-8859-1', 'utf-16le'] as const

export interface PathQuery {
  pattern: string
  mode: (typeof PATH_MATCH_MODES)[number]
  caseSensitive: boolean
}

export interface DataQuery {
  pattern: string
  mode: (typeof DATA_MATCH_MODES)[number]
  encoding: (typeof SEARCH_ENCODINGS)[number]
  caseSensitive: boolean
}

export interface SearchParams {
  connectionId: string
  /** Chosen by the caller, so events can be matched to the search before the call returns. */
  searchId: string
  root: string
  /** Matches the full path (glob `*` stays within a segment, `**` crosses them). */
  path?: PathQuery
  /** Matches the node's data decoded with the chosen charset. */
  data?: DataQuery
  /** Levels below the root to visit; 0 is the root alone. */
  maxDepth: number
  /** Nodes to visit at most. */
  maxNodes: number
  /** Matches to report at most. */
  maxResults: number
}

export interface SearchMatch {
  path: string
  stat: ZnodeStat
  /** Text around the data match, when the data matched. */
  snippet?: string
}

export interface SearchSummary {
  searchId: string
  visited: number
  matched: number
  /** Nodes that could not be read (no permission, deleted during the walk). */
  unreadable: number
  /** Why the walk stopped early, if it did. */
  stoppedBy?: 'max-nodes' | 'max-results' | 'cancelled'
  /**
   * Children of nodes at maxDepth, which the depth limit kept out of the
   * search (deeper levels below them are not counted); absent when none.
   */
  belowMaxDepth?: number
  elapsedMs: number
}

export interface SearchProgress {
  searchId: string
  visited: number
  matched: number
  /** Nodes per second so far. */
  rate: number
  /** Matches found since the previous event. */
  matches: SearchMatch[]
}

export interface TreeApi {
  /**
   * Searches a subtree by path and/or data. Matches stream as `search.progress`
   * events to the calling peer; the call resolves with the summary when the
   * walk ends. Cancel it through the call's AbortSignal.
   */
  searchTree(p: SearchParams): Promise<SearchSummary>
}

export interface TreeEvents {
  'search.progress': SearchProgress
}

export const treeParamSchemas = (zPath: z.ZodType<string>) => ({
  searchTree: z
    .strictObject({
      connectionId: z.string().min(1).max(200),
      searchId: z.string().min(1).max(200),
      root: zPath,
      path: z
        .strictObject({
          pattern: z.string().min(1).max(1000),
          mode: z.enum(PATH_MATCH_MODES),
          caseSensitive: z.boolean(),
        })
        .optional(),
      data: z
        .strictObject({
          pattern: z.string().min(1).max(1000),
          mode: z.enum(DATA_MATCH_MODES),
          encoding: z.enum(SEARCH_ENCODINGS),
          caseSensitive: z.boolean(),
        })
        .optional(),
      maxDepth: z.number().int().min(0).max(1000),
      maxNodes: z.number().int().min(1).max(10_000_000),
      maxResults: z.number().int().min(1).max(100_000),
    })
    .refine((p) => p.path !== undefined || p.data !== undefined, 'give a path pattern, a data pattern, or both') as z.ZodType<SearchParams>,
})
