import { describe, expect, it } from 'vitest'
import { checkPath } from '../../../../shared/zk/path'
import { demoPlan } from '../../../../electron/backend/sandbox/demo-seed'
import { createSeedContext } from '../../../../electron/backend/sandbox/seed-context'
import { orderPlan, type SeedNode } from '../../../../electron/backend/sandbox/seed-plan'
import { LARGE_VALUE_BYTES, WIDE_COUNT, WIDE_PATH } from '../../../../electron/backend/sandbox/seed-samples'
import { toBatches } from '../../../../electron/backend/sandbox/seed-writer'

describe('orderPlan', () => {
  it('creates missing parents first and pulls listed parents forward instead of creating them empty', () => {
    const plan = orderPlan([
      { path: '/a/b/c', data: 'c' },
      { path: '/a', data: 'a' },
      { path: '/x/lock-', mode: 'ephemeral_sequential', holder: 1 },
      { path: '/q/item-', mode: 'persistent_sequential' },
      { path: '/q/item-', mode: 'persistent_sequential' },
    ])
    expect(plan.persistent.map((n) => n.path)).toEqual(['/a', '/a/b', '/a/b/c', '/x', '/q', '/q/item-', '/q/item-'])
    expect(plan.persistent[0]?.data).toBe('a')
    expect(plan.persistent[1]?.data).toBeUndefined()
    expect(plan.ephemeral).toEqual([{ path: '/x/lock-', mode: 'ephemeral_sequential', holder: 1 }])
  })

  it('refuses a node listed twice', () => {
    expect(() => orderPlan([{ path: '/a' }, { path: '/a' }])).toThrow(/twice/)
  })
})

describe('toBatches', () => {
  it('keeps the order and cuts by count and by bytes, a big node alone', () => {
    const nodes: SeedNode[] = [
      ...Array.from({ length: 5 }, (_, i) => ({ path: `/n${i}` })),
      { path: '/big', data: Buffer.alloc(5_000) },
      { path: '/after' },
    ]
    const batches = toBatches(nodes, { ops: 2, bytes: 1_000 })
    expect(batches.map((b) => b.map((n) => n.path))).toEqual([['/n0', '/n1'], ['/n2', '/n3'], ['/n4'], ['/big'], ['/after']])
  })
})

describe('demo data plan', () => {
  const nodes = demoPlan(createSeedContext(3, Date.UTC(2025, 2, 20)))
  const plan = orderPlan(nodes)
  const byPath = new Map(nodes.map((n) => [n.path, n]))

  it('has only valid paths, parents before children', () => {
    const seen = new Set(['/'])
    const problems: string[] = []
    for (const node of plan.persistent) {
      if (!checkPath(node.path).ok) problems.push(`invalid ${node.path}`)
      const parent = node.path.slice(0, node.path.lastIndexOf('/')) || '/'
      if (!seen.has(parent)) problems.push(`${node.path} before its parent`)
      seen.add(node.path)
    }
    for (const node of plan.ephemeral) if (!checkPath(node.path).ok) problems.push(`invalid ${node.path}`)
    expect(problems).toEqual([])
  })

  it('has the wide node with 20,000 children and a value just under 1 MiB', () => {
    expect(nodes.filter((n) => n.path.startsWith(`${WIDE_PATH}/`))).toHaveLength(WIDE_COUNT)
    expect(byPath.get(`${WIDE_PATH}/n000000`)).toBeDefined()
    expect(byPath.get(`${WIDE_PATH}/n019999`)).toBeDefined()
    const large = byPath.get('/demo/large/app-log-1mb.txt')?.data
    expect(Buffer.isBuffer(large) && large.length).toBe(LARGE_VALUE_BYTES)
    const tooLarge = nodes.filter((n) => n.data !== undefined && Buffer.byteLength(n.data) > 1_048_575 - 1_000)
    expect(tooLarge.map((n) => n.path)).toEqual([])
  })

  it('puts every ephemeral node on a demo session, spread over all three', () => {
    expect(plan.ephemeral.length).toBeGreaterThan(20)
    for (const node of plan.ephemeral) expect(node.holder, node.path).toBeGreaterThanOrEqual(0)
    expect(new Set(plan.ephemeral.map((n) => n.holder))).toEqual(new Set([0, 1, 2]))
    const ephemeralPaths = plan.ephemeral.map((n) => n.path)
    expect(ephemeralPaths).toEqual(expect.arrayContaining(['/brokers/ids/1', '/brokers/ids/2', '/brokers/ids/3', '/controller']))
    expect(ephemeralPaths.filter((p) => /^\/locks\/orders\/_c_[0-9a-f-]{36}-lock-$/.test(p))).toHaveLength(3)
    expect(ephemeralPaths.filter((p) => /^\/election\/scheduler\/_c_[0-9a-f-]{36}-latch-$/.test(p))).toHaveLength(3)
  })

  it('has parseable config in several formats and Kafka JSON', () => {
    const text = (path: string): string => {
      const data = byPath.get(path)?.data
      return typeof data === 'string' ? data : (data?.toString('utf8') ?? '')
    }
    expect(JSON.parse(text('/config/app/application.json'))).toMatchObject({ app: { name: 'order-service' } })
    expect(JSON.parse(text('/config/app/feature-flags.json'))).toHaveProperty('flags')
    expect(text('/config/app/application.yaml')).toContain('订单中心')
    expect(text('/config/app/log4j2.xml')).toMatch(/^<\?xml/)
    expect(text('/config/app/database.properties')).toMatch(/^jdbc\.url=/m)
    expect(JSON.parse(text('/brokers/ids/1'))).toMatchObject({ version: 5, port: 9092 })
    expect(JSON.parse(text('/brokers/topics/orders/partitions/4/state'))).toMatchObject({ isr: [2, 3] })
  })
})
