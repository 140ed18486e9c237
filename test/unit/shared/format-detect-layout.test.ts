import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../shared/zk/format-detect'

const hex = (text: string) => new Uint8Array(Buffer.from(text.replaceAll(' ', ''), 'hex'))

describe('detectFormat and binary layouts', () => {
  it('chooses the decoded view for HBase, Curator queue items and counters', () => {
    const master = hex('ff000000146d61737465723a31363030305a1f0c33d2e47b90504255460a1a0a0e68626173652d6d61737465722d3110807d18fef7afb6b2311000188a7d')
    expect(detectFormat(master, '/hbase/master')).toMatchObject({ format: 'layout', reason: 'binary', layout: { kind: 'hbaseMaster' } })
    expect(detectFormat(hex('0001000101000000056a6f622d6102'), '/q/queue-0000000001')).toMatchObject({ format: 'layout', layout: { kind: 'curatorQueue' } })
    expect(detectFormat(hex('0000000000000007'), '/counters/long')).toMatchObject({ format: 'layout', layout: { kind: 'curatorInt64' } })
  })

  it('keeps hex first for 8 bytes that do not look like a count, but still offers the number', () => {
    const detection = detectFormat(hex('000102fffe7f8041'), '/b')
    expect(detection).toMatchObject({ format: 'hex', reason: 'binary', layout: { kind: 'curatorInt64', likely: false } })
  })

  it('leaves text, images and unknown binary alone', () => {
    expect(detectFormat(new TextEncoder().encode('abcd'), '/c')).toMatchObject({ format: 'text' })
    expect(detectFormat(new TextEncoder().encode('abcd'), '/c').layout).toBeUndefined()
    expect(detectFormat(hex('89504e470d0a1a0a0000000d'), '/logo.png').layout).toBeUndefined()
    expect(detectFormat(hex('00 01 02 ff fe 7f 80 41 00'), '/x')).toEqual({ format: 'hex', charset: 'utf-8', reason: 'binary' })
  })
})
