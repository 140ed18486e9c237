/** Contract ACL entries to and from the client library's ACL objects. */
import zookeeper from 'node-zookeeper-client'
import type { AclEntry } from '../../../shared/protocol/types'

export function toLibraryAcl(acl: readonly AclEntry[]): zookeeper.ACL[] {
  return acl.map((entry) => new zookeeper.ACL(entry.perms, new zookeeper.Id(entry.scheme, entry.id)))
}
