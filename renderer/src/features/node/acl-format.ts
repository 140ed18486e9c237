/**
 * ZooKeeper permission bits as the CLI shows them (`cdrwa`) and as words.
 * TODO(contract): move to shared/zk/acl.ts when that module lands, so the
 * backend and the ACL editor use the same table.
 */
export const PERMS = [
  { letter: 'c', bit: 4, word: 'create' },
  { letter: 'd', bit: 8, word: 'delete' },
  { letter: 'r', bit: 1, word: 'read' },
  { letter: 'w', bit: 2, word: 'write' },
  { letter: 'a', bit: 16, word: 'admin' },
] as const

export type PermWord = (typeof PERMS)[number]['word']

/** Five columns, a letter where the permission is granted and "-" where it is not: `cdrwa`, `-dr--`. */
export function permLetters(perms: number): string {
  return PERMS.map((p) => (perms & p.bit ? p.letter : '-')).join('')
}

export function permWords(perms: number): PermWord[] {
  return PERMS.filter((p) => perms & p.bit).map((p) => p.word)
}
