/**
 * Recursive delete of a 22,021-node subtree (/dN/aI/bJ/cK, 20 x 100 x 10)
 * on a real 3-member ensemble: deleteTree (pipelined scan, multi-op batches
 * bottom-up, audit log included) against a reference that lists and deletes
 * one request at a time, and, for scale, 256 single deletes in flight. Each
 * measurement gets its own copy of the tree, built in the same run.
 */
import { rmSync } from 'node:fs'
import type { Client } from 'node-zookeeper-client'
import { launchEnsemble } from '../electron/backend/sandbox/ensemble-launcher'
import { deleteTree } from '../electron/backend/edit/delete-tree'
import { mapLimit } from '../shared/util/map-limit'
import { benchTreePaths, connectRaw, createPaths } from './bench-tree'
import { benchContext, call } from './bench-edit'


/** Lists the subtree breadth-first, `inFlight` getChildren at a time per level; deepest-first order for deleting. */
async function listDeepestFirst(client: Client, root: string, inFlight: number): Promise<string[]> {
  const all: string[] = []
  let level = [root]
  while (level.length > 0) {
    all.push(...level)
    const children = await mapLimit(level, inFlight, (path) => call<string[]>((done) => client.getChildren(path, (e, c) => done(e, c))).then((names) => names.map((n) => `${path}/${n}`)))
    level = children.flat()
  }
  return all.reverse()
}

async function deleteOneByOne(client: Client, root: string, inFlight: number): Promise<number> {
  const paths = await listDeepestFirst(client, root, inFlight)
  const byDepth = new Map<number, string[]>()
  for (const path of paths) {
    const depth = path.split('/').length
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), path])
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => b - a)) {
    await mapLimit(byDepth.get(depth) ?? [], inFlight, (path) => call<undefined>((done) => client.remove(path, -1, (e) => done(e))))
  }
  return paths.length
}

// Full JIT (the launcher's default stops at C1 for fast test starts) and a larger heap: the servers should run as in production.
const ensemble = await launchEnsemble({ size: 3, heap: '1g', jvmFlags: ['-XX:TieredStopAtLevel=4'] })
try {
  const writer = await connectRaw(ensemble.connectString)
  const t0 = performance.now()
  for (const root of ['/warm', '/d1', '/d2', '/d3']) await createPaths(writer, benchTreePaths(root, 20, 100, 10))
  console.log(`built 4 x 22,021 nodes in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const { ctx, connectionId, scope, workDir } = await benchContext(ensemble.connectString)
  // An untimed first run, so that no measurement pays for the servers' JIT warm-up.
  await deleteTree(ctx, { operationId: 'warm-up', connectionId, path: '/warm', keepRoot: false }, scope)
  const p0 = performance.now()
  const report = await deleteTree(ctx, { operationId: 'bench', connectionId, path: '/d1', keepRoot: false }, scope)
  const pipedSeconds = (performance.now() - p0) / 1000
  if (report.outcome !== 'complete') throw new Error(`deleteTree did not complete: ${report.message}`)

  const s0 = performance.now()
  const serial = await deleteOneByOne(writer, '/d2', 1)
  const serialSeconds = (performance.now() - s0) / 1000

  const f0 = performance.now()
  const flight = await deleteOneByOne(writer, '/d3', 256)
  const flightSeconds = (performance.now() - f0) / 1000
  writer.close()
  await ctx.connections.dispose()
  rmSync(workDir, { recursive: true, force: true })

  const pipedRate = report.succeeded / pipedSeconds
  const serialRate = serial / serialSeconds
  console.log(`deleteTree (scan 256 in flight, ${report.batches} multi batches): ${report.succeeded} nodes in ${pipedSeconds.toFixed(1)} s = ${Math.round(pipedRate)} nodes/s`)
  console.log(`for scale, 256 single deletes in flight:         ${flight} nodes in ${flightSeconds.toFixed(1)} s = ${Math.round(flight / flightSeconds)} nodes/s`)
  console.log(`reference, one request at a time:                ${serial} nodes in ${serialSeconds.toFixed(1)} s = ${Math.round(serialRate)} nodes/s`)
  console.log(`ratio: ${(pipedRate / serialRate).toFixed(1)}x the one-at-a-time throughput (target: at least 4x)`)
} finally {
  await ensemble.teardown()
}
