import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { GBK_MESSAGE_BYTES, GBK_MESSAGE_TEXT } from '../../../../electron/backend/sandbox/seed-config'
import { dubboUrl, javaUrlEncode } from '../../../../electron/backend/sandbox/seed-dubbo'
import { digestId } from '../../../../electron/backend/sandbox/seed-secure'
import { tinyPng } from '../../../../electron/backend/sandbox/tiny-png'
import { demoPlan } from '../../../../electron/backend/sandbox/demo-seed'
import { createSeedContext } from '../../../../electron/backend/sandbox/seed-context'

describe('demo data encodings', () => {
  it('digest ids match ZooKeeper DigestAuthenticationProvider output', () => {
    // Values printed by `java -cp zookeeper.jar org.apache.zookeeper.server.auth.DigestAuthenticationProvider`.
    expect(digestId('admin:sandbox-secret')).toBe('admin:Engc1+4LKsTvXsro77ZKjBftibE=')
    expect(digestId('viewer:sandbox-viewer')).toBe('viewer:96k2Pp78/Pni8YzGbbtOi4o1LJw=')
  })

  it('encodes Dubbo URLs like java.net.URLEncoder with sorted parameters', () => {
    const url = dubboUrl('dubbo', '192.168.1.9:20880', 'link.elastic.dubbo.entity.DemoService', {
      side: 'provider',
      methods: 'sayHello,sayHelloAsync',
      anyhost: 'true',
      interface: 'link.elastic.dubbo.entity.DemoService',
    })
    expect(url).toBe('dubbo://192.168.1.9:20880/link.elastic.dubbo.entity.DemoService?anyhost=true&interface=link.elastic.dubbo.entity.DemoService&methods=sayHello,sayHelloAsync&side=provider')
    expect(javaUrlEncode(url)).toBe(
      'dubbo%3A%2F%2F192.168.1.9%3A20880%2Flink.elastic.dubbo.entity.DemoService%3Fanyhost%3Dtrue%26interface%3Dlink.elastic.dubbo.entity.DemoService%26methods%3DsayHello%2CsayHelloAsync%26side%3Dprovider',
    )
    expect(javaUrlEncode("a b*c!'()~$")).toBe('a+b*c%21%27%28%29%7E%24')
  })

  it('stores the legacy message as real GBK bytes', () => {
    expect(new TextDecoder('gbk').decode(GBK_MESSAGE_BYTES)).toBe(GBK_MESSAGE_TEXT)
    expect(GBK_MESSAGE_BYTES.toString('utf8')).not.toBe(GBK_MESSAGE_TEXT)
  })

  it('makes a well-formed PNG', () => {
    const png = tinyPng(16)
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
    expect(png.readUInt32BE(16)).toBe(16)
    // IEND with its fixed, well-known CRC closes every PNG.
    expect(png.subarray(-12).toString('hex')).toBe('0000000049454e44ae426082')
  })

  it('gzips JSON that gunzips back', () => {
    const node = demoPlan(createSeedContext()).find((n) => n.path === '/demo/binary/settings.json.gz')
    expect(Buffer.isBuffer(node?.data)).toBe(true)
    const data = node?.data as Buffer
    expect(data.subarray(0, 2).toString('hex')).toBe('1f8b')
    expect(JSON.parse(gunzipSync(data).toString('utf8'))).toHaveProperty('dashboards')
  })
})
