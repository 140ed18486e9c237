import type { SeedMode } from './seed-session'

/** One ACL entry, kept library-free so the plan stays a plain value that unit tests can read. */
export interface SeedAcl {
  scheme: 'world' | 'digest' | 'ip' | 'auth'
  id: string
  /** ZooKeeper permission bits: READ 1, WRITE 2, CREATE 4, DELETE 8, ADMIN 16. */
  perms: number
}

export const PERM = { READ: 1, WRITE: 2, CREATE: 4, DELETE: 8, ADMIN: 16, ALL: 31 } as const
export const OPEN_ACL: SeedAcl[] = [{ scheme: 'world', id: 'anyone', perms: PERM.ALL }]

/** A node the demo data wants; parents that are not listed are created empty and persistent. */
export interface SeedNode {
  /** Full path; for sequential modes the prefix the server appends the 10-digit counter to. */
  path: string
  data?: Buffer | string
  /** Default persistent. */
  mode?: SeedMode
  /** Default world:anyone with every permission. */
  acl?: SeedAcl[]
  /** For ephemeral nodes: which demo session (0-based) owns it, so owners differ like real clients. */
  holder?: number
}

export interface OrderedPlan {
  /** Parents first; written by the seeding session with many requests in flight. */
  persistent: SeedNode[]
  /** Written after every persistent node exists, one at a time so sequence numbers follow plan order. */
  ephemeral: SeedNode[]
}

const isEphemeral = (node: SeedNode): boolean => node.mode === 'ephemeral' || node.mode === 'ephemeral_sequential'
const isSequential = (node: SeedNode): boolean => node.mode === 'persistent_sequential' || node.mode === 'ephemeral_sequential'

function parentOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

/**
 * Orders the nodes so every parent is created before its children. A listed parent that comes
 * later in the list is pulled forward instead of being created empty (which would then clash).
 * ZooKeeper answers one session's requests in order, so this order alone makes pipelining safe.
 */
export function orderPlan(nodes: SeedNode[]): OrderedPlan {
  const named = new Map<string, SeedNode>()
  for (const node of nodes) {
    if (isEphemeral(node) || isSequential(node)) continue
    if (named.has(node.path)) throw new Error(`demo plan lists ${node.path} twice`)
    named.set(node.path, node)
  }
  const persistent: SeedNode[] = []
  const ephemeral: SeedNode[] = []
  const emitted = new Set<string>(['/', '/zookeeper'])
  const emit = (path: string): void => {
    if (emitted.has(path)) return
    emit(parentOf(path))
    emitted.add(path)
    persistent.push(named.get(path) ?? { path })
  }
  for (const node of nodes) {
    if (isEphemeral(node)) {
      emit(parentOf(node.path))
      ephemeral.push(node)
    } else if (isSequential(node)) {
      emit(parentOf(node.path))
      persistent.push(node)
    } else {
      emit(node.path)
    }
  }
  return { persistent, ephemeral }
}
