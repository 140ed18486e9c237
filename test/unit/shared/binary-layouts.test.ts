import { describe, expect, it } from 'vitest'
import { decodeLayout } from '../../../shared/zk/binary-layouts'

const hex = (text: string) => new Uint8Array(Buffer.from(text.replaceAll(' ', ''), 'hex'))
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts))
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))

/** ../shared/reference/znode-layouts.md §5.1: id master:16000, host hbase-master-1, port 16000, start code 1697162984446, info port 16010. */
const MASTER = hex(
  'ff000000146d61737465723a31363030305a1f0c33d2e47b90504255460a1a0a0e68626173652d6d61737465722d3110807d18fef7afb6b2311000188a7d',
)
const PREFIX = hex('ff000000146d61737465723a31363030305a1f0c33d2e47b90')

describe('HBase layouts', () => {
  it('decodes the master address with its writer, host, port, start code and info port', () => {
    expect(decodeLayout(MASTER, '/hbase/master')).toEqual({
      kind: 'hbaseMaster',
      writer: 'master:16000',
      likely: true,
      fields: [
        {
          key: { name: 'master' },
          value: {
            kind: 'group',
            fields: [
              { key: { name: 'host_name' }, value: { kind: 'text', value: 'hbase-master-1' } },
              { key: { name: 'port' }, value: { kind: 'number', value: '16000' } },
              { key: { name: 'start_code' }, value: { kind: 'time', value: '1697162984446', ms: 1697162984446 } },
            ],
          },
        },
        { key: { name: 'rpc_version' }, value: { kind: 'number', value: '0' } },
        { key: { name: 'info_port' }, value: { kind: 'number', value: '16010' } },
      ],
    })
  })

  it('matches paths by their last segments, under any parent', () => {
    expect(decodeLayout(MASTER, '/apps/hbase-prod/backup-masters/hbase-master-1,16000,1697162984446')?.kind).toBe('hbaseBackupMaster')
    // The same bytes at a path that names no message: every field by number.
    const generic = decodeLayout(MASTER, '/hbase/something-else')
    expect(generic?.kind).toBe('hbaseProtobuf')
    const server = generic?.fields[0]
    expect(server?.key).toEqual({ field: 1 })
    expect(server?.value.kind === 'group' && server.value.fields[0]).toEqual({ key: { field: 1 }, value: { kind: 'text', value: 'hbase-master-1' } })
    expect(generic?.fields[2]).toEqual({ key: { field: 3 }, value: { kind: 'number', value: '16010' } })
  })

  it('names the meta location, region server info, cluster id, running flag and table state', () => {
    // MetaRegionServer{server: {host "rs-1", port 16020, start code 1697162984446}, rpc_version 0, state OPEN}
    const meta = concat(PREFIX, ascii('PBUF'), hex('0a 10 0a0472732d31 10947d 18fef7afb6b231 1000 1803'))
    const decoded = decodeLayout(meta, '/hbase/meta-region-server')
    expect(decoded?.kind).toBe('hbaseMetaRegionServer')
    expect(decoded?.fields[2]).toEqual({ key: { name: 'state' }, value: { kind: 'enum', value: '3', name: 'OPEN' } })
    expect(decodeLayout(meta, '/hbase/meta-region-server-1')?.kind).toBe('hbaseMetaRegionServer')

    // RegionServerInfo{infoPort 16030, version_info{version "2.5.5"}}
    const rs = concat(PREFIX, ascii('PBUF'), hex('08 9e7d 12 07 0a05322e352e35'))
    expect(decodeLayout(rs, '/hbase/rs/rs-1,16020,1697162984446')?.fields).toEqual([
      { key: { name: 'infoPort' }, value: { kind: 'number', value: '16030' } },
      { key: { name: 'version_info' }, value: { kind: 'group', fields: [{ key: { name: 'version' }, value: { kind: 'text', value: '2.5.5' } }] } },
    ])
    const id = concat(PREFIX, ascii('PBUF'), hex('0a24'), ascii('5c1ea3a0-6a3b-4a2f-8d8b-1f2e3d4c5b6a'))
    expect(decodeLayout(id, '/hbase/hbaseid')).toMatchObject({ kind: 'hbaseClusterId', fields: [{ key: { name: 'cluster_id' }, value: { kind: 'text', value: '5c1ea3a0-6a3b-4a2f-8d8b-1f2e3d4c5b6a' } }] })
    const table = concat(ascii('PBUF'), hex('0801'))
    expect(decodeLayout(table, '/hbase/table/orders')).toEqual({ kind: 'hbaseTableState', likely: true, fields: [{ key: { name: 'state' }, value: { kind: 'enum', value: '1', name: 'DISABLED' } }] })
  })

  it('reads HBase 0.94 host,port,startcode text after the prefix', () => {
    const legacy = concat(hex('ff 00000011'), ascii('16844@h46'), hex('0102030405060708'), ascii('h46h46,60000,1355830059469'))
    expect(decodeLayout(legacy, '/hbase/master')).toEqual({
      kind: 'hbaseServerName',
      writer: '16844@h46',
      likely: true,
      fields: [
        { key: { name: 'host_name' }, value: { kind: 'text', value: 'h46h46' } },
        { key: { name: 'port' }, value: { kind: 'number', value: '60000' } },
        { key: { name: 'start_code' }, value: { kind: 'time', value: '1355830059469', ms: 1355830059469 } },
      ],
    })
  })

  it('gives null for the fixture cut short and for a prefix longer than the data', () => {
    // Inside the prefix, inside PBUF, right after it, and inside fields of the message. (A cut between two
    // fields is a shorter valid message: protobuf cannot tell, so those are not listed.)
    for (const cut of [3, 6, 10, 24, 25, 27, 29, 30, 35, 50, 56, MASTER.length - 1]) {
      expect(decodeLayout(MASTER.subarray(0, cut), '/hbase/master'), `cut at ${cut}`).toBeNull()
    }
    for (let cut = 1; cut < MASTER.length; cut++) expect(() => decodeLayout(MASTER.subarray(0, cut), '/hbase/master')).not.toThrow()
    expect(decodeLayout(hex('ff 7fffffff 00'), '/hbase/master')).toBeNull()
    expect(decodeLayout(hex('ff ffffffff 00 00 00 00'), '/hbase/master')).toBeNull()
  })
})

