/**
 * Walking a 110,101-node subtree with the search engine (a predicate that
 * never matches) against the same walk done one request at a time, on a
 * real 3-member ensemble, in the same run.
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

  const p0 = performance.now()
  const cpu0 = process.cpuUsage()
  const piped = await searchSubtree(
    session,
    { ...limits, connectionId: 'bench', searchId: 'bench', root: '/bench', path: { pattern: '(?!)', mode: 'regex', caseSensitive: true } },
    () => undefined,
  )
  const pipedSeconds = (performance.now() - p0) / 1000
  const cpu = process.cpuUsage(cpu0)
  console.log(`client CPU during the pipelined walk: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of ${pipedSeconds.toFixed(1)} s`)

  const never = /(?!)/
  const s0 = performance.now()
  const serial = await walkSubtree(session, {
    root: '/bench',
    maxDepth: 100,
    maxNodes: 10_000_000,
    concurrency: 1,
    onNode: (node) => (never.test(node.path) ? 'stop' : undefined),
  })
  const serialSeconds = (performance.now() - s0) / 1000
  await session.close()

  const pipedRate = piped.visited / pipedSeconds
  const serialRate = serial.visited / serialSeconds
  console.log(`pipelined walk (search engine, 256 in flight): ${piped.visited} nodes in ${pipedSeconds.toFixed(1)} s = ${Math.round(pipedRate)} nodes/s`)
  console.log(`reference, one request at a time:             ${serial.visited} nodes in ${serialSeconds.toFixed(1)} s = ${Math.round(serialRate)} nodes/s`)
  console.log(`ratio: ${(pipedRate / serialRate).toFixed(1)}x the one-at-a-time throughput (target: at least 4x)`)
} finally {
  await ensemble.teardown()
}
