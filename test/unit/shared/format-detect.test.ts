import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { detectFormat, formatFromText } from '../../../shared/zk/format-detect'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('detectFormat', () => {
  it('follows name hints, even for content that does not parse', () => {
    expect(detectFormat(bytes('{"a": 1'), '/app/config.json')).toMatchObject({ format: 'json', reason: 'name' })
    expect(detectFormat(bytes('a: 1'), '/app/application.yml')).toMatchObject({ format: 'yaml' })
    expect(detectFormat(bytes('<a/>'), '/log4j2.xml')).toMatchObject({ format: 'xml' })
    expect(detectFormat(bytes('a=1'), '/dubbo/config/dubbo/dubbo.properties')).toMatchObject({ format: 'properties' })
  })

  it('sniffs content when the name says nothing (Kafka JSON, XML, Dubbo URLs)', () => {
    const broker = '{"listener_security_protocol_map":{"PLAINTEXT":"PLAINTEXT"},"endpoints":["PLAINTEXT://kafka-1:9092"],"jmx_port":-1,"port":9092,"host":"kafka-1","version":5,"timestamp":"1742465700000"}'
    expect(detectFormat(bytes(broker), '/brokers/ids/1')).toMatchObject({ format: 'json', reason: 'content', charset: 'utf-8' })
    expect(detectFormat(bytes('[1, 2]'), '/x').format).toBe('json')
    expect(detectFormat(bytes('<config><a>1</a></config>'), '/x').format).toBe('xml')
    expect(detectFormat(bytes('dubbo%3A%2F%2F10.0.0.5%3A20880%2FFoo%3Fa%3Db'), '/x').format).toBe('url')
  })

  it('tells properties from YAML from plain text', () => {
    expect(formatFromText('# db\ndb.url=jdbc:x\ndb.user=app\n')).toBe('properties')
    expect(formatFromText('server:\n  port: 8080\nspring:\n  name: 订单\n')).toBe('yaml')
    expect(formatFromText('---\nfoo')).toBe('yaml')
    expect(formatFromText('127.0.0.1')).toBe('text')
    expect(formatFromText('[INFO] started [main]')).toBe('text')
    expect(formatFromText('INFO  2025-03-20T10:15:00Z order-service processed\nINFO  2025-03-20T10:15:01Z done\n')).toBe('text')
    expect(formatFromText('timeout: 3000')).toBe('text')
  })

  it('sends binary, control characters and images to hex, and notes the image type', () => {
    expect(detectFormat(new Uint8Array([0, 1, 2, 0xff, 0xfe, 0x7f, 0x80, 0x41]), '/b')).toMatchObject({ format: 'hex', reason: 'binary' })
    expect(detectFormat(bytes('abc\u0001def'), '/b.json').format).toBe('hex')
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect(detectFormat(png, '/logo.png')).toMatchObject({ format: 'hex', image: 'image/png' })
    expect(detectFormat(new Uint8Array(gzipSync('{}')), '/x.gz').format).toBe('hex')
  })

  it('detects the charset with the format (GBK, UTF-16)', () => {
    expect(detectFormat(new Uint8Array([0xc5, 0xe4, 0xd6, 0xc3]), '/legacy/msg')).toMatchObject({ format: 'text', charset: 'gb18030' })
    expect(detectFormat(new Uint8Array(Buffer.from('\ufeff{"a": 1}', 'utf16le')), '/u16')).toMatchObject({ format: 'json', charset: 'utf-16le' })
  })

  it('looks only at both ends of a large value', () => {
    const big = `[${Array.from({ length: 40_000 }, (_, i) => `{"i":${i}}`).join(',')}]`
    expect(detectFormat(bytes(big), '/big').format).toBe('json')
    const log = 'INFO 2025 order-service processed order batch; latency_ms=12 items=250\n'.repeat(14_000)
    expect(detectFormat(bytes(log), '/log').format).toBe('text')
    expect(detectFormat(new Uint8Array(0), '/e')).toMatchObject({ format: 'text', reason: 'empty' })
  })
})
