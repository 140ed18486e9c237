/**
 * HBase znode values: RecoverableZooKeeper's metadata prefix (0xFF, int32
 * BE length, writer id, 8 salt bytes), then `PBUF` and a protobuf message
 * whose type follows from the path (hbase ZooKeeper.proto / HBase.proto).
 * HBase 0.94 wrote `host,port,startcode` text after the prefix instead.
 * Paths are matched by their last segments, so any `zookeeper.znode.parent`
 * works.
 */
import { cleanText, decodeMessage, describeField, readFields, toHex, type DecodedField, type WireField, type WireValue } from './protobuf-wire'
import type { Layout, LayoutField, LayoutKind, LayoutValue } from './layout-types'

type FieldType = 'string' | 'uint' | 'int' | 'time' | { enum: readonly string[] } | { message: Schema }
type Schema = Readonly<Record<number, { name: string; type: FieldType }>>

const SERVER_NAME: Schema = {
  1: { name: 'host_name', type: 'string' },
  2: { name: 'port', type: 'uint' },
  3: { name: 'start_code', type: 'time' },
}
const MASTER: Schema = {
  1: { name: 'master', type: { message: SERVER_NAME } },
  2: { name: 'rpc_version', type: 'uint' },
  3: { name: 'info_port', type: 'uint' },
}
const VERSION_INFO: Schema = {
  1: { name: 'version', type: 'string' },
  2: { name: 'url', type: 'string' },
  3: { name: 'revision', type: 'string' },
  4: { name: 'user', type: 'string' },
  5: { name: 'date', type: 'string' },
  6: { name: 'src_checksum', type: 'string' },
  7: { name: 'version_major', type: 'uint' },
  8: { name: 'version_minor', type: 'uint' },
}
const REGION_SERVER_INFO: Schema = {
  1: { name: 'infoPort', type: 'int' },
  2: { name: 'version_info', type: { message: VERSION_INFO } },
}
/** RegionState.State in HBase.proto, by number. */
const REGION_STATES = [
  'OFFLINE', 'PENDING_OPEN', 'OPENING', 'OPEN', 'PENDING_CLOSE', 'CLOSING', 'CLOSED', 'SPLITTING', 'SPLIT',
  'FAILED_OPEN', 'FAILED_CLOSE', 'MERGING', 'MERGED', 'SPLITTING_NEW', 'MERGING_NEW', 'ABNORMALLY_CLOSED',
] as const
const META_REGION_SERVER: Schema = {
  1: { name: 'server', type: { message: SERVER_NAME } },
  2: { name: 'rpc_version', type: 'uint' },
  3: { name: 'state', type: { enum: REGION_STATES } },
}
const CLUSTER_ID: Schema = { 1: { name: 'cluster_id', type: 'string' } }
const CLUSTER_UP: Schema = { 1: { name: 'start_date', type: 'string' } }
const TABLE_STATE: Schema = { 1: { name: 'state', type: { enum: ['ENABLED', 'DISABLED', 'DISABLING', 'ENABLING'] } } }

const PATHS: readonly [RegExp, LayoutKind, Schema][] = [
  [/\/master$/, 'hbaseMaster', MASTER],
  [/\/backup-masters\/[^/]+$/, 'hbaseBackupMaster', MASTER],
  [/\/rs\/[^/]+$/, 'hbaseRegionServer', REGION_SERVER_INFO],
  [/\/meta-region-server(-\d+)?$/, 'hbaseMetaRegionServer', META_REGION_SERVER],
  [/\/hbaseid$/, 'hbaseClusterId', CLUSTER_ID],
  [/\/running$/, 'hbaseRunning', CLUSTER_UP],
  [/\/table\/[^/]+$/, 'hbaseTableState', TABLE_STATE],
]

const MAGIC = 0xff
const SALT_BYTES = 8
const PBUF = [0x50, 0x42, 0x55, 0x46]
/** Later than any start code a real server has (year 2286); beyond it a "time" is just a number. */
const LATEST_MS = 1e13

function timeValue(value: bigint): LayoutValue {
  const ms = Number(value)
  return value > 0n && ms < LATEST_MS ? { kind: 'time', value: value.toString(), ms } : { kind: 'number', value: value.toString() }
}

/** A value read without a schema, as a layout value (unknown fields by number). */
function genericValue(value: WireValue): LayoutValue {
  if (value.kind === 'message') return { kind: 'group', fields: genericFields(value.fields) }
  if (value.kind === 'text') return { kind: 'text', value: value.value }
  if (value.kind === 'bytes') return { kind: 'bytes', hex: value.hex }
  return { kind: 'number', value: value.value }
}

