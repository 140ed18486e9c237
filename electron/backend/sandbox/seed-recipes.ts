import { hostOf, type SeedContext } from './seed-context'
import type { SeedNode } from './seed-plan'

/**
 * Curator recipes and service discovery, each contender on its own demo session so the nodes
 * have different owners, exactly like separate processes.
 */

function curatorLock(ctx: SeedContext): SeedNode[] {
  // InterProcessMutex: `_c_<uuid>-lock-<seq>`, data is the client's IP; the first holds.
  const nodes: SeedNode[] = [{ path: '/locks', data: '' }, { path: '/locks/orders', data: '' }]
  for (let holder = 0; holder < ctx.holders; holder++) {
    nodes.push({ path: `/locks/orders/_c_${ctx.uuid()}-lock-`, data: hostOf(holder), mode: 'ephemeral_sequential', holder })
  }
  // InterProcessReadWriteLock: no hyphen before the sequence; a reader holds, a writer waits.
  const rw: [string, string, number][] = [
    ['__READ__', 'reader-1', 1],
    ['__WRIT__', 'writer-1', 2],
    ['__READ__', hostOf(0), 0],
  ]
  for (const [kind, data, holder] of rw) nodes.push({ path: `/locks/inventory/_c_${ctx.uuid()}-${kind}`, data, mode: 'ephemeral_sequential', holder })
  return nodes
}

function leaderLatch(ctx: SeedContext): SeedNode[] {
  // LeaderLatch: `_c_<uuid>-latch-<seq>`, data is the participant id; the lowest sequence leads.
  const nodes: SeedNode[] = [{ path: '/election', data: '' }]
  for (let holder = 0; holder < ctx.holders; holder++) {
    nodes.push({ path: `/election/scheduler/_c_${ctx.uuid()}-latch-`, data: `scheduler-${holder + 1}:8080`, mode: 'ephemeral_sequential', holder })
  }
  return nodes
}

function dubboInstance(app: string, holder: number, ctx: SeedContext): SeedNode {
  const id = `${hostOf(holder)}:20880`
  const metadata = {
    'dubbo.endpoints': JSON.stringify([{ port: 20880, protocol: 'dubbo' }]),
    'dubbo.metadata.revision': 'c1f3a9d27e8b4f6a90d5e2b7a41c8e03',
    'dubbo.metadata.storage-type': 'local',
    timestamp: String(ctx.now - 3_600_000),
  }
  const instance = {
    name: app,
    id,
    address: hostOf(holder),
    port: 20880,
    sslPort: null,
    payload: { '@class': 'org.apache.dubbo.registry.zookeeper.ZookeeperInstance', id, name: app, metadata },
    registrationTimeUTC: ctx.now - 3_600_000 + holder * 1_000,
    serviceType: 'DYNAMIC',
    uriSpec: null,
  }
  return { path: `/services/${app}/${id}`, data: JSON.stringify(instance), mode: 'ephemeral', holder }
}

function springInstance(app: string, holder: number, ctx: SeedContext): SeedNode {
  const id = ctx.uuid()
  const instance = {
    name: app,
    id,
    address: `ip-10-0-1-${11 + holder}.internal`,
    port: 8080 + holder,
    sslPort: null,
    payload: { '@class': 'org.springframework.cloud.zookeeper.discovery.ZookeeperInstance', id: `application-${holder + 1}`, name: app, metadata: { zone: 'eu-west-1a' } },
    registrationTimeUTC: ctx.now - 7_200_000 + holder * 1_000,
    serviceType: 'DYNAMIC',
    uriSpec: {
      parts: [
        { value: 'scheme', variable: true },
        { value: '://', variable: false },
        { value: 'address', variable: true },
        { value: ':', variable: false },
        { value: 'port', variable: true },
      ],
    },
  }
  return { path: `/services/${app}/${id}`, data: JSON.stringify(instance), mode: 'ephemeral', holder }
}

function membership(ctx: SeedContext): SeedNode[] {
  // Curator GroupMember: plain ephemeral `<group>/<memberId>` with the member's payload.
  const nodes: SeedNode[] = [{ path: '/members/billing-workers', data: '' }]
  for (let holder = 0; holder < ctx.holders; holder++) {
    nodes.push({ path: `/members/billing-workers/worker-${holder + 1}`, data: JSON.stringify({ host: hostOf(holder), slots: 4, startedAt: ctx.now - 600_000 }), mode: 'ephemeral', holder })
  }
  return nodes
}

export function recipeNodes(ctx: SeedContext): SeedNode[] {
  return [
    ...curatorLock(ctx),
    ...leaderLatch(ctx),
    { path: '/services', data: '' },
    { path: '/services/demo-provider', data: '' },
    { path: '/services/orders-service', data: '' },
    dubboInstance('demo-provider', 0, ctx),
    dubboInstance('demo-provider', 1, ctx),
    springInstance('orders-service', 1, ctx),
    springInstance('orders-service', 2, ctx),
    ...membership(ctx),
  ]
}
