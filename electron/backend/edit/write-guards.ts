/** Checks made before a write is sent: reserved paths, ACL entries, the request size limit. */
import { ZkError } from '../../../shared/protocol/errors'
import type { AclEntry } from '../../../shared/protocol/types'
import { aclEntryProblem, formatAclEntry } from '../../../shared/zk/acl-spec'
import { isReservedPath, serverPath, tooLargeReason, type SizedOp } from '../../../shared/zk/write-rules'

/** `/zookeeper` and below belong to the server; `/` itself cannot be created, deleted or moved. */
export function assertWritablePath(path: string, what: string): void {
  if (isReservedPath(path)) throw new ZkError('INVALID_PATH', `${path} is reserved for ZooKeeper itself; the console does not ${what} it`, path)
}

export function assertNotRoot(path: string, what: string): void {
  if (path === '/') throw new ZkError('INVALID_PATH', `the root node cannot be ${what}`, path)
}

export function assertAcl(acl: readonly AclEntry[]): void {
  for (const entry of acl) {
    const problem = aclEntryProblem(entry)
    if (problem) throw new ZkError('INVALID_ACL', `${formatAclEntry(entry)}: ${problem}`)
  }
}

/** TOO_LARGE before sending: a request over the limit would make the server drop the connection. */
export function assertFits(op: SizedOp, chroot: string | undefined, shownPath: string): void {
  const reason = tooLargeReason({ ...op, path: serverPath(op.path, chroot) })
  if (reason) throw new ZkError('TOO_LARGE', `${shownPath}: ${reason}`, shownPath)
}
