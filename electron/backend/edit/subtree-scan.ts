/**
 * The read side of every recursive operation: the pipelined walker, plus the
 * ACL of each node when asked, without `/zookeeper` when the root is `/`.
 * A missing or unreadable root, a lost session, or a cancel end the scan
 * with an error: nothing has been written yet at this point.
 */
import { setMaxListeners } from 'node:events'
import { ZkError } from '../../../shared/protocol/errors'
import type { AclEntry } from '../../../shared/protocol/types'
import type { ZnodeStat } from '../../../shared/zk/stat'
import { DEFAULT_WALK_CONCURRENCY, walkSubtree, type WalkResult } from '../tree/subtree-walker'
import { mapLimit } from '../../../shared/util/map-limit'

export interface ScanSession {
  getChildren(path: string): Promise<{ children: string[]; stat: ZnodeStat }>
  getData(path: string): Promise<{ data: Buffer; stat: ZnodeStat }>
  getAcl(path: string): Promise<AclEntry[]>
}

export interface ScannedNode {
  path: string
  /** Relative to the root: "" for the root itself. */
  rel: string
  depth: number
  stat: ZnodeStat
  children: string[]
  data?: Buffer
  acl?: AclEntry[]
}

export interface ScanOptions {
  root: string
  maxNodes: number
  withData: boolean
  withAcl: boolean
  signal?: AbortSignal
  concurrency?: number
  onNode(node: ScannedNode): 'stop' | undefined
  onUnreadable?(path: string, error: ZkError): void
}

const EMPTY = Buffer.alloc(0)

export function relPath(root: string, path: string): string {
  if (path === root) return ''
  return root === '/' ? path : path.slice(root.length)
}

export function joinRel(root: string, rel: string): string {
  if (rel === '') return root
  return root === '/' ? rel : `${root}${rel}`
}

export async function scanSubtree(session: ScanSession, options: ScanOptions): Promise<WalkResult> {
  const acls = new Map<string, AclEntry[]>()
  const { root } = options
  let rootError: ZkError | undefined
  // When data or ACLs are read anyway, the data's Stat says whether a node has children: leaves (most
  // nodes of a real tree) then need no getChildren at all, a third fewer requests for an export.
  const reads = new Map<string, Promise<{ data: Buffer; stat: ZnodeStat }>>()
  const read = (path: string) => {
    let pending = reads.get(path)
    if (!pending) {
      pending = (async () => {
        const [content, acl] = await Promise.all([
          options.withData ? session.getData(path) : undefined,
          options.withAcl ? session.getAcl(path) : undefined,
        ])
        if (acl) acls.set(path, acl)
        // The walker takes only `data` from this answer (the Stat comes with the children) when no data was read.
        return content ?? { data: EMPTY, stat: undefined as unknown as ZnodeStat }
      })()
      reads.set(path, pending)
    }
    return pending
  }
  const adapter = {
    async getChildren(path: string) {
      if (options.withData) {
        const { stat } = await read(path)
        if (stat.numChildren === 0) return { children: [], stat }
      }
      const listing = await session.getChildren(path)
      // /zookeeper belongs to the server: no recursive operation touches it.
      return path === '/' ? { ...listing, children: listing.children.filter((c) => c !== 'zookeeper') } : listing
    },
    async getData(path: string) {
      try {
        return await read(path)
      } finally {
        reads.delete(path)
      }
    },
  }
  // A lost connection ends the scan: the walker would count the nodes in flight as unreadable and
  // finish, and a recursive operation must not act on a subtree it only half read.
  const stop = new AbortController()
  let lost: ZkError | undefined
  const forward = () => stop.abort()
  if (options.signal?.aborted) stop.abort()
  options.signal?.addEventListener('abort', forward, { once: true })
  const result = await walkSubtree(adapter, {
    root,
    maxDepth: Number.MAX_SAFE_INTEGER,
    maxNodes: options.maxNodes,
    withData: options.withData || options.withAcl,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    signal: stop.signal,
    onNode: (node) => {
      const acl = acls.get(node.path)
      acls.delete(node.path)
      const scanned: ScannedNode = { path: node.path, rel: relPath(root, node.path), depth: node.depth, stat: node.stat, children: node.children }
      if (options.withData && node.data) scanned.data = node.data
      if (acl) scanned.acl = acl
      return options.onNode(scanned)
    },
    onUnreadable: (path, error) => {
      acls.delete(path)
      if (error.code === 'CONNECTION_LOSS' || error.code === 'TIMEOUT') {
        lost ??= new ZkError(error.code, `the subtree could not be read completely: ${error.message}`, path)
        stop.abort()
      } else if (path === root) rootError = error
      else options.onUnreadable?.(path, error)
    },
  }).finally(() => options.signal?.removeEventListener('abort', forward))
  if (lost) throw lost
  if (rootError) throw rootError
  if (result.stoppedBy === 'cancelled') throw new ZkError('CANCELLED', 'cancelled while reading the subtree; nothing was written')
  return result
}

/** Roots of a multi-selection scanned at once; each with a share of one scan's requests in flight. */
const ROOTS_IN_FLIGHT = 16

export interface RootScan {
  signal: AbortSignal
  /** Requests in flight for this root's scan (undefined: a single root takes the walker's default). */
  concurrency?: number
}

/**
 * Runs `scanOne` for each root of a multi-selection, several at a time: a
 * selection of thousands of small subtrees would otherwise be one round trip
 * after another. Together they keep about as many requests in flight as one
 * scan. The first failure stops the other scans and is what this throws.
 */
export async function scanRoots(roots: readonly string[], signal: AbortSignal | undefined, scanOne: (root: string, index: number, scan: RootScan) => Promise<unknown>): Promise<void> {
  const stop = new AbortController()
  // Each scan in flight listens on it (the scan and its walker), and lets go when done.
  setMaxListeners(ROOTS_IN_FLIGHT * 4, stop.signal)
  const forward = () => stop.abort()
  if (signal?.aborted) stop.abort()
  signal?.addEventListener('abort', forward, { once: true })
  const concurrency = roots.length > 1 ? Math.max(1, Math.floor(DEFAULT_WALK_CONCURRENCY / ROOTS_IN_FLIGHT)) : undefined
  try {
    await mapLimit(roots, ROOTS_IN_FLIGHT, (root, index) => scanOne(root, index, { signal: stop.signal, ...(concurrency ? { concurrency } : {}) }))
  } catch (error) {
    stop.abort()
    throw error
  } finally {
    signal?.removeEventListener('abort', forward)
  }
}