function genericFields(fields: DecodedField[]): LayoutField[] {
  return fields.map((field) => ({ key: { field: field.number }, value: genericValue(field.value) }))
}

function unnamed(field: WireField): LayoutField {
  return { key: { field: field.number }, value: genericValue(describeField(field)) }
}

/** The value of a field the schema names, or null when the stored wire type does not fit the schema's type. */
function typedValue(field: WireField, type: FieldType): LayoutValue | null {
  if (field.wireType === 'bytes') {
    if (type === 'string') {
      const text = cleanText(field.bytes)
      return text === null ? { kind: 'bytes', hex: toHex(field.bytes) } : { kind: 'text', value: text }
    }
    if (typeof type === 'object' && 'message' in type) {
      const fields = applySchema(field.bytes, type.message)
      return fields === null ? null : { kind: 'group', fields }
    }
    return null
  }
  if (field.wireType !== 'varint') return null
  if (type === 'uint') return { kind: 'number', value: field.value.toString() }
  if (type === 'int') return { kind: 'number', value: BigInt.asIntN(64, field.value).toString() }
  if (type === 'time') return timeValue(field.value)
  if (typeof type === 'object' && 'enum' in type) {
    const name = field.value < BigInt(type.enum.length) ? type.enum[Number(field.value)] : undefined
    return { kind: 'enum', value: field.value.toString(), ...(name ? { name } : {}) }
  }
  return null
}

function applySchema(bytes: Uint8Array, schema: Schema): LayoutField[] | null {
  const fields = readFields(bytes)
  if (fields === null) return null
  return fields.map((field) => {
    const known = schema[field.number] as Schema[number] | undefined
    const value = known ? typedValue(field, known.type) : null
    return value && known ? { key: { name: known.name }, value } : unnamed(field)
  })
}

function startsWith(bytes: Uint8Array, at: number, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[at + i] === byte)
}

const SERVER_NAME_TEXT = /^([^,\s]+),(\d{1,5}),(\d{1,19})$/

/** The layout after the prefix when it is not protobuf: 0.94's `host,port,startcode`, or other text. */
function legacyLayout(rest: Uint8Array, writer: string): Layout | null {
  // HBase never prefixes empty data, and a start of PBUF is protobuf cut short.
  if (rest.length === 0 || (rest.length < PBUF.length && startsWith(rest, 0, PBUF.slice(0, rest.length)))) return null
  const text = cleanText(rest)
  if (text === null) return null
  const [, host, port, startCode] = SERVER_NAME_TEXT.exec(text) ?? []
  if (host === undefined || port === undefined || startCode === undefined) return { kind: 'hbaseData', writer, likely: true, fields: [{ key: { label: 'data' }, value: { kind: 'text', value: text } }] }
  const fields: LayoutField[] = [
    { key: { name: 'host_name' }, value: { kind: 'text', value: host } },
    { key: { name: 'port' }, value: { kind: 'number', value: port } },
    { key: { name: 'start_code' }, value: timeValue(BigInt(startCode)) },
  ]
  return { kind: 'hbaseServerName', writer, likely: true, fields }
}

/** An HBase value (with the metadata prefix, or bare `PBUF`), or null when the bytes are not one or are cut short. */
export function decodeHBase(bytes: Uint8Array, path: string): Layout | null {
  let at = 0
  let writer: string | undefined
  if (bytes[0] === MAGIC) {
    if (bytes.length < 5) return null
    const idLength = new DataView(bytes.buffer, bytes.byteOffset + 1, 4).getInt32(0)
    if (idLength < SALT_BYTES || 5 + idLength > bytes.length) return null
    const id = bytes.subarray(5, 5 + idLength - SALT_BYTES)
    writer = cleanText(id) ?? toHex(id)
    at = 5 + idLength
  }
  if (!startsWith(bytes, at, PBUF)) return writer === undefined ? null : legacyLayout(bytes.subarray(at), writer)
  const message = bytes.subarray(at + PBUF.length)
  const known = PATHS.find(([pattern]) => pattern.test(path))
  const named = known ? applySchema(message, known[2]) : null
  const matched = named?.some((field) => 'name' in field.key) === true
  const fields = matched ? named : decodedOrNull(message)
  // Nothing after PBUF is protobuf cut short: no HBase message is written empty.
  if (fields === null || fields.length === 0) return null
  return { kind: matched && known ? known[1] : 'hbaseProtobuf', ...(writer === undefined ? {} : { writer }), likely: true, fields }
}

function decodedOrNull(message: Uint8Array): LayoutField[] | null {
  const decoded = decodeMessage(message)
  return decoded === null ? null : genericFields(decoded)
}
