/**
 * The protobuf wire format without a schema: enough to show what a message
 * holds (field numbers, wire types, values) when only its bytes are known.
 * Everything here reads untrusted bytes, so it never throws: bad or cut-off
 * input gives null.
 *
 * Groups (wire types 3 and 4) are deprecated and never written by the
 * systems this is for, so a message containing one is treated as not a
 * message at all.
 */
import { countControlChars, decodeBytes } from './charsets'

/** One field as stored; numbers are kept as bigint because 64-bit values (HBase start codes, ids) exceed 2^53. */
export type WireField =
  | { number: number; wireType: 'varint'; value: bigint }
  | { number: number; wireType: 'fixed64'; value: bigint }
  | { number: number; wireType: 'bytes'; bytes: Uint8Array }
  | { number: number; wireType: 'fixed32'; value: number }

const MAX_VARINT_BYTES = 10
const MAX_FIELD_NUMBER = 2 ** 29 - 1

interface Cursor {
  bytes: Uint8Array
  at: number
}

function readVarint(cursor: Cursor): bigint | null {
  let value = 0n
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    const byte = cursor.bytes[cursor.at++]
    if (byte === undefined) return null
    value |= BigInt(byte & 0x7f) << BigInt(7 * i)
    if ((byte & 0x80) === 0) return BigInt.asUintN(64, value)
  }
  return null
}

function readLittleEndian(cursor: Cursor, size: 4 | 8): bigint | null {
  if (cursor.at + size > cursor.bytes.length) return null
  let value = 0n
  for (let i = size - 1; i >= 0; i--) value = (value << 8n) | BigInt(cursor.bytes[cursor.at + i] ?? 0)
  cursor.at += size
  return value
}

function readField(cursor: Cursor): WireField | null {
  const key = readVarint(cursor)
  if (key === null) return null
  const number = Number(key >> 3n)
  if (number < 1 || number > MAX_FIELD_NUMBER) return null
  switch (Number(key & 7n)) {
    case 0: {
      const value = readVarint(cursor)
      return value === null ? null : { number, wireType: 'varint', value }
    }
    case 1: {
      const value = readLittleEndian(cursor, 8)
      return value === null ? null : { number, wireType: 'fixed64', value }
    }
    case 2: {
      const length = readVarint(cursor)
      if (length === null || length > BigInt(cursor.bytes.length - cursor.at)) return null
      const bytes = cursor.bytes.subarray(cursor.at, cursor.at + Number(length))
      cursor.at += bytes.length
      return { number, wireType: 'bytes', bytes }
    }
    case 5: {
      const value = readLittleEndian(cursor, 4)
      return value === null ? null : { number, wireType: 'fixed32', value: Number(value) }
    }
    default:
      return null
  }
}

/** The fields of one message (not nested ones), or null unless the bytes are exactly a sequence of valid fields. */
export function readFields(bytes: Uint8Array): WireField[] | null {
  const cursor: Cursor = { bytes, at: 0 }
  const fields: WireField[] = []
  while (cursor.at < bytes.length) {
    const field = readField(cursor)
    if (field === null) return null
    fields.push(field)
  }
  return fields
}

/** A value read without a schema, ready to show. */
export type WireValue =
  | { kind: 'number'; value: string }
  | { kind: 'message'; fields: DecodedField[] }
  | { kind: 'text'; value: string }
  | { kind: 'bytes'; hex: string }

export interface DecodedField {
  number: number
  wireType: WireField['wireType']
  value: WireValue
}

/** Deep enough for any real znode value; a bound so crafted input cannot recurse without end. */
export const MAX_DEPTH = 8

/** Valid UTF-8 without control characters (tab, line feed and carriage return allowed). */
export function cleanText(bytes: Uint8Array): string | null {
  const decoded = decodeBytes(bytes, 'utf-8')
  return decoded.exact && countControlChars(decoded.text, 1) === 0 ? decoded.text : null
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ')
}

/**
 * Length-delimited bytes are a string, a nested message or raw bytes; the
 * wire does not say which. Text wins when it is clean and does not start
 * with 0x0a (field 1, length-delimited: how most nested messages begin),
 * because short words often happen to parse as a message too.
 */
function lengthDelimited(bytes: Uint8Array, depth: number): WireValue {
  const text = bytes.length > 0 && bytes[0] !== 0x0a ? cleanText(bytes) : null
  if (text !== null) return { kind: 'text', value: text }
  const nested = bytes.length > 0 && depth < MAX_DEPTH ? decodeMessageAt(bytes, depth + 1) : null
  if (nested !== null) return { kind: 'message', fields: nested }
  const fallback = cleanText(bytes)
  return fallback !== null ? { kind: 'text', value: fallback } : { kind: 'bytes', hex: toHex(bytes) }
}

/** One field's value read without a schema (a length-delimited one as text, a nested message or bytes). */
export function describeField(field: WireField, depth = 0): WireValue {
  return field.wireType === 'bytes' ? lengthDelimited(field.bytes, depth) : { kind: 'number', value: field.value.toString() }
}

function decodeMessageAt(bytes: Uint8Array, depth: number): DecodedField[] | null {
  const fields = readFields(bytes)
  if (fields === null) return null
  return fields.map((field) => ({ number: field.number, wireType: field.wireType, value: describeField(field, depth) }))
}

/** A whole message read without a schema; null when the bytes are not one. Varints are unsigned decimal strings. */
export function decodeMessage(bytes: Uint8Array): DecodedField[] | null {
  return decodeMessageAt(bytes, 0)
}
