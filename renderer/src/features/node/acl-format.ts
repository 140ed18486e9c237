/**
 * ZooKeeper permission bits as the CLI shows them (`cdrwa`, with "-" for a
 * missing one, in zkCli's column order) and as words. The bits come from
 * shared/zk/acl-spec, which the backend and the ACL editor use too.
 */
import { PERM } from '../../../../shared/zk/acl-spec'

export const PERMS = [
  { letter: 'c', bit: PERM.CREATE, word: 'create' },
  { letter: 'd', bit: PERM.DELETE, word: 'delete' },
  { letter: 'r', bit: PERM.READ, word: 'read' },
  { letter: 'w', bit: PERM.WRITE, word: 'write' },
  { letter: 'a', bit: PERM.ADMIN, word: 'admin' },
] as const

export type PermWord = (typeof PERMS)[number]['word']

/** Five columns, a letter where the permission is granted and "-" where it is not: `cdrwa`, `-dr--`. */
export function permLetters(perms: number): string {
  return PERMS.map((p) => (perms & p.bit ? p.letter : '-')).join('')
}

export function permWords(perms: number): PermWord[] {
  return PERMS.filter((p) => perms & p.bit).map((p) => p.word)
}
