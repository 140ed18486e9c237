import type { SeedContext } from './seed-context'
import type { SeedNode } from './seed-plan'

/** A Kafka cluster in ZooKeeper mode (no chroot), as ZkData.scala writes it. */

interface Topic {
  name: string
  topicId: string
  /** Replica broker ids per partition; the first is the preferred leader. */
  replicas: number[][]
  /** Partitions whose ISR lost a replica, or that have no leader, to give the UI something to flag. */
  degraded?: Record<number, { isr: number[]; leader: number }>
}

const rotate = (count: number, partitions: number, factor: number): number[][] =>
  Array.from({ length: partitions }, (_, p) => Array.from({ length: factor }, (_, r) => ((p + r) % count) + 1))

const TOPICS: Topic[] = [
  { name: 'orders', topicId: 'cMr3GpVESX2L3byPGf93lQ', replicas: rotate(3, 6, 3), degraded: { 4: { isr: [2, 3], leader: 2 } } },
  { name: 'payments', topicId: 'q8Vn2dW0Tb6xYJ1sK3mRwA', replicas: rotate(3, 3, 3) },
  { name: 'audit-log', topicId: 'Zl5oPq0xR1aT9bVc7eHfGg', replicas: rotate(3, 2, 1), degraded: { 1: { isr: [], leader: -1 } } },
  { name: '__consumer_offsets', topicId: 'u1XWm2Qh5kS8fD3jN6pLzA', replicas: rotate(3, 50, 3) },
]

function brokerNode(id: number, ctx: SeedContext): SeedNode {
  const registration = {
    features: {},
    listener_security_protocol_map: { PLAINTEXT: 'PLAINTEXT', INTERNAL: 'PLAINTEXT' },
    endpoints: [`PLAINTEXT://kafka-${id}.example.internal:9092`, `INTERNAL://10.0.2.${10 + id}:9093`],
    jmx_port: 9999,
    port: 9092,
    host: `kafka-${id}.example.internal`,
    version: 5,
    rack: `eu-west-1${'abc'[id - 1] ?? 'a'}`,
    timestamp: String(ctx.now - 86_400_000 + id * 4_000),
  }
  // A broker registers itself: broker n is demo session n-1.
  return { path: `/brokers/ids/${id}`, data: JSON.stringify(registration), mode: 'ephemeral', holder: id - 1 }
}

function topicNodes(topic: Topic): SeedNode[] {
  const partitions = Object.fromEntries(topic.replicas.map((r, p) => [String(p), r]))
  const nodes: SeedNode[] = [
    {
      path: `/brokers/topics/${topic.name}`,
      data: JSON.stringify({ partitions, topic_id: topic.topicId, adding_replicas: {}, removing_replicas: {}, version: 3 }),
    },
  ]
  topic.replicas.forEach((replicas, p) => {
    const degraded = topic.degraded?.[p]
    const state = { controller_epoch: 3, leader: degraded?.leader ?? replicas[0] ?? -1, version: 1, leader_epoch: degraded ? 4 : 2, isr: degraded?.isr ?? replicas }
    nodes.push({ path: `/brokers/topics/${topic.name}/partitions/${p}/state`, data: JSON.stringify(state) })
  })
  return nodes
}

export function kafkaNodes(ctx: SeedContext): SeedNode[] {
  return [
    { path: '/brokers/seqid', data: '' },
    ...TOPICS.flatMap(topicNodes),
    { path: '/controller_epoch', data: '3' },
    { path: '/cluster/id', data: JSON.stringify({ version: '1', id: 'eQzK4lYlQ9y8P21IScOl_g' }) },
    { path: '/admin/delete_topics/audit-log', data: '' },
    { path: '/config/topics/orders', data: JSON.stringify({ version: 1, config: { 'retention.ms': '604800000', 'min.insync.replicas': '2' } }) },
    { path: '/config/topics/payments', data: JSON.stringify({ version: 1, config: { 'cleanup.policy': 'compact' } }) },
    { path: '/config/brokers/<default>', data: JSON.stringify({ version: 1, config: { 'log.retention.hours': '168' } }) },
    { path: '/config/clients', data: '' },
    { path: '/config/users', data: '' },
    { path: '/config/changes/config_change_', data: JSON.stringify({ version: 2, entity_path: 'topics/orders' }), mode: 'persistent_sequential' },
    { path: '/isr_change_notification', data: '' },
    { path: '/latest_producer_id_block', data: JSON.stringify({ version: 1, broker: 2, block_start: '5000', block_end: '5999' }) },
    { path: '/feature', data: JSON.stringify({ features: {}, version: 2, status: 1 }) },
    ...[1, 2, 3].map((id) => brokerNode(id, ctx)),
    // The controller is whichever broker won the election; its session owns the node.
    { path: '/controller', data: JSON.stringify({ version: 2, brokerid: 1, timestamp: String(ctx.now - 86_000_000), kraftControllerEpoch: -1 }), mode: 'ephemeral', holder: 0 },
  ]
}
