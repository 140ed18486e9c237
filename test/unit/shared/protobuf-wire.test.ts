import { describe, expect, it } from 'vitest'
import { MAX_DEPTH, decodeMessage, readFields } from '../../../shared/zk/protobuf-wire'

const hex = (text: string) => new Uint8Array(Buffer.from(text.replaceAll(' ', ''), 'hex'))

describe('protobuf wire format', () => {
  it('reads every wire type, 64-bit varints exactly', () => {
    // 1: varint 150; 2: fixed64 1; 3: "hi"; 4: fixed32 7; 5: varint 2^63 + 1 (beyond 2^53)
    const fields = readFields(hex('08 9601 11 0100000000000000 1a 026869 25 07000000 28 81808080808080808001'))
    expect(fields).toEqual([
      { number: 1, wireType: 'varint', value: 150n },
      { number: 2, wireType: 'fixed64', value: 1n },
      { number: 3, wireType: 'bytes', bytes: hex('6869') },
      { number: 4, wireType: 'fixed32', value: 7 },
      { number: 5, wireType: 'varint', value: 2n ** 63n + 1n },
    ])
    expect(decodeMessage(hex('28 81808080808080808001'))).toEqual([{ number: 5, wireType: 'varint', value: { kind: 'number', value: '9223372036854775809' } }])
  })

  it('shows length-delimited values as a nested message, text or bytes', () => {
    // 1: { 1: "host", 2: 16000 }; 2: "plain text"; 3: bytes ff 00
    const decoded = decodeMessage(hex('0a 09 0a04686f7374 10807d 12 0a 706c61696e2074657874 1a 02 ff00'))
    expect(decoded).toEqual([
      {
        number: 1,
        wireType: 'bytes',
        value: {
          kind: 'message',
          fields: [
            { number: 1, wireType: 'bytes', value: { kind: 'text', value: 'host' } },
            { number: 2, wireType: 'varint', value: { kind: 'number', value: '16000' } },
          ],
        },
      },
      { number: 2, wireType: 'bytes', value: { kind: 'text', value: 'plain text' } },
      { number: 3, wireType: 'bytes', value: { kind: 'bytes', hex: 'ff 00' } },
    ])
  })

  it('gives null for garbage, groups, truncation and field number 0, never a throw', () => {
    expect(decodeMessage(hex('0a 05 6869'))).toBeNull() // length beyond the end
    expect(decodeMessage(hex('08 96'))).toBeNull() // varint cut short
    expect(decodeMessage(hex('0b 0c'))).toBeNull() // a group
    expect(decodeMessage(hex('00 01'))).toBeNull() // field 0
    expect(decodeMessage(hex('08 ffffffffffffffffffff01'))).toBeNull() // an 11-byte varint
    expect(decodeMessage(hex('11 0100'))).toBeNull() // fixed64 cut short
    for (let i = 0; i < 200; i++) {
      const random = new Uint8Array(Array.from({ length: 1 + (i % 40) }, (_, j) => (i * 131 + j * 197 + ((i * j) % 7)) & 0xff))
      expect(() => decodeMessage(random)).not.toThrow()
    }
  })

  it('stops nesting at a bounded depth', () => {
    // 20 levels of field 1 wrapping field 1: deeper levels are left as bytes, not recursed into.
    let inner = hex('08 01')
    for (let i = 0; i < 20; i++) inner = Uint8Array.of(0x0a, inner.length, ...inner)
    let value = decodeMessage(inner)?.[0]?.value
    let depth = 0
    while (value?.kind === 'message') {
      value = value.fields[0]?.value
      depth++
    }
    expect(depth).toBe(MAX_DEPTH)
    expect(value?.kind).toBe('bytes')
  })
})
