/**
 * Rules every write obeys before it is sent: the reserved `/zookeeper`
 * subtree, and the server's request size limit. Pure, so the UI can warn as
 * the user types and the backend refuses with the same numbers.
 *
 * Sizes follow the jute encoding of each request (strings and buffers carry a
 * 4-byte length). A request longer than the server's `jute.maxbuffer`
 * (default 0xfffff) is not refused politely: the server drops the connection
 * (measured on 3.8.0: setData of 1,048,546 bytes on `/a` passes, 1,048,556
 * loses the connection), so the check has to happen here.
 */
import type { AclEntry } from '../protocol/types'

/** The server's default `jute.maxbuffer`: the longest request it reads. */
export const MAX_REQUEST_BYTES = 0xfffff
/** Multi-op batches stay well under the limit, so a server with a smaller limit or a slow link still copes. */
export const BATCH_BYTES = 256 * 1024
/** More ops than this in one multi make one failure re-run too much work one by one. */
export const BATCH_MAX_OPS = 1000

const HEADER_BYTES = 8 // xid + type
const MULTI_HEADER_BYTES = 9 // type + done + err, before each op and once at the end

const encoder = new TextEncoder()

export function utf8Length(text: string): number {
  return encoder.encode(text).length
}

/** `/zookeeper` and everything below it belong to the server (quotas, config). */
export function isReservedPath(path: string): boolean {
  return path === '/zookeeper' || path.startsWith('/zookeeper/')
}

/** What the server sees: the chroot, if any, prefixed to the path. */
export function serverPath(path: string, chroot?: string): string {
  if (!chroot || chroot === '/') return path
  return path === '/' ? chroot : `${chroot}${path}`
}

function stringBytes(text: string): number {
  return 4 + utf8Length(text)
}

function aclBytes(acl: readonly AclEntry[]): number {
  let bytes = 4
  for (const entry of acl) bytes += 4 + stringBytes(entry.scheme) + stringBytes(entry.id)
  return bytes
}

/** One write as the size rules see it; `path` is what the server sees (with the chroot). */
export type SizedOp =
  | { kind: 'create'; path: string; dataBytes: number; acl: readonly AclEntry[] }
  | { kind: 'setData'; path: string; dataBytes: number }
  | { kind: 'delete'; path: string }
  | { kind: 'check'; path: string }
  | { kind: 'setAcl'; path: string; acl: readonly AclEntry[] }

/** Bytes of one op's record, without any header. */
export function opRecordBytes(op: SizedOp): number {
  switch (op.kind) {
    case 'create':
      return stringBytes(op.path) + 4 + op.dataBytes + aclBytes(op.acl) + 4
    case 'setData':
      return stringBytes(op.path) + 4 + op.dataBytes + 4
    case 'delete':
    case 'check':
      return stringBytes(op.path) + 4
    case 'setAcl':
      return stringBytes(op.path) + aclBytes(op.acl) + 4
  }
}

/** The length the server checks for this op sent on its own. */
export function requestBytes(op: SizedOp): number {
  return HEADER_BYTES + opRecordBytes(op)
}

/** What one op adds to a multi request. */
export function multiOpBytes(op: SizedOp): number {
  return MULTI_HEADER_BYTES + opRecordBytes(op)
}

/** The length of a multi request with no ops yet (header and end marker). */
export const MULTI_BASE_BYTES = HEADER_BYTES + MULTI_HEADER_BYTES

/** The largest data a setData on this path can carry under the server's default limit. */
export function maxDataBytes(path: string, chroot?: string): number {
  return MAX_REQUEST_BYTES - requestBytes({ kind: 'setData', path: serverPath(path, chroot), dataBytes: 0 })
}

/** A sentence when the op would exceed the limit, undefined when it fits. */
export function tooLargeReason(op: SizedOp, limit = MAX_REQUEST_BYTES): string | undefined {
  const bytes = requestBytes(op)
  if (bytes <= limit) return undefined
  const data = 'dataBytes' in op ? `the data is ${op.dataBytes.toLocaleString('en-US')} bytes; ` : ''
  return `${data}the request would be ${bytes.toLocaleString('en-US')} bytes, over the server's request limit of ${limit.toLocaleString('en-US')} bytes (jute.maxbuffer, about 1 MiB)`
}
