/**
 * Binary znode values whose layout is documented by the system that writes
 * them, decoded into named values: HBase (hbase-znode.ts), Curator's queue
 * envelope, and Curator's counters. Reads untrusted bytes: anything that is
 * not exactly one of these layouts, or is cut short, gives null, never a
 * throw.
 */
import { sniffCharset } from './charsets'
import { decodeHBase } from './hbase-znode'
import { cleanText, toHex } from './protobuf-wire'
import type { Layout, LayoutField, LayoutValue } from './layout-types'

export type { Layout, LayoutField, LayoutValue, LayoutKind, FieldKey } from './layout-types'

/** ItemSerializer's envelope: int32 version, then 0x01 + int32 length + bytes per item, then 0x02. */
const QUEUE_VERSION = 0x00010001
const ITEM_OPCODE = 0x01
const EOF_OPCODE = 0x02

function itemValue(bytes: Uint8Array): LayoutValue {
  const text = cleanText(bytes)
  return text === null ? { kind: 'bytes', hex: toHex(bytes) } : { kind: 'text', value: text }
}

/** A Curator DistributedQueue item (ItemSerializer), or null unless the envelope is whole and nothing follows it. */
export function decodeCuratorQueue(bytes: Uint8Array): Layout | null {
  if (bytes.length < 5) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getInt32(0) !== QUEUE_VERSION) return null
  const fields: LayoutField[] = []
  let at = 4
  while (at < bytes.length && bytes[at] === ITEM_OPCODE) {
    if (at + 5 > bytes.length) return null
    const length = view.getInt32(at + 1)
    const start = at + 5
    if (length < 0 || start + length > bytes.length) return null
    fields.push({ key: { item: fields.length + 1 }, value: itemValue(bytes.subarray(start, start + length)) })
    at = start + length
  }
  if (bytes[at] !== EOF_OPCODE || at + 1 !== bytes.length) return null
  return { kind: 'curatorQueue', fields, likely: true }
}

/**
 * An 8-byte value is read as a count only when its top 16 bits are just
 * sign: |n| < 2^47 covers every count and millisecond time in practice,
 * while 8 arbitrary bytes (a hash, a key) almost never look like that.
 */
const LIKELY_INT64 = 2n ** 47n

/**
 * Curator SharedCount / DistributedAtomicInteger (int32 BE) or
 * DistributedAtomicLong (int64 BE). Only bytes that are not text: "abcd" is
 * a word, not the number 1633837924.
 */
export function decodeCuratorNumber(bytes: Uint8Array): Layout | null {
  if ((bytes.length !== 4 && bytes.length !== 8) || sniffCharset(bytes) !== null) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length === 4) {
    return { kind: 'curatorInt32', likely: true, fields: [{ key: { label: 'value' }, value: { kind: 'number', value: String(view.getInt32(0)) } }] }
  }
  const value = view.getBigInt64(0)
  const likely = value < LIKELY_INT64 && value >= -LIKELY_INT64
  return { kind: 'curatorInt64', likely, fields: [{ key: { label: 'value' }, value: { kind: 'number', value: value.toString() } }] }
}

/** The documented layout these bytes are in, judged by the bytes and the node's path; null when none fits. */
export function decodeLayout(bytes: Uint8Array, path: string): Layout | null {
  if (bytes.length === 0) return null
  return decodeHBase(bytes, path) ?? decodeCuratorQueue(bytes) ?? decodeCuratorNumber(bytes)
}