describe('Curator layouts', () => {
  it('decodes the queue envelope into its items', () => {
    expect(decodeLayout(hex('0001000101000000056a6f622d6102'), '/app/queue/queue-0000000001')).toEqual({
      kind: 'curatorQueue',
      likely: true,
      fields: [{ key: { item: 1 }, value: { kind: 'text', value: 'job-a' } }],
    })
    const two = decodeLayout(hex('00010001 01 00000002 6869 01 00000002 ff00 02'), '/q/queue-1')
    expect(two?.fields).toEqual([
      { key: { item: 1 }, value: { kind: 'text', value: 'hi' } },
      { key: { item: 2 }, value: { kind: 'bytes', hex: 'ff 00' } },
    ])
  })

  it('refuses an envelope that is cut short, overlong or followed by more bytes', () => {
    const whole = hex('0001000101000000056a6f622d6102')
    for (let cut = 5; cut < whole.length; cut++) expect(decodeLayout(whole.subarray(0, cut), '/q/queue-1')?.kind).not.toBe('curatorQueue')
    expect(decodeLayout(hex('00010001 01 000000ff 6869 02'), '/q/queue-1')).toBeNull()
    expect(decodeLayout(hex('00010001 02 00'), '/q/queue-1')).toBeNull()
  })

  it('reads 4 and 8 binary bytes as big-endian counters, never text', () => {
    expect(decodeLayout(hex('0000002a'), '/counters/shared')).toEqual({ kind: 'curatorInt32', likely: true, fields: [{ key: { label: 'value' }, value: { kind: 'number', value: '42' } }] })
    expect(decodeLayout(hex('fffffffe'), '/c')?.fields[0]?.value).toEqual({ kind: 'number', value: '-2' })
    expect(decodeLayout(hex('0000018b26cbfbfe'), '/counters/long')).toMatchObject({ kind: 'curatorInt64', likely: true, fields: [{ value: { value: '1697162984446' } }] })
    expect(decodeLayout(hex('ffffffffffffffff'), '/c')).toMatchObject({ kind: 'curatorInt64', likely: true, fields: [{ value: { value: '-1' } }] })
    // 8 arbitrary bytes: still offered as a number, but not likely enough to be shown first.
    expect(decodeLayout(hex('000102fffe7f8041'), '/b')).toMatchObject({ kind: 'curatorInt64', likely: false })
    expect(decodeLayout(ascii('abcd'), '/c')).toBeNull()
    expect(decodeLayout(ascii('12345678'), '/c')).toBeNull()
    expect(decodeLayout(hex('000000'), '/c')).toBeNull()
  })
})

describe('anything else', () => {
  it('gives null for garbage and never throws', () => {
    expect(decodeLayout(new Uint8Array(0), '/x')).toBeNull()
    expect(decodeLayout(hex('00 01 02 ff fe 7f 80 41 00'), '/x')).toBeNull()
    expect(decodeLayout(concat(ascii('PBUF'), hex('0b')), '/hbase/master')).toBeNull()
    for (let i = 0; i < 300; i++) {
      const random = new Uint8Array(Array.from({ length: 1 + (i % 50) }, (_, j) => (i * 37 + j * 101 + ((i ^ j) % 13)) & 0xff))
      random[0] = [0xff, 0x50, 0x00][i % 3] ?? 0
      expect(() => decodeLayout(random, '/hbase/master')).not.toThrow()
    }
  })
})
