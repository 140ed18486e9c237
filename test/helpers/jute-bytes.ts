/** Bytes of ZooKeeper's wire format, built by hand for tests of the client library. */

export const int = (value: number): Buffer => {
  const buffer = Buffer.alloc(4)
  buffer.writeInt32BE(value)
  return buffer
}

export const bool = (value: boolean): Buffer => Buffer.from([value ? 1 : 0])

export const ustring = (value: string): Buffer => Buffer.concat([int(Buffer.byteLength(value)), Buffer.from(value, 'utf8')])

/** A packet: its length, then its body. */
export const frame = (body: Buffer): Buffer => Buffer.concat([int(body.length), body])

/** A reply header: xid, zxid (zero), error code. */
export const replyHeader = (xid: number, err: number): Buffer => Buffer.concat([int(xid), Buffer.alloc(8), int(err)])
