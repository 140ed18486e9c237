import type { SeedNode } from './seed-plan'

/** Application configuration in the formats people keep in ZooKeeper: JSON, YAML, XML, properties. */

const applicationJson = {
  app: { name: 'order-service', env: 'staging', version: '2.14.3' },
  server: { port: 8080, contextPath: '/api', gracefulShutdownSeconds: 30 },
  datasource: {
    url: 'jdbc:mysql://db-primary.internal:3306/orders?useUnicode=true&characterEncoding=utf8',
    username: 'orders_app',
    maxPoolSize: 32,
    connectionTimeoutMs: 3000,
  },
  redis: { nodes: ['10.0.3.21:6379', '10.0.3.22:6379', '10.0.3.23:6379'], database: 2, ttlSeconds: 900 },
  kafka: { bootstrapServers: 'kafka-1:9092,kafka-2:9092,kafka-3:9092', topics: { orderEvents: 'orders', payments: 'payments' } },
  retry: { maxAttempts: 3, backoffMs: [200, 800, 3200] },
  maintenance: false,
}

// The Chinese text is deliberate: the console must show UTF-8 correctly (comments and values).
const applicationYaml = `# 订单服务配置（预发环境）
spring:
  application:
    name: order-service
  profiles:
    active: staging
server:
  port: 8080
  shutdown: graceful
order:
  # 超时未支付的订单在 30 分钟后自动关闭
  auto-close-minutes: 30
  display-name: 订单中心
  notify:
    sms-template: "您的订单 {orderId} 已发货，请注意查收。"
    channels: [sms, email, wechat]
logging:
  level:
    root: INFO
    com.example.order: DEBUG
`

const log4j2Xml = `<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN" monitorInterval="30">
  <Properties>
    <Property name="pattern">%d{ISO8601} %-5level [%t] %c{1.} - %msg%n</Property>
  </Properties>
  <Appenders>
    <Console name="Console" target="SYSTEM_OUT">
      <PatternLayout pattern="\${pattern}"/>
    </Console>
    <RollingFile name="File" fileName="/var/log/order-service/app.log"
                 filePattern="/var/log/order-service/app-%d{yyyy-MM-dd}-%i.log.gz">
      <PatternLayout pattern="\${pattern}"/>
      <Policies>
        <TimeBasedTriggeringPolicy/>
        <SizeBasedTriggeringPolicy size="256 MB"/>
      </Policies>
      <DefaultRolloverStrategy max="14"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <Logger name="com.example.order" level="debug" additivity="false">
      <AppenderRef ref="File"/>
    </Logger>
    <Logger name="org.apache.zookeeper" level="warn"/>
    <Root level="info">
      <AppenderRef ref="Console"/>
      <AppenderRef ref="File"/>
    </Root>
  </Loggers>
</Configuration>
`

const databaseProperties = `# Primary database for order-service (owned by the DBA team)
jdbc.driverClassName=com.mysql.cj.jdbc.Driver
jdbc.url=jdbc:mysql://db-primary.internal:3306/orders?useSSL=true&serverTimezone=UTC
jdbc.username=orders_app
jdbc.password=ENC(Qm9ndXMgZGVtbyB2YWx1ZQ==)
jdbc.readReplicas=db-replica-1.internal:3306,db-replica-2.internal:3306
pool.maxActive=32
pool.minIdle=4
pool.maxWaitMillis=3000
pool.validationQuery=SELECT 1
pool.testWhileIdle=true
`

const featureFlags = {
  version: 17,
  updatedBy: 'release-bot',
  flags: {
    'checkout.new-payment-page': { enabled: true, rollout: 25, segments: ['beta-testers'] },
    'orders.split-shipments': { enabled: true, rollout: 100 },
    'search.semantic-ranking': { enabled: false, rollout: 0 },
    'promo.spring-sale': { enabled: true, rollout: 100, startsAt: '2025-03-20T00:00:00Z', endsAt: '2025-04-03T00:00:00Z' },
  },
}

/**
 * "旧系统提示：订单服务将于今晚二十二点停机维护，请提前保存数据。" in GBK, as a legacy system
 * wrote it. Kept as bytes because Node can decode GBK but not encode it.
 */
export const GBK_MESSAGE_TEXT = '旧系统提示：订单服务将于今晚二十二点停机维护，请提前保存数据。'
export const GBK_MESSAGE_BYTES = Buffer.from(
  'bec9cfb5cdb3cce1cabea3bab6a9b5a5b7fecef1bdabd3dabdf1cdedb6fecaaeb6feb5e3cda3bbfaceacbba4a3acc7ebcce1c7b0b1a3b4e6cafdbedda1a3',
  'hex',
)

export function configNodes(): SeedNode[] {
  return [
    { path: '/config', data: '' },
    { path: '/config/app', data: 'order-service' },
    { path: '/config/app/application.json', data: `${JSON.stringify(applicationJson, null, 2)}\n` },
    { path: '/config/app/application.yaml', data: applicationYaml },
    { path: '/config/app/log4j2.xml', data: log4j2Xml },
    { path: '/config/app/database.properties', data: databaseProperties },
    { path: '/config/app/feature-flags.json', data: JSON.stringify(featureFlags) },
    { path: '/config/legacy/gbk-message', data: GBK_MESSAGE_BYTES },
    { path: '/config/legacy/charset', data: 'GBK' },
  ]
}
