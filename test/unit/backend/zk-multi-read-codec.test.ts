/**
 * The multiRead records our patch adds to the client library, against bytes
 * built by hand from ZooKeeper's jute definitions (MultiOperationRecord,
 * MultiResponse): a request of getChildren and getData ops, and an answer
 * holding a children list, data with its Stat, and an error.
 */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { bool, int, ustring } from '../../helpers/jute-bytes'

interface JuteRecord {
  byteLength(): number
  serialize(buffer: Buffer, offset: number): number
  setChrootPath(path: string): void
}
type ReadResult = { type: number; children?: string[]; data?: Buffer; stat?: { mzxid: Buffer; version: number }; err?: number }
interface Jute {
  OP_CODES: Record<string, number>
  MultiReadRequest: new (ops: { type: number; path: string }[]) => JuteRecord
  MultiReadResponse: new () => { results: ReadResult[]; deserialize(buffer: Buffer, offset: number): number }
}

const jute = createRequire(import.meta.url)('node-zookeeper-client/lib/jute/index.js') as Jute

const header = (type: number, done: boolean, err: number) => Buffer.concat([int(type), bool(done), int(err)])

function encode(record: JuteRecord): Buffer {
  const buffer = Buffer.alloc(record.byteLength())
  expect(record.serialize(buffer, 0)).toBe(buffer.length)
  return buffer
}

describe('multiRead records', () => {
  it('encodes each op behind its header, a watch flag off, and the closing header', () => {
    const request = new jute.MultiReadRequest([
      { type: jute.OP_CODES.GET_CHILDREN as number, path: '/a' },
      { type: jute.OP_CODES.GET_DATA as number, path: '/b/数据' },
    ])
    expect(jute.OP_CODES.MULTI_READ).toBe(22)
    expect(encode(request)).toEqual(
      Buffer.concat([
        header(8, false, -1),
        ustring('/a'),
        bool(false),
        header(4, false, -1),
        ustring('/b/数据'),
        bool(false),
        header(-1, true, -1),
      ]),
    )
  })

  it('puts the chroot in front of every path', () => {
    const request = new jute.MultiReadRequest([{ type: jute.OP_CODES.GET_CHILDREN as number, path: '/a' }])
    request.setChrootPath('/app')
    expect(encode(request)).toEqual(Buffer.concat([header(8, false, -1), ustring('/app/a'), bool(false), header(-1, true, -1)]))
  })

  it('refuses an op that is not a read', () => {
    expect(() => new jute.MultiReadRequest([{ type: jute.OP_CODES.DELETE as number, path: '/a' }])).toThrow(/Unknown read op type/)
  })

  it('decodes children, data with its Stat and a per-op error, in order, and says how many bytes it read', () => {
    const stat = Buffer.alloc(68)
    stat.writeBigInt64BE(0x1234n, 8) // mzxid
    stat.writeInt32BE(7, 32) // version
    const body = Buffer.concat([
      header(8, false, 0),
      int(2),
      ustring('x'),
      ustring('节点'),
      header(4, false, 0),
      int(3),
      Buffer.from('abc'),
      stat,
      header(-1, false, -102),
      int(-102),
      header(-1, true, -1),
    ])
    // Bytes before and after: the record starts at an offset and stops at its closing header.
    const framed = Buffer.concat([Buffer.from([9, 9, 9]), body, Buffer.from([0xff, 0xff])])
    const response = new jute.MultiReadResponse()
    expect(response.deserialize(framed, 3)).toBe(body.length)
    const [children, data, error] = response.results
    expect(response.results).toHaveLength(3)
    expect(children).toEqual({ type: 8, children: ['x', '节点'] })
    expect(data?.type).toBe(4)
    expect(data?.data?.toString()).toBe('abc')
    expect(data?.stat?.mzxid.readBigInt64BE()).toBe(0x1234n)
    expect(data?.stat?.version).toBe(7)
    expect(error).toEqual({ type: -1, err: -102 })
  })

  it('decodes an empty batch and a node without children', () => {
    const body = Buffer.concat([header(8, false, 0), int(0), header(-1, true, -1)])
    const response = new jute.MultiReadResponse()
    expect(response.deserialize(body, 0)).toBe(body.length)
    expect(response.results).toEqual([{ type: 8, children: [] }])
    const none = new jute.MultiReadResponse()
    expect(none.deserialize(header(-1, true, -1), 0)).toBe(9)
    expect(none.results).toEqual([])
  })
})
