/**
 * Walking a 110,101-node subtree with the search engine (a predicate that
 * never matches; it reads the frontier in multiRead batches) against the
 * same walk done one getChildren2 request at a time, on a real 3-member
 * ensemble, in the same run.
 */
import { launchEnsemble } from '../electron/backend/sandbox/ensemble-launcher'
import { ZkSession } from '../electron/backend/connections/zk-session'
import { searchSubtree } from '../electron/backend/tree/subtree-search'
import { walkSubtree } from '../electron/backend/tree/subtree-walker'
import { benchTreePaths, connectRaw, createPaths } from './bench-tree'

// Full JIT and a larger heap: the servers here should run as in production, not as in a quick test.
const ensemble = await launchEnsemble({ size: 3, heap: '1g', jvmFlags: ['-XX:TieredStopAtLevel=4'] })
try {
  const paths = benchTreePaths()
  const writer = await connectRaw(ensemble.connectString)
  const t0 = performance.now()
  await createPaths(writer, paths)
  writer.close()
  console.log(`built ${paths.length} nodes in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const session = new ZkSession({ connectString: ensemble.connectString, sessionTimeoutMs: 30_000, credentials: [], onState: () => undefined })
  await session.whenSettled()
  const limits = { maxDepth: 100, maxNodes: 10_000_000, maxResults: 1 }
  const search = (root: string) =>
    searchSubtree(
      session,
      { ...limits, connectionId: 'bench', searchId: 'bench', root, path: { pattern: '(?!)', mode: 'regex', caseSensitive: true } },
      () => undefined,
    )
  const never = /(?!)/
  const serialWalk = (root: string) =>
    walkSubtree(session, {
      root,
      maxDepth: 100,
      maxNodes: 10_000_000,
      concurrency: 1,
      onNode: (node) => (never.test(node.path) ? 'stop' : undefined),
    })
  const timed = async (walk: () => Promise<{ visited: number }>) => {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const { visited } = await walk()
    const seconds = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    return { visited, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 }
  }

  // Both ways over part of the tree first (24,000 nodes), so neither measured walk pays for compiling
  // code: in the client, and in the server, whose JIT takes some 10,000 reads to reach full speed.
  for (let i = 0; i < 20; i++) await search(`/bench/a${i}`)
  for (let i = 20; i < 22; i++) await serialWalk(`/bench/a${i}`)

  const piped = await timed(() => search('/bench'))
  const serial = await timed(() => serialWalk('/bench'))
  const batched = session.batchesReads
  await session.close()

  for (const [name, run] of [['pipelined', piped], ['one-at-a-time', serial]] as const) {
    console.log(
      `client CPU during the ${name} walk: ${run.cpuSeconds.toFixed(1)} s of ${run.seconds.toFixed(1)} s = ${Math.round((run.cpuSeconds * 1e6) / run.visited)} µs per node`,
    )
  }
  const pipedRate = piped.visited / piped.seconds
  const serialRate = serial.visited / serial.seconds
  const how = batched ? 'multiRead batches of 64, 8 in flight' : 'the server has no multiRead: node by node'
  console.log(`pipelined walk (search engine, ${how}): ${piped.visited} nodes in ${piped.seconds.toFixed(1)} s = ${Math.round(pipedRate)} nodes/s`)
  console.log(`reference, one getChildren2 request at a time: ${serial.visited} nodes in ${serial.seconds.toFixed(1)} s = ${Math.round(serialRate)} nodes/s`)
  console.log(`ratio: ${(pipedRate / serialRate).toFixed(1)}x the one-at-a-time throughput (target: at least 4x)`)
} finally {
  await ensemble.teardown()
}
