import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { SeedContext } from './seed-context'
import type { SeedNode } from './seed-plan'
import { tinyPng } from './tiny-png'

/** Nodes that stress the browser and the value viewers: width, depth, sort order, binary, size. */

export const WIDE_PATH = '/demo/wide'
export const WIDE_COUNT = 20_000
/** Just under the 1 MiB (1,048,575 byte) packet limit, with room for the request around it. */
export const LARGE_VALUE_BYTES = 1_000_000

export function wideName(i: number): string {
  return `n${String(i).padStart(6, '0')}`
}

function wide(): SeedNode[] {
  const nodes: SeedNode[] = [{ path: WIDE_PATH, data: `${WIDE_COUNT} children to exercise virtual scrolling and paging` }]
  for (let i = 0; i < WIDE_COUNT; i++) nodes.push({ path: `${WIDE_PATH}/${wideName(i)}`, data: i % 100 === 0 ? `item ${i}` : '' })
  return nodes
}

function deep(): SeedNode[] {
  const segments = 'abcdefghijkl'.split('')
  const nodes: SeedNode[] = []
  let path = '/demo/deep'
  for (const segment of segments) {
    path = `${path}/${segment}`
    nodes.push({ path, data: `depth ${path.split('/').length - 3}` })
  }
  nodes.push({ path: `${path}/leaf.json`, data: JSON.stringify({ reachedDepth: segments.length + 1, note: 'the bottom of /demo/deep' }) })
  return nodes
}

function naturalSort(): SeedNode[] {
  // Unpadded numbers: a natural sort shows item-2 before item-10, a plain sort does not.
  const names = ['item-1', 'item-2', 'item-10', 'item-11', 'item-100', 'file1.txt', 'file10.txt', 'File2.txt', 'v1.9.0', 'v1.10.0', 'v1.10.1']
  return names.map((name) => ({ path: `/demo/natural-sort/${name}`, data: name }))
}

function binary(ctx: SeedContext): SeedNode[] {
  const settings = { theme: 'dark', locale: 'zh-CN', dashboards: Array.from({ length: 40 }, (_, i) => ({ id: i, title: `Dashboard ${i}`, widgets: ['latency', 'throughput', 'errors'] })) }
  const counter = Buffer.alloc(8)
  counter.writeBigInt64BE(1_234_567_890_123n)
  const shared = Buffer.alloc(4)
  shared.writeInt32BE(42)
  // Curator DistributedQueue envelope: int32 0x00010001, then 0x01 + int32 length + bytes per item, then 0x02.
  const job = Buffer.from(JSON.stringify({ orderId: 'A-10023', action: 'ship' }))
  const header = Buffer.alloc(5)
  header.writeInt32BE(0x00010001)
  header[4] = 0x01
  const length = Buffer.alloc(4)
  length.writeInt32BE(job.length)
  const envelope = Buffer.concat([header, length, job, Buffer.from([0x02])])
  const line = 'INFO  2025-03-20T10:15:00Z order-service  processed order batch; latency_ms=12 items=250\n'
  const large = Buffer.alloc(LARGE_VALUE_BYTES, line)
  return [
    { path: '/demo/binary/random.bin', data: randomBytes(512) },
    { path: '/demo/binary/logo.png', data: tinyPng(16) },
    { path: '/demo/binary/settings.json.gz', data: gzipSync(JSON.stringify(settings)) },
    { path: '/demo/binary/atomic-long', data: counter },
    { path: '/demo/binary/shared-count', data: shared },
    { path: '/demo/queue/jobs/queue-', data: envelope, mode: 'persistent_sequential' },
    { path: '/demo/queue/jobs/queue-', data: envelope, mode: 'persistent_sequential' },
    { path: '/demo/empty', data: Buffer.alloc(0) },
    { path: '/demo/large/app-log-1mb.txt', data: large },
    { path: '/demo/readme', data: `Demo data seeded by ZooKeeper Console at ${new Date(ctx.now).toISOString()}.\n` },
  ]
}

export function sampleNodes(ctx: SeedContext): SeedNode[] {
  return [{ path: '/demo', data: '' }, ...binary(ctx), ...naturalSort(), ...deep(), ...wide()]
}
