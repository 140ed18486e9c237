/** Builds large trees fast for benchmarks: multi-op batches, several in flight. */
import zookeeper from 'node-zookeeper-client'
import type { Client } from 'node-zookeeper-client'
import { mapLimit } from '../shared/util/map-limit'

export function connectRaw(connectString: string): Promise<Client> {
  const client = zookeeper.createClient(connectString, { sessionTimeout: 30_000 })
  return new Promise((resolve) => {
    client.once('connected', () => resolve(client))
    client.connect()
  })
}

/** Creates the paths in order (parents before children), 500 per transaction, 8 transactions in flight. */
export async function createPaths(client: Client, paths: readonly string[], data = Buffer.alloc(0)): Promise<void> {
  const batches: string[][] = []
  for (let i = 0; i < paths.length; i += 500) batches.push(paths.slice(i, i + 500))
  // Parents must exist before their children: run level by level.
  const byDepth = new Map<number, string[][]>()
  for (const batch of batches) {
    const depth = (batch[0] ?? '').split('/').length
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), batch])
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    await mapLimit(byDepth.get(depth) ?? [], 8, (batch) => {
      const tx = client.transaction()
      for (const path of batch) tx.create(path, data)
      return new Promise<void>((resolve, reject) => tx.commit((error) => (error ? reject(error) : resolve())))
    })
  }
}

/** /bench/aI/bJ/cK: 100 x 100 x 10 = 110,101 nodes with the root. */
export function benchTreePaths(root = '/bench', a = 100, b = 100, c = 10): string[] {
  const paths = [root]
  for (let i = 0; i < a; i++) paths.push(`${root}/a${i}`)
  for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) paths.push(`${root}/a${i}/b${j}`)
  for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) for (let k = 0; k < c; k++) paths.push(`${root}/a${i}/b${j}/c${k}`)
  return paths
}
