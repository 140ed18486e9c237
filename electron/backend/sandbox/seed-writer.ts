import zookeeper from 'node-zookeeper-client'
import { mapLimit } from '../../../shared/util/map-limit'
import type { OrderedPlan, SeedAcl, SeedNode } from './seed-plan'
import { createNode, MODES, type ZkClient } from './seed-session'

function toAcl(acl: SeedAcl[] | undefined): zookeeper.ACL[] {
  const entries = acl ?? [{ scheme: 'world', id: 'anyone', perms: 31 }]
  return entries.map((entry) => new zookeeper.ACL(entry.perms, new zookeeper.Id(entry.scheme, entry.id)))
}

function toData(data: SeedNode['data']): Buffer {
  if (data === undefined) return Buffer.alloc(0)
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data
}

export interface BatchLimits {
  /** Creates per multi request. */
  ops: number
  /** Data bytes per multi request, far below the server's 1 MiB packet limit. */
  bytes: number
}

export const DEFAULT_BATCH: BatchLimits = { ops: 200, bytes: 256 * 1024 }

/** Cuts the ordered list into consecutive batches; a node bigger than the byte limit goes alone. */
export function toBatches(nodes: readonly SeedNode[], limits: BatchLimits = DEFAULT_BATCH): SeedNode[][] {
  const batches: SeedNode[][] = []
  let current: SeedNode[] = []
  let bytes = 0
  for (const node of nodes) {
    const size = toData(node.data).length + node.path.length
    if (current.length > 0 && (current.length >= limits.ops || bytes + size > limits.bytes)) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(node)
    bytes += size
  }
  if (current.length > 0) batches.push(current)
  return batches
}

interface OpResult {
  path?: string
  err?: number
}

/** One multi request; resolves with the created paths in order. */
function createBatch(client: ZkClient, batch: readonly SeedNode[]): Promise<string[]> {
  const tx = client.transaction()
  for (const node of batch) tx.create(node.path, toData(node.data), toAcl(node.acl), MODES[node.mode ?? 'persistent'])
  return new Promise((resolve, reject) => {
    tx.commit((error, results: unknown) => {
      const list = Array.isArray(results) ? (results as OpResult[]) : []
      if (error) {
        // The failing op carries the real code; the others report "rolled back" (-2).
        const index = list.findIndex((r) => r.err !== undefined && r.err !== 0 && r.err !== -2)
        const where = batch[index]?.path ?? `a batch starting at ${batch[0]?.path ?? '?'}`
        reject(new Error(`create ${where} failed: ${error.toString()}`))
        return
      }
      resolve(list.map((r) => r.path ?? ''))
    })
  })
}

export interface WriteResult {
  persistent: number
  ephemeral: number
  /** Created paths of sequential nodes, by the prefix they were asked for (in creation order). */
  sequential: Map<string, string[]>
}

/**
 * Writes an ordered plan. Persistent nodes go in multi requests, several in flight on `main`:
 * one transaction per 200 creates is about six times faster than single creates because the
 * quorum commits one proposal per request. Ephemerals go on their holder sessions.
 */
export async function writePlan(main: ZkClient, holders: readonly ZkClient[], plan: OrderedPlan, inFlight = 16): Promise<WriteResult> {
  const sequential = new Map<string, string[]>()
  const record = (node: SeedNode, created: string): void => {
    if (node.mode !== 'persistent_sequential' && node.mode !== 'ephemeral_sequential') return
    const list = sequential.get(node.path) ?? []
    list.push(created)
    sequential.set(node.path, list)
  }
  const batches = toBatches(plan.persistent)
  const created = await mapLimit(batches, inFlight, (batch) => createBatch(main, batch))
  batches.forEach((batch, b) => batch.forEach((node, i) => record(node, created[b]?.[i] ?? '')))
  // One at a time across sessions: the sequence numbers then follow plan order, so the first
  // contender listed really is the lock holder or the leader.
  for (const node of plan.ephemeral) {
    const owner = holders.length > 0 ? holders[(node.holder ?? 0) % holders.length] : main
    if (!owner) throw new Error('no session to hold ephemeral nodes')
    record(node, await createNode(owner, node.path, toData(node.data), toAcl(node.acl), node.mode ?? 'ephemeral'))
  }
  return { persistent: plan.persistent.length, ephemeral: plan.ephemeral.length, sequential }
}
