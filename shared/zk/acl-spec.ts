/**
 * ACL helpers shared by the editor and the backend: permission letters
 * (zkCli's `cdrwa`), the default ACL, and order-insensitive comparison.
 */
import type { AclEntry } from '../protocol/types'

export const PERM = { READ: 1, WRITE: 2, CREATE: 4, DELETE: 8, ADMIN: 16, ALL: 31 } as const

/** zkCli's letter order: create, delete, read, write, admin. */
const LETTERS: readonly [string, number][] = [
  ['c', PERM.CREATE],
  ['d', PERM.DELETE],
  ['r', PERM.READ],
  ['w', PERM.WRITE],
  ['a', PERM.ADMIN],
]

/** `world:anyone:cdrwa`, what a node gets when the user picks nothing else. */
export const DEFAULT_ACL: readonly AclEntry[] = [{ scheme: 'world', id: 'anyone', perms: PERM.ALL }]

export function formatPerms(perms: number): string {
  return LETTERS.filter(([, bit]) => (perms & bit) !== 0)
    .map(([letter]) => letter)
    .join('')
}

/** Parses `cdrwa` letters in any order; undefined when a letter is unknown or repeated. */
export function parsePerms(text: string): number | undefined {
  let perms = 0
  for (const letter of text.toLowerCase()) {
    const bit = LETTERS.find(([l]) => l === letter)?.[1]
    if (bit === undefined || (perms & bit) !== 0) return undefined
    perms |= bit
  }
  return perms === 0 ? undefined : perms
}

/** `scheme:id:perms`, as zkCli prints an entry. */
export function formatAclEntry(entry: AclEntry): string {
  return `${entry.scheme}:${entry.id}:${formatPerms(entry.perms)}`
}

/** A stable text for a whole ACL: equal ACLs give equal keys whatever their order. */
export function aclKey(acl: readonly AclEntry[]): string {
  return acl
    .map(formatAclEntry)
    .sort()
    .join(',')
}

export function sameAcl(a: readonly AclEntry[], b: readonly AclEntry[]): boolean {
  return aclKey(a) === aclKey(b)
}

/** Why the server would refuse this entry, checked locally so the form can say it first. */
export function aclEntryProblem(entry: AclEntry): string | undefined {
  if (!Number.isInteger(entry.perms) || entry.perms < 1 || entry.perms > PERM.ALL) return 'permissions must be some of cdrwa'
  switch (entry.scheme) {
    case 'world':
      return entry.id === 'anyone' ? undefined : 'the world scheme has the single id "anyone"'
    case 'auth':
      return undefined
    case 'digest':
      return /^[^:]+:[A-Za-z0-9+/]{27}=$/.test(entry.id) ? undefined : 'a digest id is user:base64(sha1(user:password)); use the digest helper'
    case 'ip':
      return /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry.id) ? undefined : 'an ip id is an address, optionally with /bits'
    default:
      return /^[A-Za-z0-9_-]+$/.test(entry.scheme) && entry.id.length > 0 ? undefined : 'unknown scheme or empty id'
  }
}
