import { describe, expect, it } from 'vitest'
import { decodeLayout } from '../../../../../shared/zk/binary-layouts'
import { createI18n } from '../../../i18n/i18n'
import { layoutText } from '../layout-text'

const hex = (text: string) => new Uint8Array(Buffer.from(text.replaceAll(' ', ''), 'hex'))
const MASTER = hex(
  'ff000000146d61737465723a31363030305a1f0c33d2e47b90504255460a1a0a0e68626173652d6d61737465722d3110807d18fef7afb6b2311000188a7d',
)

describe('layoutText ("copy as shown" of a decoded layout)', () => {
  it('writes the title, the writer and one indented line per field, in the language shown', () => {
    const layout = decodeLayout(MASTER, '/hbase/master')
    if (!layout) throw new Error('the fixture must decode')
    expect(layoutText(layout, createI18n('en').t)).toBe(
      [
        'HBase master address',
        'Written by master:16000 (HBase metadata prefix)',
        'master:',
        '  host_name: "hbase-master-1"',
        '  port: 16000',
        '  start_code: 1697162984446 (2023-10-13T02:09:44.446Z)',
        'rpc_version: 0',
        'info_port: 16010',
      ].join('\n'),
    )
    expect(layoutText(layout, createI18n('zh-CN').t).split('\n').slice(0, 2)).toEqual(['HBase 主节点地址', '写入者：master:16000（HBase 元数据前缀）'])
  })

  it('labels queue items and counters in words, and says a counter is a guess', () => {
    const queue = decodeLayout(hex('0001000101000000056a6f622d6102'), '/q/queue-0000000001')
    const counter = decodeLayout(hex('0000002a'), '/counters/c')
    if (!queue || !counter) throw new Error('the examples must decode')
    const t = createI18n('en').t
    expect(layoutText(queue, t)).toBe('Curator queue item (ItemSerializer)\nitem 1: "job-a"')
    expect(layoutText(counter, t).split('\n')).toEqual([
      'Curator SharedCount / DistributedAtomicInteger',
      'Read as a big-endian number because the value is exactly 4 bytes and not text; it may be something else.',
      'value: 42',
    ])
  })
})
