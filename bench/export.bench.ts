/**
 * Export of the 110,101-node benchmark tree to the JSON format on disk, on a
 * real 3-member ensemble: exportTree (pipelined walk with data and ACLs,
 * streamed to the file) against a reference that reads children, data and
 * ACL one request at a time and writes the same lines, measured in the same
 * run on a tenth of the tree (11,011 nodes) to keep the run short. Heap use
 * is sampled during the export: it must not grow with the tree.
 */
import { createWriteStream, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Client } from 'node-zookeeper-client'
import { launchEnsemble } from '../electron/backend/sandbox/ensemble-launcher'
import { exportTree } from '../electron/backend/edit/export-tree'
import { convertStat } from '../shared/zk/stat'
import { exportNodeText, toExportNode } from '../shared/zk/export-format'
import { benchTreePaths, connectRaw, createPaths } from './bench-tree'
import { benchContext, call } from './bench-edit'


/** One request at a time: getChildren, getData, getACL per node, breadth-first, each node written as it is read. */
async function exportOneByOne(client: Client, roots: string[], file: string): Promise<number> {
  const out = createWriteStream(file)
  const queue = [...roots]
  let count = 0
  for (let i = 0; i < queue.length; i++) {
    const path = queue[i] as string
    const children = await call<string[]>((done) => client.getChildren(path, (e, c) => done(e, c)))
    const [data, stat] = await call<[Buffer, ReturnType<typeof convertStat>]>((done) => client.getData(path, (e, d, s) => done(e, e ? undefined : [d ?? Buffer.alloc(0), convertStat(s)])))
    const acl = await call<{ scheme: string; id: string; perms: number }[]>((done) =>
      client.getACL(path, (e, acls) => done(e, e ? undefined : (acls as unknown as { permission: number; id: { scheme: string; id: string } }[]).map((a) => ({ scheme: a.id.scheme, id: a.id.id, perms: a.permission })))),
    )
    if (!out.write(exportNodeText(toExportNode(path, path, data, acl, stat), count === 0))) await new Promise<void>((r) => out.once('drain', () => r()))
    count += 1
    for (const child of children) queue.push(`${path}/${child}`)
  }
  await new Promise<void>((resolve) => out.end(resolve))
  return count
}

// Full JIT (the launcher's default stops at C1 for fast test starts) and a larger heap: the servers should run as in production.
const ensemble = await launchEnsemble({ size: 3, heap: '1g', jvmFlags: ['-XX:TieredStopAtLevel=4'] })
try {
  const paths = benchTreePaths()
  const writer = await connectRaw(ensemble.connectString)
  const t0 = performance.now()
  await createPaths(writer, paths, Buffer.from('{"region": "eu-1", "weight": 10}'))
  console.log(`built ${paths.length} nodes (33-byte JSON each) in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const { ctx, connectionId, scope, workDir } = await benchContext(ensemble.connectString)
  const file = join(workDir, 'bench-export.json')
  // An untimed first pass over the whole tree, so that no measurement pays for the servers' JIT warm-up.
  await exportTree(
    ctx,
    { operationId: 'warm-up', connectionId, path: '/bench', format: 'json', includeEphemeral: false, destination: { kind: 'file', path: join(workDir, 'warm-up.json'), overwrite: false } },
    scope,
  )
  let peakHeap = 0
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50)
  const heapBefore = process.memoryUsage().heapUsed
  const p0 = performance.now()
  const result = await exportTree(
    ctx,
    { operationId: 'bench', connectionId, path: '/bench', format: 'json', includeEphemeral: false, destination: { kind: 'file', path: file, overwrite: false } },
    scope,
  )
  const pipedSeconds = (performance.now() - p0) / 1000
  clearInterval(sampler)
  console.log(`file: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB; heap before ${(heapBefore / 1024 / 1024).toFixed(0)} MiB, peak during the export ${(peakHeap / 1024 / 1024).toFixed(0)} MiB`)

  const slice = Array.from({ length: 10 }, (_, i) => `/bench/a${i}`)
  const s0 = performance.now()
  const serial = await exportOneByOne(writer, slice, join(workDir, 'reference.json'))
  const serialSeconds = (performance.now() - s0) / 1000
  writer.close()
  await ctx.connections.dispose()
  rmSync(workDir, { recursive: true, force: true })

  const pipedRate = result.nodes / pipedSeconds
  const serialRate = serial / serialSeconds
  console.log(`exportTree (256 in flight, streamed to disk): ${result.nodes} nodes in ${pipedSeconds.toFixed(1)} s = ${Math.round(pipedRate)} nodes/s`)
  console.log(`reference, one request at a time:            ${serial} nodes in ${serialSeconds.toFixed(1)} s = ${Math.round(serialRate)} nodes/s`)
  console.log(`ratio: ${(pipedRate / serialRate).toFixed(1)}x the one-at-a-time throughput (target: at least 4x)`)
} finally {
  await ensemble.teardown()
}
