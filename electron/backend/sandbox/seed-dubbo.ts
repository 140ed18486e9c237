import { hostOf, type SeedContext } from './seed-context'
import type { SeedNode } from './seed-plan'

/**
 * `java.net.URLEncoder.encode(s, "UTF-8")`, which Dubbo uses for node names: like
 * encodeURIComponent, but space is `+`, `!'()~` are escaped and `*` is not.
 */
export function javaUrlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
}

/** `URL.toFullString()`: parameters sorted by key, as Dubbo's TreeMap writes them. */
export function dubboUrl(protocol: string, address: string, path: string, params: Record<string, string>): string {
  const query = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key] ?? ''}`)
    .join('&')
  return `${protocol}://${address}/${path}?${query}`
}

interface DubboService {
  iface: string
  application: string
  methods: string[]
  version?: string
  group?: string
  /** Demo sessions (pretend hosts) that provide it. */
  providers: number[]
  consumers: { holder: number; application: string }[]
}

const SERVICES: DubboService[] = [
  { iface: 'org.apache.dubbo.demo.DemoService', application: 'demo-provider', methods: ['sayHello', 'sayHelloAsync'], providers: [0, 1], consumers: [{ holder: 2, application: 'demo-consumer' }] },
  {
    iface: 'com.example.order.api.OrderService',
    application: 'order-service',
    methods: ['cancelOrder', 'createOrder', 'getOrder', 'listOrders'],
    version: '1.2.0',
    group: 'prod',
    providers: [0, 1, 2],
    consumers: [
      { holder: 1, application: 'checkout-web' },
      { holder: 2, application: 'billing-service' },
    ],
  },
  { iface: 'com.example.user.api.UserService', application: 'user-service', methods: ['findById', 'findByMobile', 'register'], version: '2.0.0', providers: [2], consumers: [{ holder: 0, application: 'order-service' }] },
]

function serviceNodes(service: DubboService, ctx: SeedContext): SeedNode[] {
  const base = `/dubbo/${javaUrlEncode(service.iface)}`
  const shared: Record<string, string> = { dubbo: '2.0.2', interface: service.iface, release: '3.2.12', methods: service.methods.join(',') }
  if (service.version) shared['version'] = service.version
  if (service.group) shared['group'] = service.group
  const nodes: SeedNode[] = [
    { path: `${base}/providers` },
    { path: `${base}/consumers` },
    { path: `${base}/configurators` },
    { path: `${base}/routers` },
  ]
  service.providers.forEach((holder, i) => {
    const url = dubboUrl('dubbo', `${hostOf(holder)}:20880`, service.iface, {
      ...shared,
      anyhost: 'true',
      application: service.application,
      deprecated: 'false',
      dynamic: 'true',
      generic: 'false',
      pid: String(31_000 + holder * 17 + i),
      'service-name-mapping': 'true',
      side: 'provider',
      timeout: '3000',
      timestamp: String(ctx.now - 3_600_000 + holder * 1_000),
      ...(i === 0 ? { weight: '200' } : {}),
    })
    // Curator's default data is the creating host's address.
    nodes.push({ path: `${base}/providers/${javaUrlEncode(url)}`, data: hostOf(holder), mode: 'ephemeral', holder })
  })
  for (const consumer of service.consumers) {
    const url = dubboUrl('consumer', hostOf(consumer.holder), service.iface, {
      ...shared,
      application: consumer.application,
      category: 'consumers',
      check: 'false',
      pid: String(42_000 + consumer.holder),
      side: 'consumer',
      timestamp: String(ctx.now - 1_800_000),
    })
    nodes.push({ path: `${base}/consumers/${javaUrlEncode(url)}`, data: hostOf(consumer.holder), mode: 'ephemeral', holder: consumer.holder })
  }
  return nodes
}

/** Governance rules written by Dubbo Admin: persistent, with dynamic=false. */
function ruleNodes(): SeedNode[] {
  const iface = 'com.example.order.api.OrderService'
  const override = dubboUrl('override', `${hostOf(2)}:20880`, iface, { category: 'configurators', dynamic: 'false', enabled: 'true', group: 'prod', version: '1.2.0', weight: '50' })
  const router = dubboUrl('condition', '0.0.0.0', iface, { category: 'routers', dynamic: 'false', enabled: 'true', force: 'false', name: 'canary', priority: '1', rule: javaUrlEncode(`host = ${hostOf(1)} => host = ${hostOf(1)}`), runtime: 'false' })
  return [
    { path: `/dubbo/${iface}/configurators/${javaUrlEncode(override)}`, data: '' },
    { path: `/dubbo/${iface}/routers/${javaUrlEncode(router)}`, data: '' },
  ]
}

export function dubboNodes(ctx: SeedContext): SeedNode[] {
  return [
    { path: '/dubbo', data: '' },
    ...SERVICES.flatMap((service) => serviceNodes(service, ctx)),
    ...ruleNodes(),
    { path: '/dubbo/config/dubbo/dubbo.properties', data: 'dubbo.registry.address=zookeeper://127.0.0.1:2181\ndubbo.consumer.timeout=3000\ndubbo.provider.retries=0\n' },
    {
      path: '/dubbo/config/dubbo/order-service.configurators',
      data: 'configVersion: v3.0\nscope: application\nkey: order-service\nenabled: true\nconfigs:\n  - side: provider\n    parameters:\n      timeout: 6000\n',
    },
    { path: '/dubbo/mapping/com.example.order.api.OrderService', data: 'order-service' },
    { path: '/dubbo/mapping/org.apache.dubbo.demo.DemoService', data: 'demo-provider' },
  ]
}
