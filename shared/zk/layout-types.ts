/**
 * What a decoded binary layout looks like to the inspector: what the bytes
 * are (the kind, shown as a title) and a tree of named values.
 */

export type LayoutValue =
  | { kind: 'text'; value: string }
  /** A decimal string: 64-bit values stay exact. */
  | { kind: 'number'; value: string }
  /** Milliseconds since the epoch (HBase start codes), shown also as a date. */
  | { kind: 'time'; value: string; ms: number }
  /** An enum's number and, when known, its name. */
  | { kind: 'enum'; value: string; name?: string }
  | { kind: 'bytes'; hex: string }
  | { kind: 'group'; fields: LayoutField[] }

/** Words the inspector translates (the other keys are names from the writer's schema, shown as they are). */
export type LayoutLabel = 'value' | 'data'

export type FieldKey =
  /** A field name from the writer's own schema (protobuf field names stay untranslated, as in the source). */
  | { name: string }
  /** A protobuf field the schema does not name. */
  | { field: number }
  /** The n-th item (from 1) of a list such as a Curator queue envelope. */
  | { item: number }
  | { label: LayoutLabel }

export interface LayoutField {
  key: FieldKey
  value: LayoutValue
}

export const LAYOUT_KINDS = [
  'hbaseMaster',
  'hbaseBackupMaster',
  'hbaseRegionServer',
  'hbaseMetaRegionServer',
  'hbaseClusterId',
  'hbaseRunning',
  'hbaseTableState',
  'hbaseProtobuf',
  'hbaseServerName',
  'hbaseData',
  'curatorQueue',
  'curatorInt32',
  'curatorInt64',
] as const
export type LayoutKind = (typeof LAYOUT_KINDS)[number]

export interface Layout {
  kind: LayoutKind
  /** HBase: the writer's id from the metadata prefix, e.g. `master:16000`. */
  writer?: string
  fields: LayoutField[]
  /**
   * Whether the bytes alone make the layout likely enough to show it first.
   * A magic number (0xFF prefix, PBUF, the queue version) is; a bare 8-byte
   * number is only when its value looks like a count (see binary-layouts.ts).
   */
  likely: boolean
}
